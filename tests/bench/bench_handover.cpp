// bench_handover: signing a contract runs the handover to delivery (project, budget baseline by
// role, milestones, billing rules, resource requests) in the signing transaction. Against
// keel-server (2 worker threads) on a fresh database, a salesperson enters contracts directly
// through the API (20 lines: 19 time-and-materials lines with a job role, hours and rate, and
// one milestones line with 10 milestones) and signs each; only POST .../sign is timed. 2 warm-up
// contracts, then 20 measured ones. Figures: handover_ms (median, target < 100 ms) and
// handover_p95_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace keel::bench;

namespace {

constexpr int kWarmUp = 2;
constexpr int kContracts = 20;

QJsonObject gbp(const QString &amount)
{
    return {{"amount", amount}, {"currency", "GBP"}};
}

QJsonObject contractBody(qint64 account, const QList<qint64> &roles, int n)
{
    QJsonArray lines;
    for (int i = 0; i < 19; ++i) {
        const int hours = 40 + i * 8;
        lines.append(QJsonObject{{"description", QStringLiteral("Delivery effort %1").arg(i + 1)},
                                 {"billing_model", "time_and_materials"},
                                 {"value", gbp(QStringLiteral("%1.00").arg(hours * 150))},
                                 {"job_role_id", QString::number(roles.at(i % roles.size()))},
                                 {"hours", QString::number(hours)},
                                 {"rate", "150.00"}});
    }
    QJsonArray milestones;
    for (int m = 0; m < 10; ++m)
        milestones.append(QJsonObject{
            {"name", QStringLiteral("Milestone %1").arg(m + 1)},
            {"amount", gbp(QStringLiteral("2500.00"))},
            {"planned_date", QDate(2026, 1, 30).addDays(m * 28).toString(Qt::ISODate)}});
    lines.append(QJsonObject{{"description", "Fixed deliverables"},
                             {"billing_model", "milestones"},
                             {"value", gbp(QStringLiteral("25000.00"))},
                             {"milestones", milestones}});
    return {{"legal_entity", "UK"},
            {"account_id", QString::number(account)},
            {"title", QStringLiteral("Bench programme %1").arg(n)},
            {"currency", "GBP"},
            {"start_date", "2026-01-05"},
            {"end_date", "2026-12-18"},
            {"lines", lines}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"handover_ms", "handover_p95_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_handover"));
        keel::test::seedLegalEntities(database);
        QSqlQuery acc = keel::db::query(
            database.sql(),
            QStringLiteral("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                           "billing_currency, tax_profile) SELECT id, 'Bench client', 'bench "
                           "client', 'GB', 'GBP', 'STANDARD' FROM legal_entities WHERE code = "
                           "'UK' RETURNING id"),
            {});
        acc.next();
        const qint64 account = acc.value(0).toLongLong();
        QSqlQuery r = keel::db::query(
            database.sql(), QStringLiteral("SELECT id FROM job_roles ORDER BY sort_order"), {});
        QList<qint64> roles;
        while (r.next())
            roles << r.value(0).toLongLong();
        if (roles.isEmpty())
            throw BenchError(QStringLiteral("no job roles in the migrated database"));

        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.sales"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK"), QStringLiteral("--role"), QStringLiteral("sales")},
                   60000);
        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.sales"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));

        QList<double> times;
        for (int n = 0; n < kWarmUp + kContracts; ++n) {
            const keel::test::HttpResult created = client.post(
                QStringLiteral("/api/v1/crm/contracts"), contractBody(account, roles, n));
            if (created.status != 201)
                throw BenchError(QStringLiteral("POST /api/v1/crm/contracts answered %1: %2")
                                     .arg(created.status)
                                     .arg(QString::fromUtf8(created.body.left(300))));
            const QString id = created.json().value("id").toString();
            const int version = created.json().value("version").toInt(1);
            const QString sign = QStringLiteral("/api/v1/crm/contracts/%1/sign").arg(id);
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult signedReply =
                client.post(sign, {{"signature_date", QDate::currentDate().toString(Qt::ISODate)},
                                   {"version", version}});
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (signedReply.status != 200)
                throw BenchError(QStringLiteral("POST %1 answered %2: %3")
                                     .arg(sign)
                                     .arg(signedReply.status)
                                     .arg(QString::fromUtf8(signedReply.body.left(300))));
            // The handover really happened: one project with the 10 milestones.
            QSqlQuery p = keel::db::query(
                database.sql(),
                QStringLiteral("SELECT count(m.id) FROM projects p LEFT JOIN project_milestones m "
                               "ON m.project_id = p.id WHERE p.contract_id = ?"),
                {id.toLongLong()});
            if (!p.next() || p.value(0).toInt() != 10)
                throw BenchError(QStringLiteral("signing contract %1 did not create its project "
                                                "with 10 milestones")
                                     .arg(id));
            if (n >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("handover_ms"), median(times), QStringLiteral("ms"));
        emitValue(QStringLiteral("handover_p95_ms"), percentile(times, 0.95), QStringLiteral("ms"));
        server.stop();
    });
}
