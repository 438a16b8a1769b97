// bench_pipeline_list: the pipeline list (GET /api/v1/crm/opportunities) over real HTTP against
// keel-server (2 worker threads) on a fresh database with 5,000 opportunities of one legal
// entity (inserted set-based, then ANALYZE), signed in as a salesperson scoped to that entity.
// 300 requests (after 20 warm-up ones) cycle through server-side filters and sorts (owner,
// stage, close date range, open only, practice; sort by value / close date, both directions)
// and second pages through the next_after cursor. Figures: pipeline_list_p95_ms (target < 50 ms)
// and pipeline_list_p50_ms.
#include "bench_support.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace keel::bench;

namespace {

constexpr int kOpportunities = 5000;
constexpr int kOwners = 20;
constexpr int kWarmUp = 20;
constexpr int kRequests = 300;

void seed(const keel::test::TestDatabase &database)
{
    keel::test::seedLegalEntities(database);
    // Owners (cannot sign in), accounts, then the opportunities, all deterministic.
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT 'owner' || i, "
            "'Owner ' || i, e.id FROM generate_series(1, %1) i, legal_entities e WHERE e.code = "
            "'UK';"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT e.id, 'Client ' || i, 'client ' || i, 'GB', 'GBP', 'STANDARD' "
            "FROM generate_series(1, 250) i, legal_entities e WHERE e.code = 'UK';"
            "WITH s AS (SELECT id, default_probability, is_won, is_lost, row_number() OVER "
            "(ORDER BY sort_order) - 1 AS k FROM opportunity_stages), "
            "u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE username "
            "LIKE 'owner%'), "
            "a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM accounts), "
            "p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM practices) "
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, practice_id, name, "
            "stage_id, is_open, probability, expected_value, currency, expected_close, "
            "expected_start, created_at, updated_at) "
            "SELECT e.id, a.id, u.id, p.id, 'Opportunity ' || i, s.id, NOT (s.is_won OR "
            "s.is_lost), s.default_probability, ((i * 7919) % 49900 + 100) * 10.25, 'GBP', "
            "DATE '2025-01-01' + (i * 37) % 730, DATE '2025-02-01' + (i * 37) % 730, "
            "now() - (i % 600) * interval '1 day', now() - (i % 90) * interval '1 hour' "
            "FROM generate_series(1, %2) i JOIN legal_entities e ON e.code = 'UK' "
            "JOIN s ON s.k = (i * 13) % 6 JOIN u ON u.k = i % %1 JOIN a ON a.k = (i * 31) % "
            "250 JOIN p ON p.k = i % 2;"
            "ANALYZE")
            .arg(kOwners)
            .arg(kOpportunities));
    QSqlQuery q =
        keel::db::query(database.sql(), QStringLiteral("SELECT count(*) FROM opportunities"), {});
    q.next();
    if (q.value(0).toInt() != kOpportunities)
        throw BenchError(QStringLiteral("seeded %1 opportunities, not %2")
                             .arg(q.value(0).toInt())
                             .arg(kOpportunities));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"pipeline_list_p95_ms", "pipeline_list_p50_ms"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_pipeline_list"));
        seed(database);
        const QString password = QStringLiteral("bench-password-1");
        runProgram(adminBinary(),
                   {QStringLiteral("create-user"), QStringLiteral("-d"), database.url(),
                    QStringLiteral("--username"), QStringLiteral("bench.sales"),
                    QStringLiteral("--password"), password, QStringLiteral("--entity"),
                    QStringLiteral("UK"), QStringLiteral("--role"), QStringLiteral("sales:UK")},
                   60000);
        QSqlQuery owners = keel::db::query(
            database.sql(),
            QStringLiteral("SELECT id FROM users WHERE username LIKE 'owner%' ORDER BY id"), {});
        QStringList ownerIds;
        while (owners.next())
            ownerIds << owners.value(0).toString();

        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        keel::test::HttpClient client(server.baseUrl());
        const auto login = client.login(QStringLiteral("bench.sales"), password);
        if (login.status != 200)
            throw BenchError(QStringLiteral("login answered %1: %2")
                                 .arg(login.status)
                                 .arg(QString::fromUtf8(login.body.left(200))));

        // First pages of six filter/sort combinations; variants 6 and 7 fetch the second page
        // of variants 4 and 1 through the cursor their last answer gave.
        const QString base = QStringLiteral("/api/v1/crm/opportunities?limit=50");
        const auto query = [&](int variant, int i) -> QString {
            const QString owner = ownerIds.value(i % qMax(1, int(ownerIds.size())));
            const QDate from = QDate(2025, 1, 1).addDays((i * 17) % 600);
            const QString range =
                QStringLiteral("&close_from=%1&close_to=%2")
                    .arg(from.toString(Qt::ISODate), from.addDays(90).toString(Qt::ISODate));
            switch (variant) {
            case 0:
                return base;
            case 1:
                return base + QStringLiteral("&owner=%1&sort=value&dir=desc").arg(owner);
            case 2:
                return base + QStringLiteral("&stage=PROPOSE,NEGOTIATE&sort=expected_close");
            case 3:
                return base + range + QStringLiteral("&sort=value");
            case 4:
                return base + QStringLiteral("&open_only=true&sort=value&dir=desc");
            default:
                return base + QStringLiteral("&practice=CLOUD&sort=expected_close&dir=desc") +
                       range;
            }
        };
        QHash<int, QString> lastQuery;
        QHash<int, QString> nextAfter;
        QList<double> times;
        for (int i = 0; i < kWarmUp + kRequests; ++i) {
            const int variant = i % 8;
            QString url;
            if (variant == 6 || variant == 7) {
                const int of = variant == 6 ? 4 : 1;
                if (nextAfter.value(of).isEmpty())
                    throw BenchError(QStringLiteral("no next_after on a full first page (%1)")
                                         .arg(lastQuery.value(of)));
                url = lastQuery.value(of) + QStringLiteral("&after=") + nextAfter.value(of);
            } else {
                url = query(variant, i);
            }
            QElapsedTimer timer;
            timer.start();
            const keel::test::HttpResult r = client.get(url);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (r.status != 200)
                throw BenchError(QStringLiteral("GET %1 answered %2: %3")
                                     .arg(url)
                                     .arg(r.status)
                                     .arg(QString::fromUtf8(r.body.left(200))));
            const QJsonObject page = r.json();
            if (!page.contains(QStringLiteral("items")))
                throw BenchError(QStringLiteral("GET %1: no items in the answer").arg(url));
            if (variant < 6) {
                lastQuery[variant] = url;
                nextAfter[variant] = page.value(QStringLiteral("next_after")).toString();
            }
            if (i >= kWarmUp)
                times.append(ms);
        }
        emitValue(QStringLiteral("pipeline_list_p95_ms"), percentile(times, 0.95),
                  QStringLiteral("ms"));
        emitValue(QStringLiteral("pipeline_list_p50_ms"), percentile(times, 0.50),
                  QStringLiteral("ms"));
        server.stop();
    });
}
