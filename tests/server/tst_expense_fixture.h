#pragma once

// Shared set-up for the expense, expense report and vendor bill tests: a server on a fresh
// database, US people (functional currency USD) with employee records, three categories and an
// EUR→USD rate.
//
//   amy  consultant, managed by max       max  project manager (employee, manages amy)
//   bob  consultant, no manager           rita resource manager (holds expenses.approve)
//   fin  finance of US                    fin2 finance of US
//   ukfin finance of UK (not US)
//
// Categories of US: MEALS per day cap 50.00, receipt above 25.00; HOTEL per item cap 200.00,
// receipt above 0; TAXI no cap, receipt above 75.00. EUR→USD 1.0834 from 2026-01-01,
// 1.1000 from 2026-03-01.

#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

namespace keel::test {

class ExpenseFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    qint64 amyEmp = 0, maxEmp = 0, bobEmp = 0;
    qint64 amy = 0, max = 0, bob = 0, rita = 0, fin = 0, fin2 = 0;
    qint64 meals = 0, hotel = 0, taxi = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        amy = server->createUser("amy", "amy password", {{"consultant", "US"}}, "US");
        max = server->createUser("max", "max password", {{"project_manager", "US"}}, "US");
        bob = server->createUser("bob", "bob password", {{"consultant", "US"}}, "US");
        rita = server->createUser("rita", "rita password", {{"resource_manager", "US"}}, "US");
        fin = server->createUser("fin", "fin password", {{"finance", "US"}}, "US");
        fin2 = server->createUser("fin2", "fin2 password", {{"finance", "US"}}, "US");
        server->createUser("ukfin", "ukfin password", {{"finance", "UK"}}, "UK");
        maxEmp = employee(max, 0);
        amyEmp = employee(amy, maxEmp);
        bobEmp = employee(bob, 0);
        employee(rita, 0);
        employee(fin, 0);
        meals = category("MEALS", "Meals", "per_day", "50", "25");
        hotel = category("HOTEL", "Hotel", "per_item", "200", "0");
        taxi = category("TAXI", "Taxi", "none", QString(), "75");
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('EUR', 'USD', '2026-01-01', 1.0834), "
                            "('EUR', 'USD', '2026-03-01', 1.1)");
    }

    void tearDown()
    {
        server.reset();
        db.reset();
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        if (!q.next())
            return 0;
        return q.value(0).toLongLong();
    }

    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        q.next();
        return q.value(0).toString();
    }

    qint64 employee(qint64 user, qint64 manager)
    {
        return scalar(
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id, "
            "manager_id) SELECT ?, le.id, 'US', jr.id, ? FROM legal_entities le, "
            "job_roles jr WHERE le.code = 'US' AND jr.code = 'CONSULTANT' "
            "RETURNING employees.id",
            {user, manager ? QVariant(manager) : QVariant(QMetaType::fromType<qint64>())});
    }

    qint64 category(const QString &code, const QString &name, const QString &capKind,
                    const QString &cap, const QString &receiptAbove)
    {
        return scalar("INSERT INTO expense_categories (legal_entity_id, code, name, cap_kind, "
                      "cap_amount, receipt_required_above) SELECT id, ?, ?, ?, ?::numeric, "
                      "?::numeric FROM legal_entities WHERE code = 'US' RETURNING id",
                      {code, name, capKind,
                       cap.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(cap),
                       receiptAbove});
    }

    std::unique_ptr<HttpClient> client(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    static HttpResult put(HttpClient &http, const QString &path, const QJsonObject &body)
    {
        return http.send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                         {{"Content-Type", "application/json"}});
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    static QJsonObject money(const char *amount, const char *currency)
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    // Saves a new expense; returns the reply.
    static HttpResult expense(HttpClient &http, const QString &id, qint64 category,
                              const char *date, const char *amount, const char *currency = "USD",
                              const QJsonObject &extra = {})
    {
        QJsonObject body{{"category_id", QString::number(category)},
                         {"expense_date", date},
                         {"description", "Client visit"},
                         {"amount", money(amount, currency)}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return put(http, "/api/v1/expenses/" + id, body);
    }

    static QByteArray pngBytes(int size = 64)
    {
        QByteArray b = QByteArray::fromHex("89504e470d0a1a0a");
        b.append(QByteArray(size - b.size(), 'x'));
        return b;
    }

    static HttpResult receipt(HttpClient &http, const QString &expenseId, const QString &id,
                              const QByteArray &bytes, const QByteArray &type = "image/png")
    {
        return http.send(
            "PUT", "/api/v1/expenses/" + expenseId + "/receipts/" + id + "?file_name=receipt.png",
            bytes, {{"Content-Type", type}});
    }
};

} // namespace keel::test
