#pragma once

// Shared set-up for the billing run tests: a server on a fresh database with the three entities
// (US/USD, UK "GB"/GBP, DE/EUR), the service's synchronous entry point (runNow) on the test's
// own connection, and
//   fin   finance of US, UK and DE          ukfin finance of UK only
//   amy   consultant of US
// People (employees of US, UK and DE, one per job role code) are made on demand; time entries,
// expenses and contracts are written straight into the tables as the earlier issues' services
// leave them (approved time, approved expenses, signed contracts).

#include "billing/billing_run_service.h"
#include "http/http_types.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <memory>
#include <optional>

namespace keel::test {

class BillingRunFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<BillingRunService> runs;
    qint64 us = 0, uk = 0, de = 0;
    qint64 fin = 0, ukfin = 0, amy = 0;
    int contractSeq = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        runs = std::make_unique<BillingRunService>(db->config());
        fin = server->createUser("fin", "fin password",
                                 {{"finance", "US"}, {"finance", "UK"}, {"finance", "DE"}}, "US");
        ukfin = server->createUser("ukfin", "ukfin password", {{"finance", "UK"}}, "UK");
        amy = server->createUser("amy", "amy password", {{"consultant", "US"}}, "US");
        us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        de = scalar("SELECT id FROM legal_entities WHERE code = 'DE'");
    }

    void tearDown()
    {
        runs.reset();
        server.reset();
        db.reset();
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    // The first row's columns; numbers as PostgreSQL writes them.
    QString text(const QString &sql, const QVariantList &binds = {})
    {
        return rows(sql, binds).section(QStringLiteral(" | "), 0, 0);
    }

    // Each row's columns joined by " ", rows by " | ".
    QString rows(const QString &sql, const QVariantList &binds = {})
    {
        // Numeric columns as PostgreSQL writes them ("2.50"), not through a double.
        QSqlQuery q(db->sql());
        q.setNumericalPrecisionPolicy(QSql::HighPrecision);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        db::exec(q);
        QStringList out;
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << (q.value(i).isNull() ? QStringLiteral("-") : q.value(i).toString());
            out << cols.join(u' ');
        }
        return out.join(QStringLiteral(" | "));
    }

    qint64 entityId(const QString &code) { return code == "US" ? us : code == "UK" ? uk : de; }

    qint64 role(const QString &code)
    {
        return scalar("SELECT id FROM job_roles WHERE code = ?", {code});
    }

    // An employee (with a user of their own) of `entity` whose job role is `roleCode`.
    qint64 employee(const QString &entity, const QString &roleCode)
    {
        static int n = 0;
        const QString name = QStringLiteral("emp%1").arg(++n);
        const qint64 user = scalar("INSERT INTO users (username, display_name, legal_entity_id) "
                                   "VALUES (?, ?, ?) RETURNING id",
                                   {name, name, entityId(entity)});
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                      "VALUES (?, ?, 'US', ?) RETURNING id",
                      {user, entityId(entity), role(roleCode)});
    }

    qint64 account(const QString &entity, const QString &name, const QString &country,
                   const QString &currency, const QString &taxProfile = "STANDARD",
                   int termsDays = 30)
    {
        return scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                      "billing_currency, payment_terms_days, tax_profile) VALUES "
                      "(?, ?, lower(?), ?, ?, ?, ?) RETURNING id",
                      {entityId(entity), name, name, country, currency, termsDays, taxProfile});
    }

    // A signed contract of the account's entity and its project.
    struct Contract
    {
        qint64 id = 0, project = 0;
    };
    Contract contract(qint64 accountId, const QString &currency, const QString &title)
    {
        Contract c;
        c.id = scalar("INSERT INTO contracts (legal_entity_id, account_id, number, title, "
                      "currency, start_date, end_date, signature_date, status) SELECT "
                      "legal_entity_id, id, ?, ?, ?, '2026-01-01', '2026-12-31', '2025-12-15', "
                      "'signed' FROM accounts WHERE id = ? RETURNING id",
                      {QStringLiteral("SOW-T-%1").arg(++contractSeq), title, currency, accountId});
        c.project = scalar("INSERT INTO projects (legal_entity_id, account_id, contract_id, name, "
                           "currency, start_date, end_date, status) SELECT legal_entity_id, "
                           "account_id, id, ?, currency, start_date, end_date, 'active' FROM "
                           "contracts WHERE id = ? RETURNING id",
                           {title + QStringLiteral(" project"), c.id});
        return c;
    }

    // A contract line; `fields` are column = value pairs of contract_lines.
    qint64 line(qint64 contractId, const QString &model, const QVariantMap &fields = {})
    {
        QStringList cols{"contract_id", "line_no", "description", "billing_model", "value"};
        QVariantList binds{
            contractId,
            scalar("SELECT count(*) + 1 FROM contract_lines WHERE contract_id = ?", {contractId}),
            fields.value("description", model + QStringLiteral(" line")), model,
            fields.value("value", "0")};
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.key() == "description" || it.key() == "value")
                continue;
            cols << it.key();
            binds << it.value();
        }
        QStringList marks;
        for (qsizetype i = 0; i < cols.size(); ++i)
            marks << QStringLiteral("?");
        return scalar(QStringLiteral("INSERT INTO contract_lines (%1) VALUES (%2) RETURNING id")
                          .arg(cols.join(u','), marks.join(u',')),
                      binds);
    }

    qint64 rateItem(qint64 lineId, const QString &roleCode, const QString &rate)
    {
        return scalar("INSERT INTO contract_line_items (line_id, contract_id, kind, seq, "
                      "job_role_id, rate) SELECT id, contract_id, 'rate', (SELECT count(*) + 1 "
                      "FROM contract_line_items WHERE line_id = ?), ?, ?::numeric FROM "
                      "contract_lines WHERE id = ? RETURNING id",
                      {lineId, role(roleCode), rate, lineId});
    }

    qint64 scheduleItem(qint64 lineId, const QString &name, const QString &amount,
                        const QString &due)
    {
        return scalar("INSERT INTO contract_line_items (line_id, contract_id, kind, seq, name, "
                      "amount, due_date) SELECT id, contract_id, 'schedule', (SELECT count(*) + 1 "
                      "FROM contract_line_items WHERE line_id = ?), ?, ?::numeric, ?::date FROM "
                      "contract_lines WHERE id = ? RETURNING id",
                      {lineId, name, amount, due, lineId});
    }

    // An approved billable time entry (the state time approval leaves it in).
    QString entry(qint64 employeeId, qint64 project, const QString &date, const QString &hours,
                  const QString &status = "approved", bool billable = true, qint64 task = 0)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "task_id, work_date, hours, billable, status) SELECT ?::uuid, ?, "
                  "legal_entity_id, id, ?, ?::date, ?::numeric, ?, ? FROM projects WHERE id = ?",
                  {id, employeeId, task ? QVariant(task) : QVariant(QMetaType::fromType<qint64>()),
                   date, hours, billable, status, project});
        return id;
    }

    // The synchronous run, committed; its id.
    qint64 runNow(const QString &entity, const QString &period, qint64 contractId = 0)
    {
        BillingRunParams p;
        p.legalEntityId = entityId(entity);
        p.period = Period::fromString(period).value();
        p.contractId = contractId;
        QSqlDatabase sql = db->sql();
        db::Transaction tx(sql);
        const qint64 id = runs->runNow(sql, p, fin);
        tx.commit();
        return id;
    }

    // "kind quantity unit_price amount tax" per line of the contract's invoices of a run, in
    // invoice and line order.
    QString lines(qint64 runId, qint64 contractId)
    {
        return rows("SELECT l.kind, l.quantity, l.unit_price::numeric(20, 2), "
                    "l.amount::numeric(20, 2), l.tax_amount::numeric(20, 2) FROM invoice_lines l "
                    "JOIN invoices i ON i.id = l.invoice_id WHERE i.billing_run_id = ? AND "
                    "i.contract_id = ? ORDER BY i.id, l.line_no",
                    {runId, contractId});
    }

    // "tax_code subtotal tax_total total currency due_date" of the contract's invoices of a run.
    QString invoices(qint64 runId, qint64 contractId)
    {
        return rows("SELECT tax_code, subtotal::numeric(20, 2), tax_total::numeric(20, 2), "
                    "total::numeric(20, 2), currency, due_date FROM invoices WHERE "
                    "billing_run_id = ? AND contract_id = ? ORDER BY id",
                    {runId, contractId});
    }

    std::unique_ptr<HttpClient> login(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    // Polls GET /billing/runs/{id} until the run is no longer running (at most ~30 s).
    QJsonObject waitForRun(HttpClient &http, const QString &id)
    {
        QJsonObject run;
        for (int i = 0; i < 600; ++i) {
            run = http.get("/api/v1/billing/runs/" + id).json();
            if (run.value("status").toString() != "running")
                break;
            QThread::msleep(50);
        }
        return run;
    }
};

} // namespace keel::test
