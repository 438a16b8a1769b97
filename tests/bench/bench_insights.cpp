// bench_insights: the insights of issue 9 on the demo firm. The firm is loaded in process
// (server/admin/demo_firm.h; its load trains every model once, untimed here), then keel-server
// runs as a child process with two worker threads.
// - insights_train_s: a full training run of every model as the executive starts it, from the
//   POST to the run read back completed (target < 30 s at scale 1).
// - every figure of every model's backtest.figures (score_auc, anomaly_recall, …) as a line of
//   its own: unit "percent" for forecast_mape_3m (and its all-origins figure), "days" for *_days,
//   "count" for a whole number (the counts some models give beside their figures), else "ratio";
//   "detail" names the model's version and its backtest cut-off. A model whose training failed
//   prints
//   {"name": "<model>", "error": …}.
// - insights_score_ms: scoring everything open for the executive, in sequence: every open
//   opportunity (GET /insights/opportunities, pages of 500 to the end) and every draft invoice
//   (GET /insights/invoice-anomalies?all=true); the median of five after a warm-up (target
//   < 200 ms at scale 1).
// Scale: the first argument or KEEL_BENCH_SCALE (default 1); above 1 the billing replay is left
// out of the load (KEEL_DEMO_BILLING=0), as bench_close does.
#include "admin/demo_firm.h"
#include "bench_support.h"
#include "db/database.h"
#include "http_client.h"
#include "test_database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <cmath>
#include <cstdio>

using namespace keel::bench;
using keel::test::HttpClient;
using keel::test::HttpResult;

namespace {

// bench_support rounds to two decimals; the ratios need their four.
void printFigure(const QString &name, double value, const QString &unit, int scale,
                 const QString &detail)
{
    const double places = unit == QLatin1String("ratio") ? 1e4 : 1e2;
    const QJsonObject o{{"name", name},
                        {"value", std::round(value * places) / places},
                        {"unit", unit},
                        {"scale", scale},
                        {"detail", detail}};
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString unitOf(const QString &figure, const QJsonValue &value)
{
    // Counts beside the figures (planted, flagged, …) are whole numbers in the strings.
    if (value.isString() && !value.toString().contains(u'.'))
        return QStringLiteral("count");
    if (figure.startsWith(QLatin1String("forecast_mape_3m")))
        return QStringLiteral("percent");
    if (figure.endsWith(QLatin1String("_days")))
        return QStringLiteral("days");
    return QStringLiteral("ratio");
}

HttpResult expect(const HttpResult &r, int status, const QString &what)
{
    if (r.status != status)
        throw BenchError(QStringLiteral("%1: HTTP %2 %3")
                             .arg(what)
                             .arg(r.status)
                             .arg(QString::fromUtf8(r.body.left(300))));
    return r;
}

// Every open opportunity and every draft invoice scored once; the rows seen. `parts` gets the
// milliseconds of each side (stderr shows which one is slow).
int scoreEverything(HttpClient &c, QList<double> *opportunityMs = nullptr,
                    QList<double> *anomalyMs = nullptr)
{
    QElapsedTimer part;
    part.start();
    int rows = 0;
    QString after;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/api/v1/insights/opportunities?limit=500");
        if (!after.isEmpty())
            path += QStringLiteral("&after=") + after;
        const QJsonObject o = expect(c.get(path), 200, QStringLiteral("opportunities")).json();
        rows += int(o.value("items").toArray().size());
        const QJsonValue next =
            o.contains("next") ? o.value("next") : o.value("next_after"); // README: next
        if (next.isNull() || next.isUndefined() || next.toString().isEmpty())
            break;
        after = next.isString() ? next.toString() : QString::number(next.toInteger());
    }
    if (opportunityMs)
        *opportunityMs << double(part.nsecsElapsed()) / 1e6;
    part.restart();
    const QJsonObject drafts =
        expect(c.get(QStringLiteral("/api/v1/insights/invoice-anomalies?all=true")), 200,
               QStringLiteral("invoice anomalies"))
            .json();
    if (anomalyMs)
        *anomalyMs << double(part.nsecsElapsed()) / 1e6;
    return rows + int(drafts.value("items").toArray().size());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int scale = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 0;
    if (scale < 1)
        scale = qMax(1, qEnvironmentVariableIntValue("KEEL_BENCH_SCALE"));
    return runBench({"insights_train_s", "insights_score_ms"}, [scale] {
        if (scale > 1)
            qputenv("KEEL_DEMO_BILLING", "0");
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_insights"));
        {
            QSqlDatabase db = keel::db::connection(database.config());
            QElapsedTimer load;
            load.start();
            const keel::DemoLoadResult loaded = keel::loadDemoFirm(db, scale, {});
            if (!loaded.ok)
                throw BenchError(
                    QStringLiteral("demo load at scale %1: %2").arg(scale).arg(loaded.error));
            keel::db::exec(db, QStringLiteral("ANALYZE"));
            qInfo("loaded scale %d in %.1f s", scale, double(load.elapsed()) / 1000);
        }
        ServerProcess server;
        server.spawn(database.url(), freePort(), 2);
        server.waitHealthy();
        HttpClient exec(server.baseUrl());
        expect(exec.login(QStringLiteral("ceo"), QStringLiteral("demo")), 200,
               QStringLiteral("login as ceo"));

        // insights_train_s: POST to the run read back finished.
        QElapsedTimer timer;
        timer.start();
        const QJsonObject posted =
            expect(exec.post(QStringLiteral("/api/v1/insights/training-runs"), {}), 202,
                   QStringLiteral("training run"))
                .json();
        const QString id = posted.value("id").toString();
        QJsonObject run;
        while (timer.elapsed() < 600000) {
            run = expect(exec.get(QStringLiteral("/api/v1/insights/training-runs/") + id), 200,
                         QStringLiteral("training run ") + id)
                      .json();
            const QString status = run.value("status").toString();
            if (status == QLatin1String("completed") || status == QLatin1String("failed"))
                break;
            QThread::msleep(50);
        }
        const double trainSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (run.value("status").toString() == QLatin1String("completed"))
            emitValue(QStringLiteral("insights_train_s"), trainSeconds, QStringLiteral("s"), scale);
        else
            emitError(QStringLiteral("insights_train_s"),
                      QStringLiteral("run %1 %2 after %3 s: %4")
                          .arg(id, run.value("status").toString())
                          .arg(trainSeconds, 0, 'f', 1)
                          .arg(run.value("error").toString()));
        const QJsonObject result = run.value("result").toObject();
        for (auto it = result.begin(); it != result.end(); ++it)
            qInfo("%s: %s", qPrintable(it.key()),
                  QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact).constData());

        // The figures of each model's current version.
        const QJsonArray models = expect(exec.get(QStringLiteral("/api/v1/insights/models")), 200,
                                         QStringLiteral("models"))
                                      .json()
                                      .value("items")
                                      .toArray();
        for (const QJsonValue &v : models) {
            const QJsonObject m = v.toObject();
            const QString name = m.value("name").toString();
            const QString trainError = result.value(name).toObject().value("error").toString();
            if (m.value("version").isNull() || !trainError.isEmpty()) {
                emitError(name, trainError.isEmpty() ? QStringLiteral("not trained") : trainError);
                if (m.value("version").isNull())
                    continue;
            }
            const QJsonObject backtest = m.value("backtest").toObject();
            const QString detail = QStringLiteral("%1 v%2, cutoff %3, trained on %4, scored on %5")
                                       .arg(name)
                                       .arg(m.value("version").toInt())
                                       .arg(backtest.value("cutoff").toString(),
                                            backtest.value("trained_on").toVariant().toString(),
                                            backtest.value("scored_on").toVariant().toString());
            const QJsonObject figures = backtest.value("figures").toObject();
            for (auto f = figures.begin(); f != figures.end(); ++f) {
                bool ok = false;
                const double value = f.value().isDouble() ? f.value().toDouble()
                                                          : f.value().toString().toDouble(&ok);
                if (f.value().isDouble() || ok)
                    printFigure(f.key(), value, unitOf(f.key(), f.value()), scale, detail);
                else
                    emitError(f.key(), QStringLiteral("%1: not a number: %2")
                                           .arg(name, f.value().toVariant().toString()));
            }
        }

        // insights_score_ms.
        try {
            const int rows = scoreEverything(exec); // warm-up
            QList<double> rounds, opportunities, anomalies;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer t;
                t.start();
                scoreEverything(exec, &opportunities, &anomalies);
                rounds << double(t.nsecsElapsed()) / 1e6;
            }
            qInfo("scored %d opportunities and draft invoices; rounds %s ms", rows, qPrintable([&] {
                      QStringList s;
                      for (double r : rounds)
                          s << QString::number(r, 'f', 1);
                      return s.join(QStringLiteral(", "));
                  }()));
            qInfo("medians: opportunities %.1f ms, invoice anomalies %.1f ms",
                  median(opportunities), median(anomalies));
            emitValue(QStringLiteral("insights_score_ms"), median(rounds), QStringLiteral("ms"),
                      scale);
        } catch (const BenchError &e) {
            emitError(QStringLiteral("insights_score_ms"), QString::fromUtf8(e.what()));
        }
    });
}
