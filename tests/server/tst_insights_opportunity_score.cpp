// Opportunity scoring (server/insights/opportunity_score*) on a small fixed history: twenty
// closed deals of twenty new clients, alike in everything but their service line — every
// "Cloud Migration" deal won, every "Legacy Support" deal lost — so the model must name the
// service line as the driver. Then two open deals, one per line: the model is sure of the first
// and doubts the second, which the rep rates at 75 % (at risk: it is also the larger one).
// Money is checked to the cent; 409 before training, 403, 422 and 404.

#include "http_client.h"
#include "insights/insights_model.h"
#include "insights/insights_model_store.h"
#include "insights/logistic_regression.h"
#include "insights/opportunity_score.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <cmath>

using namespace keel;
using namespace keel::test;

namespace {
const QString kApi = QStringLiteral("/api/v1/insights/opportunities");
}

class InsightsOpportunityScoreTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_us = 0, m_uk = 0, m_exec = 0, m_cloud = 0, m_legacy = 0;
    qint64 m_open1 = 0, m_open2 = 0;
    QDate m_today;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(m_db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    std::unique_ptr<HttpClient> login(const char *user)
    {
        auto http = std::make_unique<HttpClient>(m_server->baseUrl());
        if (http->login(QString::fromLatin1(user), QStringLiteral("insights password")).status !=
            200)
            qFatal("login failed for %s", user);
        return http;
    }

    QJsonObject get(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(path);
        if (r.status != 200)
            qFatal("%s: %d %s", qPrintable(path), r.status, r.body.constData());
        return r.json();
    }

    // An opportunity of a new client in `line`, created on `created` at QUALIFY, in PROPOSE ten
    // days later, and — when `outcome` is "WON" or "LOST" — closed ten days after that.
    qint64 deal(qint64 line, QDate created, const char *outcome, const char *value,
                const char *repProbability)
    {
        static int n = 0;
        ++n;
        const qint64 account = scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) VALUES (?, ?, lower(?), 'US', 'USD', 'STANDARD') RETURNING id",
            {m_us, QStringLiteral("Client %1").arg(n), QStringLiteral("Client %1").arg(n)});
        const QString stage = outcome ? QString::fromLatin1(outcome) : QStringLiteral("PROPOSE");
        const qint64 id = scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, stage_id, "
            "is_open, probability, expected_value, currency, expected_close, created_at) SELECT ?, "
            "?, ?, ?, s.id, NOT (s.is_won OR s.is_lost), ?::numeric, ?::numeric, 'USD', ?::date, "
            "?::timestamptz FROM opportunity_stages s WHERE s.code = ? RETURNING id",
            {m_us, account, m_exec, QStringLiteral("Deal %1").arg(n),
             QString::fromLatin1(repProbability), QString::fromLatin1(value), created.addDays(20),
             created.startOfDay(Qt::UTC), stage});
        db::query(m_db->sql(),
                  "INSERT INTO opportunity_service_lines (opportunity_id, service_line_id) "
                  "VALUES (?, ?)",
                  {id, line});
        const auto move = [&](const char *to, QDate on) {
            db::query(m_db->sql(),
                      "INSERT INTO opportunity_stage_history (opportunity_id, to_stage_id, "
                      "probability, changed_at) SELECT ?, s.id, s.default_probability, "
                      "?::timestamptz FROM opportunity_stages s WHERE s.code = ?",
                      {id, on.startOfDay(Qt::UTC).addSecs(9 * 3600), QString::fromLatin1(to)});
        };
        move("QUALIFY", created);
        move("PROPOSE", created.addDays(10));
        if (outcome)
            move(outcome, created.addDays(20));
        return id;
    }

    void history()
    {
        // Ten deals per line, one every three weeks from February, closed by mid-November.
        for (int i = 0; i < 10; ++i) {
            const QDate created = QDate(2026, 2, 2).addDays(21 * i);
            deal(m_cloud, created, "WON", "20000", "50");
            deal(m_legacy, created.addDays(3), "LOST", "20000", "50");
        }
        m_open1 = deal(m_cloud, m_today.addDays(-15), nullptr, "10000.00", "50");
        m_open2 = deal(m_legacy, m_today.addDays(-15), nullptr, "30000.00", "75");
    }

    void train()
    {
        const InsightsModelSpec spec = opportunityScoreModel();
        const InsightsTrained t = spec.train(m_db->sql(), m_today, {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(m_db->sql(), spec.name, m_today, t, 1, 0);
    }

private slots:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        const QString pw = QStringLiteral("insights password");
        m_exec = m_server->createUser("exec", pw, {{"executive", QString()}}, "US");
        m_server->createUser("ukseller", pw, {{"sales", "UK"}}, "UK");
        m_us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        m_uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        m_cloud = scalar("INSERT INTO service_lines (code, name) VALUES ('CLOUD_MIGRATION', "
                         "'Cloud Migration') RETURNING id");
        m_legacy = scalar("INSERT INTO service_lines (code, name) VALUES ('LEGACY', 'Legacy "
                          "Support') RETURNING id");
        m_today = QDateTime::currentDateTimeUtc().date();
        history();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void logisticRegressionFindsTheSeparatingFeature()
    {
        // x = 1 wins 9 of 10, x = 0 wins 1 of 10: the coefficient is positive, the fit converges
        // and the penalty keeps it finite.
        std::vector<std::vector<double>> x;
        std::vector<bool> y;
        for (int i = 0; i < 10; ++i) {
            x.push_back({1.0});
            y.push_back(i < 9);
            x.push_back({0.0});
            y.push_back(i < 1);
        }
        const stats::LogisticModel m = stats::fitLogistic(x, y, 0.0);
        QVERIFY(m.converged);
        // Unpenalised, the fit reproduces the rates: logit(0.9) − logit(0.1) = 2·ln 9.
        QVERIFY(std::abs(m.coefficients[0] - 2 * std::log(9.0)) < 1e-6);
        QVERIFY(std::abs(m.predict({1.0}) - 0.9) < 1e-6);
        const stats::LogisticModel penalised = stats::fitLogistic(x, y, 5.0);
        QVERIFY(penalised.coefficients[0] > 0 && penalised.coefficients[0] < m.coefficients[0]);
    }

    void notTrainedIs409()
    {
        auto exec = login("exec");
        const HttpResult r = exec->get(kApi);
        QCOMPARE(r.status, 409);
        QVERIFY(r.body.contains("not_trained"));
        QVERIFY(opportunityWinProbabilities(m_db->sql(), {m_us}, m_today).empty());
    }

    void theServiceLineDrivesTheScore()
    {
        train();
        const std::optional<InsightsModelRecord> model =
            currentInsightsModel(m_db->sql(), QStringLiteral("opportunity_score"));
        QVERIFY(model.has_value());
        const QJsonObject params = model->parameters;
        const QStringList features = params.value("features").toVariant().toStringList();
        const QJsonArray coefficients = params.value("coefficients").toArray();
        const int cloud = int(features.indexOf(QStringLiteral("line:%1").arg(m_cloud)));
        const int legacy = int(features.indexOf(QStringLiteral("line:%1").arg(m_legacy)));
        QVERIFY(cloud >= 0 && legacy >= 0);
        QVERIFY(coefficients.at(cloud).toDouble() > 0);
        QVERIFY(coefficients.at(legacy).toDouble() < 0);
        QCOMPARE(params.value("firm_rate").toDouble(), 0.5);
        const QJsonObject figures = model->backtest.value("figures").toObject();
        QVERIFY(figures.contains("score_auc"));
        QVERIFY(figures.contains("score_calibration_err"));
        QCOMPARE(model->sampleSize, 40); // twenty deals, two stages each

        auto exec = login("exec");
        const QJsonObject list = get(*exec, kApi + "?sort=model");
        const QJsonArray items = list.value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject first = items.at(0).toObject(), second = items.at(1).toObject();
        QCOMPARE(first.value("opportunity_id").toString(), QString::number(m_open1));
        QCOMPARE(second.value("opportunity_id").toString(), QString::number(m_open2));
        for (const QJsonObject &item : {first, second}) {
            const QString p = item.value("model_probability").toString();
            QCOMPARE(p.size(), 6); // "0.xxxx"
            QVERIFY(p.toDouble() > 0 && p.toDouble() < 1);
            const QJsonObject top = item.value("factors").toArray().at(0).toObject();
            QCOMPARE(top.value("factor").toString(), QString("service_line"));
            QVERIFY(item.value("factors").toArray().size() <= 5);
        }
        QVERIFY(first.value("model_probability").toString().toDouble() > 0.5);
        QVERIFY(second.value("model_probability").toString().toDouble() < 0.5);
        const QJsonObject top1 = first.value("factors").toArray().at(0).toObject();
        QVERIFY(top1.value("effect").toString().startsWith("+"));
        QCOMPARE(top1.value("value").toString(), QString("Cloud Migration"));
        QCOMPARE(top1.value("text").toString(),
                 QString("Cloud Migration deals won 100 % of the time, the firm 50 %."));
        const QJsonObject top2 = second.value("factors").toArray().at(0).toObject();
        QVERIFY(top2.value("effect").toString().startsWith("-"));
        QCOMPARE(top2.value("text").toString(),
                 QString("Legacy Support deals won 0 % of the time, the firm 50 %."));

        // Money to the cent: the rep's 50 % of 10,000.00 and 75 % of 30,000.00; the model's
        // weighted value is the value × the printed probability, rounded once.
        QCOMPARE(first.value("value").toString(), QString("10000.00"));
        QCOMPARE(first.value("currency").toString(), QString("USD"));
        QCOMPARE(first.value("rep_probability").toString(), QString("0.5000"));
        QCOMPARE(first.value("weighted_rep").toString(), QString("5000.00"));
        QCOMPARE(second.value("weighted_rep").toString(), QString("22500.00"));
        const auto weighted = [](const QJsonObject &item) {
            const qint64 bp = qRound(item.value("model_probability").toString().toDouble() * 1e4);
            const qint64 cents = qRound64(item.value("value").toString().toDouble() * 100);
            const qint64 w = (cents * bp + 5000) / 10000;
            return QStringLiteral("%1.%2").arg(w / 100).arg(w % 100, 2, 10, QLatin1Char('0'));
        };
        QCOMPARE(first.value("weighted_model").toString(), weighted(first));
        QCOMPARE(second.value("weighted_model").toString(), weighted(second));
        // The larger deal the rep rates far above the model is at risk; the other is not.
        QCOMPARE(second.value("at_risk").toBool(), true);
        QCOMPARE(first.value("at_risk").toBool(), false);

        // Totals are over every matching row, whatever the page.
        const auto cents = [](const QString &s) { return qRound64(s.toDouble() * 100); };
        const QJsonObject totals = list.value("totals").toObject();
        QCOMPARE(cents(totals.value("weighted_rep").toString()), 2750000);
        QCOMPARE(cents(totals.value("weighted_model").toString()),
                 cents(first.value("weighted_model").toString()) +
                     cents(second.value("weighted_model").toString()));
        QCOMPARE(totals.value("currency").toString(), QString("USD"));
        const QJsonObject page = get(*exec, kApi + "?limit=1");
        QCOMPARE(page.value("items").toArray().size(), 1);
        QCOMPARE(page.value("totals").toObject(), totals);
        // sort=risk (the default) puts the deal at risk first; the next page has the other.
        QCOMPARE(page.value("items").toArray().at(0).toObject().value("opportunity_id"),
                 second.value("opportunity_id"));
        const QJsonObject next =
            get(*exec, kApi + "?limit=1&after=" + page.value("next").toString());
        QCOMPARE(next.value("items").toArray().at(0).toObject().value("opportunity_id"),
                 first.value("opportunity_id"));
        QVERIFY(next.value("next").isNull());
        QCOMPARE(list.value("model").toObject().value("name").toString(),
                 QString("opportunity_score"));

        // One deal with every factor.
        const QJsonObject one = get(*exec, kApi + "/" + QString::number(m_open2));
        QCOMPARE(one.value("model_probability"), second.value("model_probability"));
        QCOMPARE(one.value("factors").toArray().size(), 7);

        // The executive forecast's entry point agrees with the route.
        const auto probabilities = opportunityWinProbabilities(m_db->sql(), {m_us}, m_today);
        QCOMPARE(int(probabilities.size()), 2);
        QCOMPARE(QString::number(probabilities[0].probability, 'f', 4),
                 first.value("model_probability").toString());
        QVERIFY(opportunityWinProbabilities(m_db->sql(), {m_uk}, m_today).empty());
        // As of a day before the open deals existed, none of them was open.
        QVERIFY(opportunityWinProbabilities(m_db->sql(), {m_us}, m_today.addDays(-30)).empty());
    }

    void badInputOtherEntityUnknownDeal()
    {
        train();
        auto exec = login("exec");
        QCOMPARE(exec->get(kApi + "?sort=probability").status, 422);
        QVERIFY(exec->get(kApi + "?sort=probability").body.contains("sort"));
        QCOMPARE(exec->get(kApi + "?limit=0").status, 422);
        QCOMPARE(exec->get(kApi + "?limit=abc").status, 422);
        QCOMPARE(exec->get(kApi + "?owner=someone").status, 422);
        QCOMPARE(exec->get(kApi + "?entity=x").status, 422);
        QCOMPARE(exec->get(kApi + "/999999").status, 404);
        auto uk = login("ukseller");
        QCOMPARE(uk->get(kApi + "?entity=" + QString::number(m_us)).status, 403);
        // A UK seller sees no US deal, not even by id.
        QCOMPARE(uk->get(kApi + "/" + QString::number(m_open1)).status, 404);
        QCOMPARE(get(*uk, kApi).value("items").toArray().size(), 0);
        // owner=me: the executive owns both.
        QCOMPARE(get(*exec, kApi + "?owner=me").value("items").toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(InsightsOpportunityScoreTest)
#include "tst_insights_opportunity_score.moc"
