// The insights on the demo firm (issue 9, server/insights/README.md): loaded once at scale 1,
// whose last step trains every model. Then as the executive: every model has version 1 with its
// backtest figures, every insights route answers, the planted wrong invoices are flagged, the
// planted late payers' open invoices are more likely to be paid late than the others, most
// planted overruns still active are in margin risk, the cash-in weeks add up to their records
// and the forecast's parts to theirs. Generic over insightsModels(): a model that still answers
// "not built yet" has its checks skipped (with a message), the others must hold.
#include "admin/demo_firm.h"
#include "db/database.h"
#include "decimal.h"
#include "http_client.h"
#include "insights/insights_model.h"
#include "test_database.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <optional>

using namespace keel;
using namespace keel::test;

namespace {

Decimal dec(const QJsonValue &v)
{
    const auto d = Decimal::parse(v.toString());
    return d ? *d : Decimal();
}

Decimal plus(const Decimal &a, const Decimal &b)
{
    return a.add(b).valueOr(Decimal());
}

QString idText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString::number(v.toInteger());
}

} // namespace

class InsightsDemoTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::optional<TestServer> m_server;
    std::unique_ptr<HttpClient> m_ceo;
    QJsonObject m_demoRun;
    QHash<QString, QString> m_notBuilt; // model → why it has no version

    QSet<qint64> ids(const QString &sql)
    {
        QSqlQuery q = db::exec(m_db->sql(), sql);
        QSet<qint64> out;
        while (q.next())
            out.insert(q.value(0).toLongLong());
        return out;
    }

    bool skipped(const QString &model)
    {
        if (!m_notBuilt.contains(model))
            return false;
        qInfo("%s: skipped, the model is not built yet (%s)", qPrintable(model),
              qPrintable(m_notBuilt.value(model)));
        return true;
    }

    QJsonObject get(const QString &path, int status = 200)
    {
        const HttpResult r = m_ceo->get(path);
        if (r.status != status)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, r.body.left(400).constData());
        [&] { QCOMPARE(r.status, status); }();
        return r.json();
    }

    // Every page of a list (?limit=500&after=).
    QJsonArray all(const QString &path)
    {
        QJsonArray items;
        QString after;
        for (int page = 0; page < 200; ++page) {
            const QString sep = path.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
            QJsonObject o = get(path + sep + QStringLiteral("limit=500") +
                                (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
            for (const QJsonValue &v : o.value("items").toArray())
                items.append(v);
            const QJsonValue next = o.contains("next") ? o.value("next") : o.value("next_after");
            if (next.isNull() || next.isUndefined() || idText(next).isEmpty())
                break;
            after = idText(next);
        }
        return items;
    }

private slots:
    void initTestCase()
    {
        m_db.emplace(TestDatabase::create(QStringLiteral("insights_demo")));
        QSqlDatabase sql = m_db->sql();
        QElapsedTimer timer;
        timer.start();
        const DemoLoadResult r = loadDemoFirm(sql, 1, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QSqlQuery q = db::exec(sql, QStringLiteral("SELECT after->>'insights_ms' FROM audit_log "
                                                   "WHERE action = 'demo_firm.load'"));
        q.next();
        qInfo("demo firm at scale 1 loaded in %.1f s, of which training the models %s ms",
              double(timer.elapsed()) / 1000.0, qPrintable(q.value(0).toString()));
        m_server.emplace(*m_db);
        m_server->start();
        m_ceo = std::make_unique<HttpClient>(m_server->baseUrl());
        QCOMPARE(m_ceo->login(QStringLiteral("ceo"), QStringLiteral("demo")).status, 200);
        const QJsonArray runs = get("/api/v1/insights/training-runs").value("items").toArray();
        QCOMPARE(runs.size(), 1);
        m_demoRun = runs[0].toObject();
        const QJsonObject result = m_demoRun.value("result").toObject();
        for (auto it = result.begin(); it != result.end(); ++it) {
            const QString error = it.value().toObject().value("error").toString();
            if (error.contains(QLatin1String("not built yet")))
                m_notBuilt.insert(it.key(), error);
        }
    }

    void cleanupTestCase()
    {
        m_ceo.reset();
        m_server.reset();
        m_db.reset();
    }

    void theLoadTrainedEveryModel()
    {
        QCOMPARE(m_demoRun.value("reason").toString(), QString("demo"));
        QCOMPARE(m_demoRun.value("progress").toInt(), 100);
        const QJsonObject result = m_demoRun.value("result").toObject();
        QCOMPARE(m_demoRun.value("status").toString(),
                 m_notBuilt.size() == int(insightsModels().size()) ? QString("failed")
                                                                   : QString("completed"));
        const QJsonArray models = get("/api/v1/insights/models").value("items").toArray();
        QCOMPARE(models.size(), qsizetype(insightsModels().size()));
        for (const QJsonValue &v : models) {
            const QJsonObject m = v.toObject();
            const QString name = m.value("name").toString();
            if (skipped(name))
                continue;
            QVERIFY2(
                !result.value(name).toObject().contains("error"),
                qPrintable(name + ": " + result.value(name).toObject().value("error").toString()));
            QCOMPARE(m.value("version").toInt(), 1);
            QCOMPARE(m.value("as_of").toString(), QString("2026-11-15"));
            QVERIFY2(m.value("sample_size").toInt() > 0, qPrintable(name));
            const QJsonObject backtest = m.value("backtest").toObject();
            QVERIFY2(!backtest.value("cutoff").toString().isEmpty(), qPrintable(name));
            const QJsonObject figures = backtest.value("figures").toObject();
            QVERIFY2(!figures.isEmpty(), qPrintable(name));
            for (auto f = figures.begin(); f != figures.end(); ++f) {
                bool ok = false;
                f.value().toString().toDouble(&ok);
                QVERIFY2(ok, qPrintable(name + "." + f.key() + " is not a number in a string"));
                qInfo("%s %s = %s", qPrintable(name), qPrintable(f.key()),
                      qPrintable(f.value().toString()));
            }
        }
    }

    void everyRouteAnswersTheExecutive()
    {
        get("/api/v1/insights/models");
        get("/api/v1/insights/training-runs?limit=5");
        get("/api/v1/insights/training-runs/" + m_demoRun.value("id").toString());
        const auto check = [&](const QString &model, const QStringList &paths) {
            if (skipped(model))
                return;
            for (const QString &p : paths) {
                const QJsonObject o = get(p);
                QVERIFY2(o.contains("model") || o.contains("items") || o.contains("total"),
                         qPrintable(p));
                if (o.contains("model"))
                    QCOMPARE(o.value("model").toObject().value("name").toString(), model);
            }
        };
        check("opportunity_score", {"/api/v1/insights/opportunities",
                                    "/api/v1/insights/opportunities?sort=value&limit=5"});
        if (!m_notBuilt.contains("opportunity_score")) {
            const QJsonArray items =
                get("/api/v1/insights/opportunities?limit=1").value("items").toArray();
            if (!items.isEmpty())
                get("/api/v1/insights/opportunities/" +
                    idText(items[0].toObject().value("opportunity_id")));
        }
        check("margin_risk",
              {"/api/v1/insights/margin-risk", "/api/v1/insights/margin-risk?all=true"});
        check("invoice_anomaly", {"/api/v1/insights/invoice-anomalies",
                                  "/api/v1/insights/invoice-anomalies?all=true"});
        check("collections", {"/api/v1/insights/collections", "/api/v1/insights/cash-in"});
        check("executive_forecast", {"/api/v1/insights/forecast"});
        // Each entity alone, in its functional currency.
        if (!m_notBuilt.contains("collections")) {
            QSqlQuery q = db::exec(m_db->sql(), QStringLiteral("SELECT id, functional_currency "
                                                               "FROM legal_entities"));
            while (q.next())
                QCOMPARE(get("/api/v1/insights/cash-in?entity=" + q.value(0).toString())
                             .value("currency")
                             .toString(),
                         q.value(1).toString());
        }
    }

    void plantedWrongInvoicesAreFlagged()
    {
        if (skipped("invoice_anomaly"))
            QSKIP("invoice_anomaly is not built yet");
        const QSet<qint64> planted = ids(QStringLiteral(
            "SELECT p.subject_id FROM insights_planted p JOIN invoices i ON i.id = p.subject_id "
            "WHERE p.kind = 'wrong_invoice' AND i.status = 'draft'"));
        if (planted.isEmpty())
            QSKIP("the demo plants no wrong draft invoices yet");
        QSet<qint64> flagged;
        for (const QJsonValue &v :
             get("/api/v1/insights/invoice-anomalies").value("items").toArray())
            flagged.insert(idText(v.toObject().value("invoice_id")).toLongLong());
        QSet<qint64> missed = planted;
        missed.subtract(flagged);
        qInfo("%lld planted wrong invoices, %lld flagged drafts in all", qint64(planted.size()),
              qint64(flagged.size()));
        // QVERIFY2 builds its message even when it holds: no *begin() of an empty set there.
        const QString example = missed.isEmpty() ? QString() : QString::number(*missed.begin());
        QVERIFY2(missed.isEmpty(),
                 qPrintable(QStringLiteral("%1 planted wrong invoices not flagged, e.g. %2")
                                .arg(missed.size())
                                .arg(example)));
    }

    void plantedLatePayersAreMoreLikelyLate()
    {
        if (skipped("collections"))
            QSKIP("collections is not built yet");
        const QSet<qint64> late = ids(
            QStringLiteral("SELECT subject_id FROM insights_planted WHERE kind = 'late_payer'"));
        if (late.isEmpty())
            QSKIP("the demo plants no late payers yet");
        double sumLate = 0, sumOther = 0;
        int nLate = 0, nOther = 0;
        for (const QJsonValue &v : all("/api/v1/insights/collections")) {
            const QJsonObject o = v.toObject();
            const double p = o.value("p_late_30").toString().toDouble();
            if (late.contains(idText(o.value("account_id")).toLongLong())) {
                sumLate += p;
                ++nLate;
            } else {
                sumOther += p;
                ++nOther;
            }
        }
        if (nLate == 0 || nOther == 0)
            QSKIP("no open invoices of late payers (or of the others) to compare");
        qInfo("mean p_late_30: late payers %.4f over %d open invoices, others %.4f over %d",
              sumLate / nLate, nLate, sumOther / nOther, nOther);
        QVERIFY(sumLate / nLate > sumOther / nOther);
    }

    void mostPlantedOverrunsAreInMarginRisk()
    {
        if (skipped("margin_risk"))
            QSKIP("margin_risk is not built yet");
        const QSet<qint64> overruns = ids(QStringLiteral(
            "SELECT p.subject_id FROM insights_planted p JOIN projects pr ON pr.id = "
            "p.subject_id WHERE p.kind = 'overrun_project' AND pr.status = 'active'"));
        if (overruns.isEmpty())
            QSKIP("the demo plants no overrun projects that are still active");
        QSet<qint64> flagged;
        for (const QJsonValue &v : get("/api/v1/insights/margin-risk").value("items").toArray())
            flagged.insert(idText(v.toObject().value("project_id")).toLongLong());
        const qsizetype found = QSet<qint64>(overruns).intersect(flagged).size();
        qInfo("%lld of %lld active planted overruns in margin risk (%lld flagged in all)",
              qint64(found), qint64(overruns.size()), qint64(flagged.size()));
        // The ones missed, as the model sees them: for whoever tunes it.
        for (const QJsonValue &v :
             get("/api/v1/insights/margin-risk?all=true").value("items").toArray()) {
            const QJsonObject o = v.toObject();
            const qint64 id = idText(o.value("project_id")).toLongLong();
            if (overruns.contains(id) && !flagged.contains(id))
                qInfo("missed overrun %lld %s: budget spent %s, complete %s, forecast margin %s "
                      "vs target %s, %lld evidence",
                      id, qPrintable(o.value("code").toString()),
                      qPrintable(o.value("budget_spent_pct").toVariant().toString()),
                      qPrintable(o.value("percent_complete").toVariant().toString()),
                      qPrintable(o.value("forecast_margin").toVariant().toString()),
                      qPrintable(o.value("target_margin").toVariant().toString()),
                      qint64(o.value("evidence").toArray().size()));
        }
        QVERIFY(found * 10 >= overruns.size() * 8);
    }

    void cashInWeeksAddUpToTheirRecords()
    {
        if (skipped("collections"))
            QSKIP("collections is not built yet");
        const QJsonObject cashIn = get("/api/v1/insights/cash-in");
        const QJsonArray weeks = cashIn.value("weeks").toArray();
        QCOMPARE(weeks.size(), 13);
        Decimal total;
        for (const QJsonValue &w : weeks) {
            const QJsonObject week = w.toObject();
            Decimal sum;
            int n = 0;
            for (const QJsonValue &v :
                 all("/api/v1/insights/collections?week=" + week.value("week_start").toString())) {
                QCOMPARE(v.toObject().value("currency").toString(),
                         cashIn.value("currency").toString());
                sum = plus(sum, dec(v.toObject().value("week_amount"))); // its part in the week
                ++n;
            }
            QCOMPARE(sum.toString(2), dec(week.value("expected")).toString(2));
            QCOMPARE(n, week.value("invoices").toInt());
            total = plus(total, sum);
        }
        qInfo("13 weeks expect %s %s of %s open", qPrintable(total.toString(2)),
              qPrintable(cashIn.value("currency").toString()),
              qPrintable(cashIn.value("total_open").toString()));
    }

    void forecastPartsAddUpToTheirRecords()
    {
        if (skipped("executive_forecast"))
            QSKIP("executive_forecast is not built yet");
        const QJsonArray months = get("/api/v1/insights/forecast").value("months").toArray();
        QCOMPARE(months.size(), 12);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject m = months[i].toObject();
            for (const char *part : {"backlog", "pipeline", "run_rate"}) {
                const QJsonObject records =
                    get(QStringLiteral("/api/v1/insights/forecast/%1/records?part=%2")
                            .arg(m.value("month").toString().left(7), QLatin1String(part)));
                Decimal sum;
                for (const QJsonValue &v : records.value("items").toArray())
                    sum = plus(sum, dec(v.toObject().value("amount")));
                QCOMPARE(dec(records.value("total")).toString(2), dec(m.value(part)).toString(2));
                QCOMPARE(sum.toString(2), dec(m.value(part)).toString(2));
            }
        }
    }
};

QTEST_MAIN(InsightsDemoTest)
#include "tst_insights_demo.moc"
