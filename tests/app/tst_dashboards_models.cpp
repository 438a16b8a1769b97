// The Dashboards workspace's data side without a server: a metric answer read from the
// contract's JSON with every value kept as the server's exact text, its CSV, the value
// formats (money grouped, ratios as percent by moving the point), the filter's and a card's
// query, the declared cards of every role and the tab a role opens on.
#include "card_spec.h"
#include "dashboard_filter.h"
#include "metric_answer.h"
#include "metric_format.h"
#include "tst_dashboards_models_data.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSettings>
#include <QTest>

using namespace keel::dashboards;

class TestDashboardsModels : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text)
    {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(QStringLiteral("KeelTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboards_models"));
        QSettings().clear();
    }

    void answerKeepsExactStrings()
    {
        const MetricAnswer a = MetricAnswer::fromJson(json(UtilisationAnswer));
        QCOMPARE(a.metric, QString("utilisation"));
        QCOMPARE(a.unit, QString("ratio"));
        QCOMPARE(a.value, QString("0.7312"));
        QCOMPARE(a.numerator, QString("81234.50"));
        QCOMPARE(a.target, QString("0.8000"));
        QCOMPARE(a.points.size(), 2);
        QCOMPARE(a.points.at(0).numerator, QString("7012.00"));
        QCOMPARE(a.points.at(1).value, QString()); // null: undefined, not zero
        QCOMPARE(a.extra.value("note").toString(), QString("x"));
        QCOMPARE(a.keys(), QStringList({"2026-01", "2026-02"}));
        QCOMPARE(a.seriesNames(), QStringList({QString()}));
        QVERIFY(!a.isEmpty());
        QVERIFY(a.find("2026-01"));
        QVERIFY(!a.find("2026-03"));
        QCOMPARE(a.labelOf("2026-02"), QString("Feb 2026"));

        QCOMPARE(a.csv(), QString("key,label,series,value,numerator,denominator\r\n"
                                  "2026-01,Jan 2026,,0.7012,7012.00,10000.00\r\n"
                                  "2026-02,Feb 2026,,,0.00,0.00\r\n"));
    }

    void seriesHeatmapAndEmptiness()
    {
        const MetricAnswer a = MetricAnswer::fromJson(json(ForecastAnswer));
        QCOMPARE(a.seriesNames(), QStringList({"actual", "forecast"}));
        QCOMPARE(a.find("2026-01", {}, "forecast")->value, QString("2.00"));

        const MetricAnswer h = MetricAnswer::fromJson(json(HeatmapAnswer));
        QCOMPARE(h.keys2(), QStringList({"2026-01"}));
        QCOMPARE(h.find("7", "2026-01")->value, QString("0.5000"));
        // A label with a comma and quotes is quoted; key2 and label2 columns with by2.
        QCOMPARE(h.csv(), QString("key,label,key2,label2,series,value,numerator,denominator\r\n"
                                  "7,\"Ann, \"\"Lead\"\"\",2026-01,Jan 2026,,0.5000,,\r\n"));

        const MetricAnswer zero = MetricAnswer::fromJson(json(ZeroAnswer));
        QVERIFY(zero.isEmpty());
        QVERIFY(MetricAnswer::fromJson(json(NullAnswer)).isEmpty());
    }

    void formatsFromTheExactText()
    {
        QCOMPARE(formatMetricValue("1234567.50", "money", "USD"), QString("USD 1,234,567.50"));
        QCOMPARE(formatMetricValue("-1234.05", "money", "EUR"), QString("EUR -1,234.05"));
        QCOMPARE(formatMetricValue("0.7312", "ratio", "USD"), QString("73.12 %"));
        QCOMPARE(formatMetricValue("1.0500", "ratio", {}), QString("105.00 %"));
        QCOMPARE(formatMetricValue("-0.0420", "ratio", {}), QString("-4.20 %"));
        QCOMPARE(formatMetricValue("0.0000", "ratio", {}), QString("0.00 %"));
        QCOMPARE(formatMetricValue("12.5", "ratio", {}), QString("1,250 %"));
        QCOMPARE(formatMetricValue("1234.5", "hours", {}), QString("1,234.5 h"));
        QCOMPARE(formatMetricValue("45.2", "days", {}), QString("45.2 days"));
        QCOMPARE(formatMetricValue("1200", "count", {}), QString("1,200"));
        QCOMPARE(formatMetricValue({}, "money", "USD"), QString());
        QCOMPARE(ratioAsPercent("0.5"), QString("50"));
        QCOMPARE(ratioAsPercent("3"), QString("300"));
        // Chart geometry only.
        QCOMPARE(chartNumber("0.7312", "ratio"), 73.12);
        QCOMPARE(chartNumber("1500.25", "money"), 1500.25);
        QCOMPARE(shortMonthLabel("2026-03", "Mar 2026"), QString("Mar 26"));
        QCOMPARE(shortMonthLabel("stage_1", "Qualified"), QString("Qualified"));
    }

    void filterQuery()
    {
        // The default ends with the last complete month: December is still being worked.
        DashboardFilter f = DashboardFilter::lastTwelveFullMonths(QDate(2026, 12, 6));
        QCOMPARE(f.period, DashboardFilter::Period::LastTwelveFullMonths);
        QCOMPARE(f.from, QDate(2025, 12, 1));
        QCOMPARE(f.to, QDate(2026, 11, 1));
        QCOMPARE(f.toQuery().toString(), QString("from=2025-12&to=2026-11"));
        using P = DashboardFilter::Period;
        QCOMPARE(DashboardFilter::periodMonths(P::LastTwelveMonths, QDate(2026, 12, 6)),
                 std::pair(QDate(2026, 1, 1), QDate(2026, 12, 1)));
        QCOMPARE(DashboardFilter::periodMonths(P::LastTwelveFullMonths, QDate(2027, 1, 31)),
                 std::pair(QDate(2026, 1, 1), QDate(2026, 12, 1)));
        QCOMPARE(DashboardFilter::periodMonths(P::LastQuarter, QDate(2026, 12, 6)),
                 std::pair(QDate(2026, 7, 1), QDate(2026, 9, 1)));
        f.entityId = "3";
        f.practiceId = "2";
        f.currency = DashboardFilter::Currency::Entity;
        QCOMPARE(f.toQuery().toString(),
                 QString("from=2025-12&to=2026-11&entity=3&practice=2&currency=entity"));
        f.currency = DashboardFilter::Currency::Group;
        QCOMPARE(f.toQuery().queryItemValue("currency"), QString("group"));

        // Remembered: a preset follows the calendar, a custom range stays as it was.
        f.save("t/");
        QCOMPARE(DashboardFilter::load("t/", QDate(2026, 12, 6)), f);
        const DashboardFilter january = DashboardFilter::load("t/", QDate(2027, 1, 10));
        QCOMPARE(january.period, P::LastTwelveFullMonths);
        QCOMPARE(january.to, QDate(2026, 12, 1));
        QCOMPARE(january.entityId, QString("3"));
        DashboardFilter custom = f;
        custom.period = P::Custom;
        custom.from = QDate(2026, 1, 1);
        custom.to = QDate(2026, 11, 1);
        custom.save("t/");
        QCOMPARE(DashboardFilter::load("t/", QDate(2027, 1, 10)), custom);
        // Even when its months are a preset's today.
        custom.to = QDate(2026, 12, 1);
        custom.save("t/");
        QCOMPARE(DashboardFilter::load("t/", QDate(2026, 12, 6)).period, P::Custom);
        // Saved before the period was: the preset it matches, else custom.
        QSettings().remove("t/period");
        QCOMPARE(DashboardFilter::load("t/", QDate(2026, 12, 6)).period, P::LastTwelveMonths);
        QSettings().setValue("t/from", "2026-02");
        QCOMPARE(DashboardFilter::load("t/", QDate(2026, 12, 6)).period, P::Custom);
        // A nonsense range falls back to the default.
        QSettings().setValue("t/from", "2027-01");
        QCOMPARE(DashboardFilter::load("t/", QDate(2026, 12, 6)).from, QDate(2025, 12, 1));
    }

    void cardQueryAddsTheCardsParameters()
    {
        DashboardFilter f;
        f.from = QDate(2026, 1, 1);
        f.to = QDate(2026, 6, 1);
        f.entityId = "1";
        const QList<CardSpec> leader = dashboardCards(DashboardRole::ServiceLeader);
        const auto heat = std::find_if(leader.begin(), leader.end(), [](const CardSpec &c) {
            return c.id == "utilisation_heatmap";
        });
        QVERIFY(heat != leader.end());
        QCOMPARE(heat->chart, ChartKind::Heatmap);
        QCOMPARE(cardQuery(*heat, f).toString(),
                 QString("from=2026-01&to=2026-06&entity=1&by=person&by2=month&limit=30"));

        const QList<CardSpec> pm = dashboardCards(DashboardRole::ProjectManager);
        for (const CardSpec &c : pm)
            QCOMPARE(cardQuery(c, f).queryItemValue("manager"), QString("me"));
    }

    void everyRoleHasItsCards()
    {
        const auto metrics = [](DashboardRole r) {
            QStringList m;
            for (const CardSpec &c : dashboardCards(r))
                m << c.metric;
            return m;
        };
        QCOMPARE(metrics(DashboardRole::Executive),
                 QStringList({"bookings", "backlog", "project_margin", "utilisation", "dso", "cash",
                              "revenue_vs_forecast"}));
        QCOMPARE(metrics(DashboardRole::ServiceLeader),
                 QStringList({"utilisation", "utilisation", "utilisation", "bench",
                              "project_margin", "projects_at_risk"}));
        QCOMPARE(metrics(DashboardRole::Sales),
                 QStringList({"pipeline_funnel", "weighted_pipeline", "win_rate", "bookings"}));
        QCOMPARE(metrics(DashboardRole::ProjectManager),
                 QStringList({"budget_burn", "milestones_due", "unbilled", "project_margin"}));
        QCOMPARE(metrics(DashboardRole::Finance),
                 QStringList({"unbilled", "deferred_revenue", "ar_aging", "dso", "write_off_rate",
                              "realisation", "invoice_cycle_time"}));
        for (int r = 0; r < DashboardRoleCount; ++r) {
            QStringList ids;
            for (const CardSpec &c : dashboardCards(dashboardRoleAt(r))) {
                QVERIFY2(!ids.contains(c.id), qPrintable(c.id));
                ids << c.id;
                QVERIFY(c.title && *c.title);
            }
        }
        const auto weighted = dashboardCards(DashboardRole::Sales).at(1);
        QCOMPARE(weighted.lineSeries, QString("capacity"));
        // The pipeline looks ahead: the twelve months from the filter's last or from today's,
        // whichever is later (the default period ends last month).
        DashboardFilter f;
        f.from = QDate(2026, 1, 1);
        f.to = QDate(2026, 12, 1);
        const QDate today(2026, 12, 6);
        QCOMPARE(cardQuery(weighted, f, today).toString(),
                 QString("from=2026-12&to=2027-11&by=month"));
        QCOMPARE(
            cardQuery(weighted, DashboardFilter::lastTwelveFullMonths(today), today).toString(),
            QString("from=2026-12&to=2027-11&by=month"));
        f.to = QDate(2027, 3, 1);
        QCOMPARE(cardQuery(weighted, f, today).toString(),
                 QString("from=2027-03&to=2028-02&by=month"));
    }

    void roleOpensItsTab()
    {
        QCOMPARE(defaultDashboardFor({"executive"}), DashboardRole::Executive);
        QCOMPARE(defaultDashboardFor({"resource_manager"}), DashboardRole::ServiceLeader);
        QCOMPARE(defaultDashboardFor({"sales"}), DashboardRole::Sales);
        QCOMPARE(defaultDashboardFor({"sales_director"}), DashboardRole::Sales);
        QCOMPARE(defaultDashboardFor({"consultant", "project_manager"}),
                 DashboardRole::ProjectManager);
        QCOMPARE(defaultDashboardFor({"finance"}), DashboardRole::Finance);
        QCOMPARE(defaultDashboardFor({"controller"}), DashboardRole::Finance);
        QCOMPARE(defaultDashboardFor({"admin"}), DashboardRole::Executive);
        QCOMPARE(dashboardRoleKey(DashboardRole::ServiceLeader), QString("service_leader"));
        QCOMPARE(dashboardRoleTitle(DashboardRole::ProjectManager), QString("Project manager"));
    }
};

QTEST_GUILESS_MAIN(TestDashboardsModels)
#include "tst_dashboards_models.moc"
