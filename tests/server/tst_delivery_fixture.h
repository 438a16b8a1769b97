#pragma once

// Shared set-up for the delivery tests (projects run by hand, milestones, change requests):
// the contract fixture's server and users plus a second project manager, finance and an
// executive of UK, a UK account in GBP and a standard cost for CONSULTANT (52.25 GBP/h).

#include "tst_contracts_fixture.h"

#include <QJsonDocument>

namespace keel::test {

class DeliveryFixture : public ContractFixture
{
public:
    qint64 pmId = 0;
    qint64 pm2Id = 0;
    qint64 accountId = 0;

    void setUpDelivery(const char *name)
    {
        setUp(name);
        pmId = scalar("SELECT id FROM users WHERE username = 'pm'");
        pm2Id = server->createUser("pm2", "pm2 password", {{"project_manager", "UK"}});
        server->createUser("fin", "fin password", {{"finance", "UK"}});
        server->createUser("exec", "exec password", {{"executive", "UK"}});
        server->createUser("de.fin", "fin password", {{"finance", "DE"}}, "DE");
        accountId = account("UK", "Acme Ltd", "GBP");
        db::query(db->sql(),
                  "INSERT INTO job_role_costs (job_role_id, legal_entity_id, currency, "
                  "hourly_cost, valid_from) VALUES (?, (SELECT id FROM legal_entities WHERE "
                  "code = 'UK'), 'GBP', 52.25, '2020-01-01')",
                  {roleId("CONSULTANT")});
    }

    static HttpResult put(HttpClient &http, const QString &path, const QJsonObject &body)
    {
        return http.send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                         {{"Content-Type", "application/json"}});
    }

    // A blank UK project managed by the caller (a project manager), 2026-01-05 .. 2026-06-26.
    QJsonObject blankProject(HttpClient &http, const QString &name = QStringLiteral("Data lake"))
    {
        const HttpResult r =
            http.post("/api/v1/delivery/projects", {{"legal_entity", "UK"},
                                                    {"account_id", QString::number(accountId)},
                                                    {"name", name},
                                                    {"practice", "DATA"},
                                                    {"start_date", "2026-01-05"},
                                                    {"end_date", "2026-06-26"}});
        if (r.status != 201)
            qWarning() << "create project" << r.status << r.body;
        return r.json();
    }

    static QString path(const QJsonObject &project, const char *tail = "")
    {
        return "/api/v1/delivery/projects/" + project.value("id").toString() +
               QString::fromLatin1(tail);
    }
};

} // namespace keel::test
