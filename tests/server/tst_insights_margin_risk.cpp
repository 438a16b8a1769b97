// Margin-risk alerts (server/insights/README.md "Margin risk") on a small hand-computed firm of
// the US company (USD), seen on 2026-02-10 (as_of), both projects running 2026-01-01 to
// 2026-04-11 (100 days: 40 % of the schedule has passed):
//
//   Acme lake (managed by fin): cost budget 10,000.00 for 100 h, revenue 16,000.00 (planned
//     margin 6,000.00 / 16,000.00 = 0.3750), contract 16,000.00. Approved time to 2026-02-10,
//     10 h a day for 1,000.00: five days in January and two in February, 7,000.00 (70 % of the
//     budget; the day of 2026-02-20 comes after and does not count). Burn 0.70 / 0.40 = 1.75 times
//     the plan; cost at completion 7,000.00 × 100 / 40 = 17,500.00, expected margin 16,000.00 −
//     17,500.00 = −1,500.00, forecast margin −0.0938: high. A milestone due 2026-02-01 is still
//     pending (one of two due; the other was accepted on time) and a change request of 2,500.00
//     submitted on 2026-02-01 awaits a decision.
//   Acme sea (no manager): the same budget and contract, 4,000.00 spent (burn 1.00): on track,
//     expected margin 16,000.00 − 10,000.00 = 6,000.00, forecast margin 0.3750.

#include "insights/insights_model_store.h"
#include "insights/margin_risk.h"
#include "tst_ledger_fixture.h"

#include <QUrlQuery>
#include <QUuid>

using namespace keel;
using namespace keel::test;

class InsightsMarginRiskTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    qint64 ann = 0;

    void time(qint64 projectId, const char *day, const char *hours, const char *cost,
              const char *currency = "USD")
    {
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable, status, cost_amount, cost_currency) SELECT ?, "
                  "e.id, e.legal_entity_id, ?, ?::date, ?::numeric, true, 'approved', "
                  "?::numeric, ? FROM employees e WHERE e.id = ?",
                  {QUuid::createUuid().toString(QUuid::WithoutBraces), projectId,
                   QString::fromLatin1(day), QString::fromLatin1(hours), QString::fromLatin1(cost),
                   QString::fromLatin1(currency), ann});
    }

    // Schedule, a budget of 10,000.00 cost / 16,000.00 revenue and a fixed-fee contract of
    // 16,000.00 signed before the day.
    void plan(qint64 projectId)
    {
        db::query(db->sql(),
                  "UPDATE projects SET start_date = '2026-01-01', end_date = '2026-04-11' WHERE "
                  "id = ?",
                  {projectId});
        const qint64 v = scalar("INSERT INTO project_budget_versions (project_id, budget_version, "
                                "reason, created_at) VALUES (?, 1, 'plan', '2025-12-20') "
                                "RETURNING id",
                                {projectId});
        db::query(db->sql(),
                  "INSERT INTO project_budget_lines (budget_version_id, job_role_id, hours, cost, "
                  "revenue) VALUES (?, (SELECT id FROM job_roles WHERE code = 'CONSULTANT'), "
                  "100, 10000, 16000)",
                  {v});
        const qint64 c = scalar("INSERT INTO contracts (legal_entity_id, account_id, title, "
                                "currency, start_date, end_date, total_value) VALUES (?, ?, "
                                "'Work', 'USD', '2026-01-01', '2026-04-11', 16000) RETURNING id",
                                {us, client});
        db::query(db->sql(),
                  "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, "
                  "value) VALUES (?, 1, 'Work', 'fixed_fee', 16000)",
                  {c});
        db::query(db->sql(),
                  "INSERT INTO contract_versions (contract_id, contract_version, total_value, "
                  "start_date, end_date, lines, created_at) VALUES (?, 1, 16000, '2026-01-01', "
                  "'2026-04-11', '[]', '2025-12-20')",
                  {c});
        db::query(db->sql(), "UPDATE projects SET contract_id = ? WHERE id = ?", {c, projectId});
    }

    void firm()
    {
        const qint64 userId =
            server->createUser("ann", "ann password", {{"consultant", "US"}}, "US");
        ann = scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                     "VALUES (?, ?, 'US', (SELECT id FROM job_roles WHERE code = 'CONSULTANT')) "
                     "RETURNING id",
                     {userId, us});
        plan(project);
        plan(project2);
        db::query(db->sql(), "UPDATE projects SET project_manager_id = ? WHERE id = ?",
                  {fin, project});
        for (const char *day : {"2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15",
                                "2026-01-16", "2026-02-04", "2026-02-05", "2026-02-20"})
            time(project, day, "10", "1000.00");
        for (const char *day : {"2026-01-19", "2026-01-20", "2026-01-21", "2026-01-22"})
            time(project2, day, "10", "1000.00");
        db::query(db->sql(),
                  "INSERT INTO project_milestones (project_id, seq, name, amount, currency, "
                  "planned_date, state, actual_date) VALUES (?, 1, 'Design', 4000, 'USD', "
                  "'2026-01-20', 'billable', '2026-01-19'), (?, 2, 'Build', 6000, 'USD', "
                  "'2026-02-01', 'pending', NULL), (?, 3, 'Go-live', 6000, 'USD', "
                  "'2026-04-01', 'pending', NULL)",
                  {project, project, project});
        db::query(db->sql(),
                  "INSERT INTO project_change_requests (project_id, legal_entity_id, seq, "
                  "reason, currency, delta_value, delta_hours, status, submitted_by, "
                  "submitted_at) VALUES (?, ?, 1, 'More interfaces', 'USD', 2500, 25, "
                  "'submitted', ?, '2026-02-01 10:00+00')",
                  {project, us, fin});
    }

    void train()
    {
        const InsightsModelSpec spec = marginRiskModel();
        const InsightsTrained t = spec.train(db->sql(), QDate(2026, 2, 10), {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(db->sql(), spec.name, QDate(2026, 2, 10), t, 1, 0);
    }

    static QString path(const QString &query)
    {
        return QStringLiteral("/api/v1/insights/margin-risk?as_of=2026-02-10") +
               (query.isEmpty() ? QString() : QLatin1Char('&') + query);
    }

    static QJsonObject evidenceOf(const QJsonObject &item, const char *kind)
    {
        for (const QJsonValue &e : item.value("evidence").toArray())
            if (e.toObject().value("kind").toString() == QLatin1String(kind))
                return e.toObject();
        return {};
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void notTrainedIs409()
    {
        firm();
        const HttpResult r = login("fin")->get(path({}));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QStringLiteral("model:not_trained"));
    }

    void burnAheadIsFlaggedWithItsEvidenceAndMargin()
    {
        firm();
        train();
        const HttpResult r = login("fin")->get(path({}));
        QCOMPARE(r.status, 200);
        const QJsonObject answer = r.json();
        QCOMPARE(answer.value("model").toObject().value("name").toString(),
                 QStringLiteral("margin_risk"));
        const QJsonArray items = answer.value("items").toArray();
        QCOMPARE(items.size(), 1); // the on-track project is not flagged
        const QJsonObject lake = items.first().toObject();
        QCOMPARE(lake.value("project_id").toInteger(), project);
        QCOMPARE(lake.value("currency").toString(), QStringLiteral("USD"));
        QCOMPARE(lake.value("contract_value").toString(), QStringLiteral("16000.00"));
        QCOMPARE(lake.value("expected_margin").toString(), QStringLiteral("-1500.00"));
        QCOMPARE(lake.value("forecast_margin").toString(), QStringLiteral("-0.0938"));
        QCOMPARE(lake.value("target_margin").toString(), QStringLiteral("0.3750"));
        QCOMPARE(lake.value("budget_spent_pct").toString(), QStringLiteral("0.7000"));
        QCOMPARE(lake.value("percent_complete").toString(), QStringLiteral("0.4000"));
        QCOMPARE(lake.value("severity").toString(), QStringLiteral("high"));

        const QJsonObject burn = evidenceOf(lake, "burn_ahead");
        QCOMPARE(burn.value("value").toString(), QStringLiteral("0.7000"));
        QCOMPARE(burn.value("compared_with").toString(), QStringLiteral("0.4000"));
        QVERIFY(burn.value("text").toString().startsWith("70 % of the cost budget"));
        const QJsonObject slipping = evidenceOf(lake, "milestones_slipping");
        QCOMPARE(slipping.value("value").toString(), QStringLiteral("1"));
        QCOMPARE(slipping.value("compared_with").toString(), QStringLiteral("2"));
        const QJsonObject pending = evidenceOf(lake, "change_requests_pending");
        QCOMPARE(pending.value("value").toString(), QStringLiteral("1"));
        QCOMPARE(pending.value("compared_with").toString(), QStringLiteral("2500.00"));
        QVERIFY(evidenceOf(lake, "rate_mix").isEmpty()); // 100.00 an hour, as budgeted
    }

    void allShowsTheOnTrackProject()
    {
        firm();
        train();
        const QJsonArray items =
            login("fin")->get(path(QStringLiteral("all=true"))).json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject sea = items.at(1).toObject();
        QCOMPARE(sea.value("project_id").toInteger(), project2);
        QCOMPARE(sea.value("flagged").toBool(), false);
        QVERIFY(sea.value("severity").isNull());
        QCOMPARE(sea.value("expected_margin").toString(), QStringLiteral("6000.00"));
        QCOMPARE(sea.value("forecast_margin").toString(), QStringLiteral("0.3750"));
        QVERIFY(sea.value("evidence").toArray().isEmpty());
    }

    void theDayDecides()
    {
        firm();
        train();
        // On 2026-01-31 (30 %): 5,000.00 of 10,000.00 spent, burn 1.67; the milestone of
        // 2026-02-01 is not due yet and the change request not submitted.
        const QJsonObject lake = login("fin")
                                     ->get("/api/v1/insights/margin-risk?as_of=2026-01-31")
                                     .json()
                                     .value("items")
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(lake.value("budget_spent_pct").toString(), QStringLiteral("0.5000"));
        QCOMPARE(lake.value("percent_complete").toString(), QStringLiteral("0.3000"));
        QCOMPARE(lake.value("expected_margin").toString(), QStringLiteral("-666.67"));
        QVERIFY(evidenceOf(lake, "milestones_slipping").isEmpty());
        QVERIFY(evidenceOf(lake, "change_requests_pending").isEmpty());
    }

    // Cost booked in another currency converts at the rate of its work day, and each day's sum
    // is rounded to the cent before the days are added. Sea gets, besides its 4,000.00:
    // 0.005 USD on 2026-01-19 (that day 1,000.005 -> 1,000.01); 100.00 GBP on 2026-01-26 at
    // 1.25 (125.00); 10.01 + 10.01 GBP on 2026-02-02 at 1.30 (20.02 x 1.30 = 26.026 -> 26.03,
    // where each entry alone would give 13.01 + 13.01 = 26.02). Spent 4,151.04: 0.4151 of the
    // budget; cost at completion 4,151.04 x 100 / 40 = 10,377.60, expected margin 5,622.40,
    // forecast margin 0.3514.
    void costInAnotherCurrencyConvertsPerWorkDay()
    {
        firm();
        db::exec(db->sql(),
                 "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                 "('GBP', 'USD', '2026-01-01', 1.25), ('GBP', 'USD', '2026-02-01', 1.30)");
        time(project2, "2026-01-19", "1", "0.005");
        time(project2, "2026-01-26", "1", "100.00", "GBP");
        time(project2, "2026-02-02", "1", "10.01", "GBP");
        time(project2, "2026-02-02", "1", "10.01", "GBP");
        train();
        const QJsonArray items =
            login("fin")->get(path(QStringLiteral("all=true"))).json().value("items").toArray();
        QJsonObject sea;
        for (const QJsonValue &item : items)
            if (item.toObject().value("project_id").toInteger() == project2)
                sea = item.toObject();
        QCOMPARE(sea.value("budget_spent_pct").toString(), QStringLiteral("0.4151"));
        QCOMPARE(sea.value("expected_margin").toString(), QStringLiteral("5622.40"));
        QCOMPARE(sea.value("forecast_margin").toString(), QStringLiteral("0.3514"));
    }

    void managerFilter()
    {
        firm();
        train();
        const auto f = login("fin");
        const QJsonArray mine =
            f->get(path(QStringLiteral("manager=me&all=true"))).json().value("items").toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().toObject().value("project_id").toInteger(), project);
        const HttpResult bad = f->get(path(QStringLiteral("manager=boss")));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.fieldCodes(), QStringLiteral("manager:invalid"));
        QCOMPARE(f->get(path(QStringLiteral("all=maybe"))).status, 422);
        QCOMPARE(f->get(QStringLiteral("/api/v1/insights/margin-risk?as_of=10.02.2026")).status,
                 422);
    }

    void anotherEntityIs403()
    {
        firm();
        train();
        const HttpResult r = login("fin")->get(path("entity=" + QString::number(uk)));
        QCOMPARE(r.status, 403);
        QCOMPARE(login("amy")->get(path({})).status, 403); // a consultant has no insights.use
    }
};

QTEST_GUILESS_MAIN(InsightsMarginRiskTest)
#include "tst_insights_margin_risk.moc"
