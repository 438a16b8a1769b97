// The insights platform (server/insights/README.md, "Models and training"): versions and the
// current flip, training that fails storing nothing, training runs over HTTP claimed exactly
// once by two servers on one database, a second request joining the open run, an abandoned run
// failed by the next claimer, the schedule queueing when the models are stale, the registry's
// shape and access. The runs train the real models: until a model lands it answers "not built
// yet", so the runs' assertions hold for either outcome (a version, or an error recorded).

#include "db/database.h"
#include "http/http_types.h"
#include "http_client.h"
#include "insights/insights_model_store.h"
#include "insights/insights_training.h"
#include "test_database.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTest>
#include <QThread>

#include <memory>

using namespace keel;
using namespace keel::test;

class InsightsPlatformTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TestServer> server, second;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    void startServers(int pollSeconds, double retrainHours, bool two)
    {
        qputenv("KEEL_INSIGHTS_POLL_SECONDS", QByteArray::number(pollSeconds));
        qputenv("KEEL_INSIGHTS_RETRAIN_HOURS", QByteArray::number(retrainHours));
        server = std::make_unique<TestServer>(*db);
        server->start();
        server->createUser("exec", "exec password", {{"executive", ""}});
        server->createUser("cons", "cons password", {{"consultant", "UK"}});
        if (two) {
            second = std::make_unique<TestServer>(*db);
            second->start();
        }
    }

    std::unique_ptr<HttpClient> as(const TestServer &s, const QString &user)
    {
        auto c = std::make_unique<HttpClient>(s.baseUrl());
        const HttpResult login = c->login(user, user + QStringLiteral(" password"));
        if (login.status != 200)
            throw std::runtime_error("login failed");
        return c;
    }

    // Polls the run until it is completed or failed (training never blocks the request).
    QJsonObject waitFinished(HttpClient &c, const QString &id, int timeoutMs = 120000)
    {
        QElapsedTimer t;
        t.start();
        QJsonObject run;
        while (t.elapsed() < timeoutMs) {
            run = c.get(QStringLiteral("/api/v1/insights/training-runs/") + id).json();
            const QString status = run.value("status").toString();
            if (status == QLatin1String("completed") || status == QLatin1String("failed"))
                return run;
            QThread::msleep(50);
        }
        return run;
    }

    // A finished run as the README promises it: every model has a version or an error, failed
    // only when every model failed, the versions stored are those of this run.
    void checkFinished(const QJsonObject &run, const QStringList &models)
    {
        const QJsonObject result = run.value("result").toObject();
        QStringList sorted = models;
        sorted.sort();
        QCOMPARE(result.keys(), sorted); // QJsonObject keeps its keys sorted
        int failed = 0;
        for (const QString &m : models) {
            const QJsonObject r = result.value(m).toObject();
            QVERIFY2(r.contains("version") != r.contains("error"), qPrintable(m));
            QVERIFY(r.value("training_ms").isDouble());
            if (r.contains("error")) {
                ++failed;
                QCOMPARE(scalar("SELECT count(*) FROM insights_models WHERE model = ? AND "
                                "training_run_id = ?",
                                {m, run.value("id").toString().toLongLong()}),
                         0);
            } else {
                QCOMPARE(scalar("SELECT version FROM insights_models WHERE model = ? AND "
                                "current AND training_run_id = ?",
                                {m, run.value("id").toString().toLongLong()}),
                         qint64(r.value("version").toInt()));
            }
        }
        QCOMPARE(run.value("status").toString(),
                 failed == models.size() ? QString("failed") : QString("completed"));
        QCOMPARE(run.value("progress").toInt(), 100);
        QCOMPARE(run.value("step").toString(), QString("done"));
        QVERIFY(!run.value("started_at").toString().isEmpty());
        QVERIFY(!run.value("finished_at").toString().isEmpty());
        QVERIFY(run.value("claimed_by")
                    .toString()
                    .startsWith(QStringLiteral("%1:%2")
                                    .arg(QSysInfo::machineHostName())
                                    .arg(QCoreApplication::applicationPid())));
    }

    static InsightsModelSpec fakeSpec(const QString &name, std::function<InsightsTrained()> fit)
    {
        InsightsModelSpec spec;
        spec.name = name;
        spec.title = name;
        spec.train = [fit](QSqlDatabase, QDate, const InsightsProgress &progress) {
            progress(50, QStringLiteral("fitting"));
            return fit();
        };
        return spec;
    }

private slots:
    void init()
    {
        db = std::make_unique<TestDatabase>(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*db);
    }
    void cleanup()
    {
        second.reset();
        server.reset();
        db.reset();
        qunsetenv("KEEL_INSIGHTS_POLL_SECONDS");
        qunsetenv("KEEL_INSIGHTS_RETRAIN_HOURS");
    }

    void versionsAndTheCurrentFlip()
    {
        QSqlDatabase sql = db->sql();
        QVERIFY(!currentInsightsModel(sql, "collections"));
        try {
            requireInsightsModel(sql, "collections");
            QFAIL("no 409 before training");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 409);
            QCOMPARE(e.problem().errors.value(0).code, QString("not_trained"));
            QVERIFY(e.problem().detail.contains("No trained"));
        }
        InsightsTrained t;
        t.parameters = {{"slope", 0.5}};
        t.backtest = {{"figures", QJsonObject{{"collections_mae_days", "7.5"}}}};
        t.sampleSize = 120;
        const auto v1 = storeInsightsModel(sql, "collections", QDate(2026, 11, 15), t, 1234, 0);
        QCOMPARE(v1.version, 1);
        t.parameters = {{"slope", 0.75}};
        const auto v2 = storeInsightsModel(sql, "collections", QDate(2026, 12, 6), t, 800, 0);
        QCOMPARE(v2.version, 2);
        // One current per model; another model's versions count on their own.
        QCOMPARE(scalar("SELECT count(*) FROM insights_models WHERE model = 'collections' AND "
                        "current"),
                 1);
        QCOMPARE(storeInsightsModel(sql, "margin_risk", QDate(2026, 12, 6), t, 5, 0).version, 1);
        const auto current = requireInsightsModel(sql, "collections");
        QCOMPARE(current.version, 2);
        QCOMPARE(current.parameters.value("slope").toDouble(), 0.75);
        QCOMPARE(current.asOf, QDate(2026, 12, 6));
        QCOMPARE(current.sampleSize, 120);
        const QJsonObject json = insightsModelJson(current);
        QCOMPARE(json.value("name").toString(), QString("collections"));
        QCOMPARE(json.value("version").toInt(), 2);
        QCOMPARE(json.value("as_of").toString(), QString("2026-12-06"));
        QCOMPARE(json.value("training_ms").toInt(), 800);
        QCOMPARE(json.value("sample_size").toInt(), 120);
        QCOMPARE(json.value("backtest")
                     .toObject()
                     .value("figures")
                     .toObject()
                     .value("collections_mae_days")
                     .toString(),
                 QString("7.5"));
        QVERIFY(json.value("trained_at").toString().endsWith('Z'));
    }

    void trainingStoresOnlyWhatSucceeded()
    {
        QSqlDatabase sql = db->sql();
        QList<int> seen;
        const auto progress = [&](int percent, const QString &) { seen << percent; };
        // The spec's own error: nothing stored, the error returned.
        const auto refused = trainInsightsModel(sql,
                                                fakeSpec("invoice_anomaly",
                                                         [] {
                                                             InsightsTrained t;
                                                             t.error = "too little history";
                                                             return t;
                                                         }),
                                                QDate(2026, 12, 6), 0, progress);
        QCOMPARE(refused.error, QString("too little history"));
        QCOMPARE(refused.version, 0);
        QCOMPARE(scalar("SELECT count(*) FROM insights_models"), 0);
        QCOMPARE(seen.first(), 50);
        QCOMPARE(seen.last(), 100);
        // SQL failing inside a caller's transaction: the savepoint takes it back, the caller's
        // transaction goes on (the demo load trains inside its own).
        {
            db::Transaction outer(sql);
            db::exec(sql, "CREATE TEMP TABLE marker (x int)");
            const auto broken = trainInsightsModel(
                sql,
                fakeSpec("invoice_anomaly",
                         [&] {
                             db::exec(sql, "SELECT no_such_column FROM insights_models");
                             return InsightsTrained();
                         }),
                QDate(2026, 12, 6), 0, {});
            QVERIFY(broken.error.contains("no_such_column"));
            db::exec(sql, "INSERT INTO marker VALUES (1)");
            outer.commit();
        }
        QCOMPARE(scalar("SELECT count(*) FROM marker"), 1);
        // Success: the next version, timed, current.
        const auto stored = trainInsightsModel(sql,
                                               fakeSpec("invoice_anomaly",
                                                        [] {
                                                            QThread::msleep(20);
                                                            InsightsTrained t;
                                                            t.sampleSize = 9;
                                                            return t;
                                                        }),
                                               QDate(2026, 12, 6), 0, {});
        QVERIFY(stored.ok());
        QCOMPARE(stored.version, 1);
        QVERIFY(stored.trainingMs >= 20);
        QCOMPARE(requireInsightsModel(sql, "invoice_anomaly").trainingMs, stored.trainingMs);
    }

    void modelsRouteShapeAndAccess()
    {
        startServers(0, 0, false);
        auto exec = as(*server, "exec");
        HttpResult r = exec->get("/api/v1/insights/models");
        QCOMPARE(r.status, 200);
        QJsonArray items = r.json().value("items").toArray();
        QStringList names;
        for (const InsightsModelSpec &spec : insightsModels())
            names << spec.name;
        QCOMPARE(items.size(), names.size());
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject item = items[i].toObject();
            QCOMPARE(item.value("name").toString(), names[i]);
            QVERIFY(!item.value("title").toString().isEmpty());
            for (const char *key :
                 {"version", "trained_at", "as_of", "training_ms", "sample_size", "backtest"}) {
                QVERIFY2(item.contains(key), key);
                QVERIFY2(item.value(key).isNull(), key);
            }
        }
        InsightsTrained t;
        t.backtest = {{"cutoff", "2026-05-31"},
                      {"figures", QJsonObject{{"margin_risk_early_recall", "0.8500"}}}};
        t.sampleSize = 42;
        storeInsightsModel(db->sql(), "margin_risk", QDate(2026, 12, 6), t, 321, 0);
        items = exec->get("/api/v1/insights/models").json().value("items").toArray();
        for (const QJsonValue &v : items) {
            const QJsonObject item = v.toObject();
            if (item.value("name").toString() != QLatin1String("margin_risk"))
                continue;
            QCOMPARE(item.value("version").toInt(), 1);
            QCOMPARE(item.value("as_of").toString(), QString("2026-12-06"));
            QCOMPARE(item.value("training_ms").toInt(), 321);
            QCOMPARE(item.value("sample_size").toInt(), 42);
            QCOMPARE(item.value("backtest").toObject().value("cutoff").toString(),
                     QString("2026-05-31"));
        }
        // A consultant has no insights.use; another entity is refused, a bad one is invalid.
        auto cons = as(*server, "cons");
        QCOMPARE(cons->get("/api/v1/insights/models").status, 403);
        QCOMPARE(cons->post("/api/v1/insights/training-runs", {}).status, 403);
        QCOMPARE(cons->get("/api/v1/insights/training-runs").status, 403);
        r = exec->get("/api/v1/insights/models?entity=x");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("entity:invalid"));
    }

    void badRequestsAreRefused()
    {
        startServers(0, 0, false);
        auto exec = as(*server, "exec");
        HttpResult r = exec->post("/api/v1/insights/training-runs",
                                  {{"models", QJsonArray{"margin_risk", "crystal_ball"}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("models:unknown_model"));
        QVERIFY(
            r.json().value("errors").toArray()[0].toObject().value("message").toString().contains(
                "crystal_ball"));
        r = exec->post("/api/v1/insights/training-runs", {{"models", "margin_risk"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("models:invalid"));
        r = exec->post("/api/v1/insights/training-runs", {{"models", QJsonArray()}});
        QCOMPARE(r.status, 422);
        QCOMPARE(scalar("SELECT count(*) FROM insights_training_runs"), 0);
        QCOMPARE(exec->get("/api/v1/insights/training-runs/999").status, 404);
        r = exec->get("/api/v1/insights/training-runs?limit=0");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("limit:out_of_range"));
    }

    void aRunOverHttpIsClaimedOnceByOneOfTwoServers()
    {
        // Both servers poll every second while the run is queued and running.
        startServers(1, 0, true);
        auto a = as(*server, "exec");
        auto b = as(*second, "exec");
        const HttpResult posted =
            a->post("/api/v1/insights/training-runs", {{"models", QJsonArray{"margin_risk"}}});
        QCOMPARE(posted.status, 202);
        const QString id = posted.json().value("id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(posted.json().value("reason").toString(), QString("on_demand"));
        QCOMPARE(posted.json().value("models").toArray(), QJsonArray{"margin_risk"});
        // The server that received it claimed it at once: never left queued for a poll.
        QVERIFY(posted.json().value("status").toString() != QLatin1String("queued"));
        const QJsonObject run = waitFinished(*b, id);
        checkFinished(run, {"margin_risk"});
        QThread::msleep(1500); // both servers polled again: nobody ran it a second time
        QCOMPARE(scalar("SELECT count(*) FROM insights_models WHERE model = 'margin_risk'"),
                 run.value("status").toString() == QLatin1String("completed") ? 1 : 0);
        QCOMPARE(b->get("/api/v1/insights/training-runs/" + id).json().value("finished_at"),
                 run.value("finished_at"));
        const QJsonArray list =
            b->get("/api/v1/insights/training-runs?limit=5").json().value("items").toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value("id").toString(), id);
    }

    void aQueuedRunIsClaimedByAPollingServer()
    {
        // Queued by a server that went away before claiming it: the other one polls.
        startServers(1, 0, true);
        const qint64 id = scalar("INSERT INTO insights_training_runs (reason, models) VALUES "
                                 "('on_demand', '{collections,margin_risk}') RETURNING id");
        auto a = as(*server, "exec");
        const QJsonObject run = waitFinished(*a, QString::number(id), 60000);
        checkFinished(run, {"collections", "margin_risk"});
    }

    void aSecondRequestJoinsTheOpenRun()
    {
        startServers(0, 0, false);
        // A run another server queued and has not claimed yet.
        const qint64 open = scalar("INSERT INTO insights_training_runs (reason, models) VALUES "
                                   "('schedule', '{margin_risk}') RETURNING id");
        auto exec = as(*server, "exec");
        const HttpResult posted = exec->post("/api/v1/insights/training-runs", {});
        QCOMPARE(posted.status, 202);
        QCOMPARE(posted.json().value("id").toString(), QString::number(open));
        QCOMPARE(posted.json().value("reason").toString(), QString("schedule"));
        checkFinished(waitFinished(*exec, QString::number(open)), {"margin_risk"});
        QCOMPARE(scalar("SELECT count(*) FROM insights_training_runs"), 1);
        // Once it finished, a request queues a new run of every model, in training order.
        const HttpResult again = exec->post("/api/v1/insights/training-runs", {});
        QCOMPARE(again.status, 202);
        QVERIFY(again.json().value("id").toString() != QString::number(open));
        QStringList all;
        for (const InsightsModelSpec &spec : insightsModels())
            all << spec.name;
        QCOMPARE(again.json().value("models").toArray(), QJsonArray::fromStringList(all));
        const QJsonObject run = waitFinished(*exec, again.json().value("id").toString());
        checkFinished(run, all);
        QCOMPARE(run.value("requested_by").toString(),
                 QString::number(scalar("SELECT id FROM users WHERE username = 'exec'")));
    }

    void anAbandonedRunIsFailedByTheNextClaimer()
    {
        startServers(0, 0, false);
        // Left running an hour ago by a server that stopped: nobody holds its lock.
        const qint64 gone =
            scalar("INSERT INTO insights_training_runs (status, reason, models, claimed_by, "
                   "started_at, progress) VALUES ('running', 'on_demand', '{margin_risk}', "
                   "'gone:1', now() - interval '1 hour', 40) RETURNING id");
        auto exec = as(*server, "exec");
        QJsonObject stale =
            exec->get("/api/v1/insights/training-runs/" + QString::number(gone)).json();
        QCOMPARE(stale.value("status").toString(), QString("failed"));
        QVERIFY(stale.value("error").toString().contains("stopped"));
        // The same on a POST: the abandoned run no longer holds the open slot.
        const qint64 gone2 =
            scalar("INSERT INTO insights_training_runs (status, reason, models, claimed_by, "
                   "started_at) VALUES ('running', 'schedule', '{margin_risk}', 'gone:2', now() - "
                   "interval '1 hour') RETURNING id");
        const HttpResult posted =
            exec->post("/api/v1/insights/training-runs", {{"models", QJsonArray{"margin_risk"}}});
        QCOMPARE(posted.status, 202);
        QVERIFY(posted.json().value("id").toString() != QString::number(gone2));
        QCOMPARE(exec->get("/api/v1/insights/training-runs/" + QString::number(gone2))
                     .json()
                     .value("status")
                     .toString(),
                 QString("failed"));
        checkFinished(waitFinished(*exec, posted.json().value("id").toString()), {"margin_risk"});
        // A run started a moment ago is someone's work in progress: left alone.
        db::exec(db->sql(), "UPDATE insights_training_runs SET status = 'completed'");
        const qint64 young =
            scalar("INSERT INTO insights_training_runs (status, reason, models, claimed_by, "
                   "started_at) VALUES ('running', 'on_demand', '{margin_risk}', 'busy:3', now()) "
                   "RETURNING id");
        const HttpResult joined = exec->post("/api/v1/insights/training-runs", {});
        QCOMPARE(joined.json().value("id").toString(), QString::number(young));
        QCOMPARE(joined.json().value("status").toString(), QString("running"));
    }

    void theScheduleQueuesWhenTheModelsAreStale()
    {
        // Models older than 36 seconds are stale; the server polls every second.
        InsightsTrained t;
        storeInsightsModel(db->sql(), "margin_risk", QDate(2026, 12, 6), t, 1, 0);
        startServers(1, 0.01, false);
        QThread::msleep(2500);
        QCOMPARE(scalar("SELECT count(*) FROM insights_training_runs"), 0);
        db::exec(db->sql(), "UPDATE insights_models SET trained_at = now() - interval '1 hour'");
        QElapsedTimer t0;
        t0.start();
        qint64 id = 0;
        while (t0.elapsed() < 10000 && id <= 0) {
            QThread::msleep(100);
            id = scalar("SELECT id FROM insights_training_runs WHERE reason = 'schedule' AND "
                        "requested_by IS NULL");
        }
        QVERIFY2(id > 0, "the schedule queued no run");
        auto exec = as(*server, "exec");
        QStringList all;
        for (const InsightsModelSpec &spec : insightsModels())
            all << spec.name;
        checkFinished(waitFinished(*exec, QString::number(id)), all);
        // Within the window of that run nothing more is queued, trained or not.
        QThread::msleep(2000);
        QCOMPARE(scalar("SELECT count(*) FROM insights_training_runs"), 1);
    }
};

QTEST_MAIN(InsightsPlatformTest)
#include "tst_insights_platform.moc"
