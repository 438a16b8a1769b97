// The billing run as a job over HTTP (202, progress while it waits and works, completed with
// counts and totals, failed when its period closed while it waited), who may start and see runs
// (403, 404, 423, 422), and each source billed once when two runs of the same entity and period
// start at the same instant.

#include "tst_billing_run_fixture.h"

#include <latch>
#include <thread>

using namespace keel;
using namespace keel::test;

class BillingRunTest : public QObject, public BillingRunFixture
{
    Q_OBJECT

    // A US client with `contracts` T&M contracts at 120.00 an hour, each with `entries`
    // approved entries in March 2026 of 1.25 h to 4.00 h; returns the approved hours.
    QString seedTime(int contracts, int entries)
    {
        const qint64 consultant = employee("US", "CONSULTANT");
        db::query(db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from) SELECT ?, 'USD', ?, 120, '2026-01-01' WHERE NOT "
                  "EXISTS (SELECT 1 FROM rate_card_rates)",
                  {us, role("CONSULTANT")});
        const qint64 a = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        for (int i = 0; i < contracts; ++i) {
            const Contract c = contract(a, "USD", QStringLiteral("Lake %1").arg(i));
            line(c.id, "time_and_materials");
            db::query(db->sql(),
                      "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                      "work_date, hours, billable, status) SELECT gen_random_uuid(), ?, ?, ?, "
                      "DATE '2026-03-01' + (k % 28), 1.25 + (k % 12) * 0.25, true, 'approved' "
                      "FROM generate_series(1, ?) k",
                      {consultant, us, c.project, entries});
        }
        return text("SELECT sum(hours) FROM time_entries WHERE status = 'approved'");
    }

    QString billedHours()
    {
        return text("SELECT sum(hours) FROM billing_sources WHERE source_kind = 'time_entry' AND "
                    "released_at IS NULL");
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void runIsAJob()
    {
        const QString approved = seedTime(3, 20);
        auto http = login("fin");
        HttpResult r = http->post("/api/v1/billing/runs", {{"legal_entity_id", QString::number(us)},
                                                           {"period", "2026-03"}});
        QCOMPARE(r.status, 202);
        const QString id = r.json().value("id").toString();
        QCOMPARE(r.json().value("status").toString(), QString("running"));
        QCOMPARE(r.json().value("period").toString(), QString("2026-03"));
        QCOMPARE(r.json().value("invoice_date").toString(), QString("2026-03-31"));
        const QJsonObject run = waitForRun(*http, id);
        KEEL_COVERS_TRANSITION("billing_run", "running", "complete",
                               run.value("status").toString());
        QCOMPARE(run.value("progress").toInt(), 100);
        QCOMPARE(run.value("step").toString(), QString("done"));
        QCOMPARE(run.value("invoice_count").toInt(), 3);
        QCOMPARE(run.value("line_count").toInt(), 3);
        QCOMPARE(run.value("exception_count").toInt(), 0);
        QVERIFY(!run.value("finished_at").toString().isEmpty());
        // Every approved hour at 120.00; lines are rounded to the cent, hours × 120 has no
        // fraction of a cent, so the total is the approved hours × 120.00 exactly.
        const QString expected =
            text("SELECT (sum(hours) * 120)::numeric(20, 2)::text FROM time_entries");
        const QJsonArray totals = run.value("totals").toArray();
        QCOMPARE(totals.size(), 1);
        QCOMPARE(totals.at(0).toObject().value("amount").toString(), expected);
        QCOMPARE(totals.at(0).toObject().value("currency").toString(), QString("USD"));
        QCOMPARE(billedHours(), approved);
        const QJsonArray list =
            http->get("/api/v1/billing/runs?legal_entity_id=" + QString::number(us))
                .json()
                .value("items")
                .toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value("id").toString(), id);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'billing_run'"), 2);

        // A retried POST with the same Idempotency-Key answers the first run and starts nothing.
        const QByteArray body = QJsonDocument(QJsonObject{{"legal_entity_id", QString::number(us)},
                                                          {"period", "2026-04"}})
                                    .toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"},
                                                           {"Idempotency-Key", "april-run-1"}};
        const HttpResult first = http->send("POST", "/api/v1/billing/runs", body, headers);
        const HttpResult again = http->send("POST", "/api/v1/billing/runs", body, headers);
        QCOMPARE(first.status, 202);
        QCOMPARE(again.status, 202);
        QCOMPARE(again.json().value("id"), first.json().value("id"));
        QCOMPARE(waitForRun(*http, first.json().value("id").toString()).value("status").toString(),
                 QString("completed"));
        QCOMPARE(scalar("SELECT count(*) FROM billing_runs"), 2);
    }

    void progressWhileWaitingAndAFailure()
    {
        seedTime(1, 5);
        auto http = login("fin");
        // Another run of the entity holds its lock: the new run waits and says so.
        QSqlDatabase other = db::open(db->config(), "holder");
        {
            db::Transaction holder(other);
            db::query(other,
                      "SELECT pg_advisory_xact_lock(hashtextextended('billing_run:' || ?, 0))",
                      {QString::number(us)});
            HttpResult r =
                http->post("/api/v1/billing/runs",
                           {{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}});
            QCOMPARE(r.status, 202);
            const QString id = r.json().value("id").toString();
            QJsonObject seen;
            for (int i = 0; i < 200; ++i) {
                seen = http->get("/api/v1/billing/runs/" + id).json();
                if (seen.value("progress").toInt() > 0)
                    break;
                QThread::msleep(20);
            }
            QCOMPARE(seen.value("status").toString(), QString("running"));
            QCOMPARE(seen.value("progress").toInt(), 2);
            QCOMPARE(seen.value("step").toString(),
                     QString("waiting for other runs of the entity"));
            // Meanwhile the period is hard-closed: when the lock comes, the run fails and bills
            // nothing.
            db::query(other,
                      "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                      "status) VALUES (?, '2026-03-01', '2026-03-31', 'hard_closed')",
                      {us});
            holder.commit();
            const QJsonObject run = waitForRun(*http, id);
            KEEL_COVERS_TRANSITION("billing_run", "running", "fail",
                                   run.value("status").toString());
            QVERIFY2(run.value("error").toString().contains("hard-closed"),
                     qPrintable(run.value("error").toString()));
            QCOMPARE(scalar("SELECT count(*) FROM invoices"), 0);
            QCOMPARE(text("SELECT action FROM audit_log WHERE record_type = 'billing_run' ORDER "
                          "BY id DESC LIMIT 1"),
                     QString("billing_run.fail"));
        }
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase("holder");
    }

    void aRunLeftByAStoppedServerIsFailedWhenRead()
    {
        // Three runs left 'running' as a crashed server would leave them; only the one that
        // started minutes ago and whose lock nobody holds is abandoned.
        const auto leftRunning = [&](const QString &startedAgo) {
            return scalar("INSERT INTO billing_runs (legal_entity_id, period_start, period_end, "
                          "invoice_date, created_by, started_at, progress, step) VALUES (?, "
                          "'2026-03-01', '2026-03-31', '2026-03-31', ?, now() - ?::interval, 40, "
                          "'pricing time') RETURNING id",
                          {us, fin, startedAgo});
        };
        const qint64 abandoned = leftRunning("10 minutes");
        const qint64 justStarted = leftRunning("5 seconds");
        const qint64 elsewhere = leftRunning("10 minutes");
        QSqlDatabase other = db::open(db->config(), "executing");
        db::query(other, "SELECT pg_advisory_lock(x'6b6c4252'::int, ?::int)", {elsewhere});

        auto http = login("fin");
        const QJsonObject run =
            http->get("/api/v1/billing/runs/" + QString::number(abandoned)).json();
        QCOMPARE(run.value("status").toString(), QString("failed"));
        QVERIFY2(run.value("error").toString().contains("server stopped"),
                 qPrintable(run.value("error").toString()));
        QCOMPARE(text("SELECT actor_name || ' ' || action FROM audit_log WHERE record_type = "
                      "'billing_run' AND record_id = ?",
                      {QString::number(abandoned)}),
                 QString("keel-server billing_run.fail"));
        QCOMPARE(http->get("/api/v1/billing/runs/" + QString::number(justStarted))
                     .json()
                     .value("status")
                     .toString(),
                 QString("running"));
        QCOMPARE(http->get("/api/v1/billing/runs/" + QString::number(elsewhere))
                     .json()
                     .value("status")
                     .toString(),
                 QString("running"));
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase("executing");
    }

    void whoMayRun()
    {
        seedTime(1, 2);
        const QJsonObject body{{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}};
        auto amy = login("amy");
        QCOMPARE(amy->post("/api/v1/billing/runs", body).status, 403);
        QCOMPARE(amy->get("/api/v1/billing/runs").status, 403);
        QCOMPARE(amy->get("/api/v1/billing/exceptions").status, 403);
        // Finance of UK only: the US entity does not exist for them.
        auto ukfin = login("ukfin");
        QCOMPARE(ukfin->post("/api/v1/billing/runs", body).status, 404);
        auto fin = login("fin");
        HttpResult r = fin->post("/api/v1/billing/runs", body);
        QCOMPARE(r.status, 202);
        const QString id = r.json().value("id").toString();
        waitForRun(*fin, id);
        QCOMPARE(ukfin->get("/api/v1/billing/runs/" + id).status, 404);
        QCOMPARE(ukfin->get("/api/v1/billing/runs?legal_entity_id=" + QString::number(us)).status,
                 404);
        QCOMPARE(ukfin->get("/api/v1/billing/runs").json().value("items").toArray().size(), 0);
        QCOMPARE(fin->get("/api/v1/billing/runs/999999").status, 404);

        // Bad periods and references are 422 with the field.
        for (const char *bad : {"2026-13", "March", "2026-3", ""}) {
            r = fin->post("/api/v1/billing/runs",
                          {{"legal_entity_id", QString::number(us)}, {"period", bad}});
            QCOMPARE(r.status, 422);
            QVERIFY2(r.fieldCodes().startsWith("period:"), r.body.constData());
        }
        const qint64 ukAccount = account("UK", "Other", "GB", "GBP");
        r = fin->post("/api/v1/billing/runs", {{"legal_entity_id", QString::number(us)},
                                               {"period", "2026-03"},
                                               {"account_id", QString::number(ukAccount)}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("account_id:unknown"));
        r = fin->post("/api/v1/billing/runs", {{"legal_entity_id", QString::number(us)},
                                               {"period", "2026-03"},
                                               {"invoice_date", "2026-02-27"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("invoice_date:before_period"));

        // A hard-closed period is 423, and nothing is started.
        db::query(db->sql(),
                  "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                  "status) VALUES (?, '2026-02-01', '2026-02-28', 'hard_closed')",
                  {us});
        const qint64 before = scalar("SELECT count(*) FROM billing_runs");
        r = fin->post("/api/v1/billing/runs",
                      {{"legal_entity_id", QString::number(us)}, {"period", "2026-02"}});
        QCOMPARE(r.status, 423);
        QCOMPARE(scalar("SELECT count(*) FROM billing_runs"), before);
        // The synchronous entry point refuses it the same way.
        bool refused = false;
        try {
            runNow("US", "2026-02");
        } catch (const ApiError &e) {
            refused = e.problem().status == 423;
        }
        QVERIFY(refused);
    }

    void eachSourceBilledOnceUnderTwoConcurrentRuns()
    {
        const QString approved = seedTime(8, 40);
        // Two workers, each on its own connection, start a run of the same entity and period at
        // the same instant.
        std::latch go(2);
        QList<qint64> ids(2, 0);
        QStringList errors(2);
        const DbConfig config = db->config();
        const auto worker = [&](int i) {
            const QString name = QStringLiteral("runner%1").arg(i);
            try {
                QSqlDatabase sql = db::open(config, name);
                BillingRunParams p;
                p.legalEntityId = us;
                p.period = Period(2026, 3);
                go.arrive_and_wait();
                db::Transaction tx(sql);
                ids[i] = runs->runNow(sql, p, fin);
                tx.commit();
            } catch (const std::exception &e) {
                errors[i] = QString::fromUtf8(e.what());
            }
            QSqlDatabase::removeDatabase(name);
        };
        std::thread a(worker, 0), b(worker, 1);
        a.join();
        b.join();
        QCOMPARE(errors, QStringList({QString(), QString()}));
        // One of them billed everything, the other nothing.
        QCOMPARE(rows("SELECT invoice_count FROM billing_runs ORDER BY invoice_count"),
                 QString("0 | 8"));
        QCOMPARE(billedHours(), approved);
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT source_key FROM billing_sources GROUP BY "
                        "source_key HAVING count(*) > 1) d"),
                 0);

        // The same over HTTP: two runs posted back to back bill nothing more.
        seedTime(2, 10);
        const QString approvedNow = text("SELECT sum(hours) FROM time_entries");
        auto http = login("fin");
        const QJsonObject body{{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}};
        const QString first =
            http->post("/api/v1/billing/runs", body).json().value("id").toString();
        const QString second =
            http->post("/api/v1/billing/runs", body).json().value("id").toString();
        const int n1 = waitForRun(*http, first).value("invoice_count").toInt();
        const int n2 = waitForRun(*http, second).value("invoice_count").toInt();
        QCOMPARE(n1 + n2, 2);
        QCOMPARE(billedHours(), approvedNow);
    }

    void theIndexIsTheGuarantee()
    {
        const QString entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 a = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const qint64 x = scalar("INSERT INTO billing_exceptions (legal_entity_id, contract_id, "
                                "kind, currency, detail) VALUES (?, ?, 'no_rate', 'USD', 'x') "
                                "RETURNING id",
                                {us, contract(a, "USD", "Lake").id});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, billing_exception_id, "
                  "hours) VALUES ('time_entry', ?, ?, 1)",
                  {entryId, x});
        bool refused = false;
        try {
            db::query(db->sql(),
                      "INSERT INTO billing_sources (source_kind, source_key, billing_exception_id, "
                      "hours) VALUES ('time_entry', ?, ?, 1)",
                      {entryId, x});
        } catch (const DbError &e) {
            refused = e.isUniqueViolation();
        }
        QVERIFY(refused);
    }
};

QTEST_GUILESS_MAIN(BillingRunTest)
#include "tst_billing_run.moc"
