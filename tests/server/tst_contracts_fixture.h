#pragma once

// Shared set-up for the contract and handover tests: a real server on a fresh database, users,
// and sales records (account, opportunity, accepted quote) written straight into the tables the
// crm migrations define, so these tests do not depend on the quote routes.

#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

namespace keel::test {

class ContractFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    qint64 salesId = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        salesId = server->createUser("seller", "seller password", {{"sales", QString()}});
        server->createUser("uk.seller", "seller password", {{"sales", "UK"}});
        server->createUser("director", "director password", {{"sales_director", QString()}});
        server->createUser("pm", "pm password", {{"project_manager", QString()}});
        server->createUser("consultant", "consultant password", {{"consultant", QString()}});
    }

    void tearDown()
    {
        server.reset();
        db.reset();
    }

    std::unique_ptr<HttpClient> client(const QString &user, const QString &password)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, password);
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        q.next();
        return q.value(0).toLongLong();
    }
    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        q.next();
        return q.value(0).toString();
    }

    qint64 roleId(const QString &code)
    {
        return scalar("SELECT id FROM job_roles WHERE code = ?", {code});
    }

    qint64 account(const QString &entity, const QString &name, const QString &currency)
    {
        return scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                      "billing_currency, tax_profile) VALUES ((SELECT id FROM legal_entities "
                      "WHERE code = ?), ?, lower(?), 'GB', ?, 'STANDARD') RETURNING id",
                      {entity, name, name, currency});
    }

    // An offering whose template adds 30 h of ANALYST effort.
    qint64 offering()
    {
        const qint64 line = scalar("INSERT INTO service_lines (code, name) VALUES "
                                   "('CLOUD_MIGRATION', 'Cloud migration') RETURNING id");
        const qint64 id = scalar("INSERT INTO offerings (service_line_id, code, name, "
                                 "typical_duration_weeks, billing_model) VALUES (?, 'LIFT_SHIFT', "
                                 "'Lift and shift', 12, 'time_and_materials') RETURNING id",
                                 {line});
        db::query(
            db->sql(),
            "INSERT INTO offering_effort (offering_id, job_role_id, hours) VALUES (?, ?, 30), "
            "(?, ?, 100)",
            {id, roleId("ANALYST"), id, roleId("CONSULTANT")});
        return id;
    }

    // A UK quote in GBP in `status` with three role lines and one fixed line:
    //   CONSULTANT 120 h × 95.50 = 11,460.00 (cost 120 × 52.25 = 6,270.00)
    //   ARCHITECT 40.5 h × 150.75 = 6,105.38 (cost 40.5 × 80.10 = 3,244.05)
    //   MANAGER 16 h × 130 = 2,080.00 (cost 16 × 70 = 1,120.00)
    //   Workshop fixed 2,500.00
    // list = net = 22,145.38.
    qint64 quote(const QString &status, qint64 offeringId = 0)
    {
        const qint64 acc = account("UK", "Acme Ltd", "GBP");
        const qint64 opp = scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, stage_id, "
            "probability, currency, required_skills, offering_id) VALUES ((SELECT id FROM "
            "legal_entities WHERE code = 'UK'), ?, ?, 'Acme cloud', (SELECT id FROM "
            "opportunity_stages WHERE code = 'WON'), 100, 'GBP', '{aws,terraform}', ?) "
            "RETURNING id",
            {acc, salesId,
             offeringId ? QVariant(offeringId) : QVariant(QMetaType::fromType<qint64>())});
        const qint64 q = scalar(
            "INSERT INTO quotes (opportunity_id, version_no, legal_entity_id, account_id, title, "
            "currency, quote_date, status, list_value, net_value, cost_value) VALUES (?, 1, "
            "(SELECT id FROM legal_entities WHERE code = 'UK'), ?, 'Acme cloud migration', 'GBP', "
            "'2026-11-01', ?, 22145.38, 22145.38, 10634.05) RETURNING id",
            {opp, acc, status});
        db::query(db->sql(),
                  "INSERT INTO quote_lines (quote_id, line_no, kind, description, job_role_id, "
                  "hours, rate, rate_source, cost_rate, list_amount, cost_amount) VALUES "
                  "(?, 1, 'role', 'Migration consultants', ?, 120, 95.50, 'rate_card', 52.25, "
                  "11460.00, 6270.00), "
                  "(?, 2, 'role', 'Target architecture', ?, 40.5, 150.75, 'rate_card', 80.10, "
                  "6105.38, 3244.05), "
                  "(?, 3, 'role', 'Engagement management', ?, 16, 130, 'manual', 70, 2080.00, "
                  "1120.00), "
                  "(?, 4, 'fixed', 'Workshop', NULL, NULL, NULL, NULL, NULL, 2500.00, 0)",
                  {q, roleId("CONSULTANT"), q, roleId("ARCHITECT"), q, roleId("MANAGER"), q});
        return q;
    }

    static QJsonObject money(const char *amount, const char *currency = "GBP")
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    // A direct contract body with one milestones line (3 milestones) and one fixed-fee line.
    QJsonObject directContract(const QString &entity, qint64 accountId, const char *currency)
    {
        return {
            {"legal_entity", entity},
            {"account_id", QString::number(accountId)},
            {"title", "Data platform"},
            {"currency", currency},
            {"start_date", "2026-01-05"},
            {"end_date", "2026-06-26"},
            {"lines",
             QJsonArray{
                 QJsonObject{
                     {"description", "Build"},
                     {"billing_model", "milestones"},
                     {"value", money("30000.00", currency)},
                     {"milestones", QJsonArray{QJsonObject{{"name", "Design signed off"},
                                                           {"amount", money("7500.00", currency)},
                                                           {"planned_date", "2026-02-13"}},
                                               QJsonObject{{"name", "Platform live"},
                                                           {"amount", money("15000.50", currency)},
                                                           {"planned_date", "2026-04-30"}},
                                               QJsonObject{{"name", "Handover"},
                                                           {"amount", money("7499.50", currency)},
                                                           {"planned_date", "2026-06-26"}}}}},
                 QJsonObject{{"description", "Support"},
                             {"billing_model", "fixed_fee"},
                             {"value", money("1200.00", currency)},
                             {"schedule",
                              QJsonArray{QJsonObject{{"date", "2026-03-31"},
                                                     {"amount", money("600.00", currency)}},
                                         QJsonObject{{"date", "2026-06-30"},
                                                     {"amount", money("600.00", currency)}}}}}}}};
    }

    static QString today() { return QDate::currentDate().toString(Qt::ISODate); }

    static HttpResult sign(HttpClient &http, const QString &id, int version)
    {
        return http.post(QStringLiteral("/api/v1/crm/contracts/%1/sign").arg(id),
                         {{"signature_date", today()}, {"version", version}});
    }
};

} // namespace keel::test
