// The Dashboards workspace against a live keel-server (fresh database per test) with revenue
// recognised through the real posting rules, so the Finance dashboard's unbilled (WIP) card has
// a figure: the card shows the server's figure exactly, a point opens its records whose total
// equals the point, CSV and PNG exports, the empty state for months without data, the error
// state for an entity outside the caller's grants (403) and for an unknown metric (404), the
// filter bar driving the cards' query, and the page opening on the caller's role's tab.
#include "analytics_api.h"
#include "dashboards/chart_card.h"
#include "dashboards/dashboard_view.h"
#include "dashboards/dashboards_page.h"
#include "dashboards/drill_dialog.h"
#include "dashboards/filter_bar.h"
#include "dashboards/metric_chart_view.h"
#include "metric_format.h"
#include "metric_records_model.h"
#include "sales_format.h"
#include "tst_finance_live.h"
#include "tst_ledger_fixture.h"

#include <QAbstractSeries>
#include <QChart>
#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QLocale>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace keel;
using namespace keel::test;
using namespace keel::dashboards;

class TestDashboardsLive : public QObject, public LedgerFixture
{
    Q_OBJECT

    void recognise(qint64 entity, const char *date, const char *amount, const char *currency,
                   qint64 onProject = 0)
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger,
                {entity,
                 client,
                 fin,
                 QStringLiteral("P:%1").arg(QString::fromLatin1(date)),
                 QDate::fromString(QString::fromLatin1(date), Qt::ISODate),
                 {{onProject ? onProject : project, money(amount, currency), std::nullopt, {}}},
                 {}});
        });
    }

    // September (Acme lake) and October 2026 (Acme sea) recognised, nothing billed: unbilled
    // is 10,000.00 at the end of September and 22,500.00 from the end of October.
    void postUs()
    {
        recognise(us, "2026-09-30", "10000.00", "USD");
        recognise(us, "2026-10-31", "12500.00", "USD", project2);
    }

    static DashboardFilter months(const char *from, const char *to, qint64 entity = 0)
    {
        DashboardFilter f;
        f.period = DashboardFilter::Period::Custom;
        f.from = QDate::fromString(QString::fromLatin1(from) + "-01", Qt::ISODate);
        f.to = QDate::fromString(QString::fromLatin1(to) + "-01", Qt::ISODate);
        if (entity)
            f.entityId = QString::number(entity);
        return f;
    }

    static bool loadAll(DashboardView &view)
    {
        QSignalSpy done(&view, &DashboardView::allCardsLoaded);
        view.reload();
        return done.wait(15000);
    }

    static CardSpec unbilledCard()
    {
        for (const CardSpec &c : dashboardCards(DashboardRole::Finance))
            if (c.id == "unbilled")
                return c;
        return {};
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(QStringLiteral("KeelTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboards_live"));
        QSettings().clear();
    }
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void cardShowsTheServersFigureAndDrillsToIt()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        DashboardView view(session->api(), DashboardRole::Finance);
        view.resize(1280, 900);
        view.setFilter(months("2026-01", "2026-11", us));
        QSignalSpy cardSpy(&view, &DashboardView::cardLoaded);
        QVERIFY(loadAll(view));
        QVERIFY(view.isLoaded());
        QCOMPARE(cardSpy.count(), view.cards().size());
        QVERIFY(view.loadMsecs() >= 0);
        for (ChartCard *c : view.cards())
            QVERIFY2(view.cardMsecs(c->spec().id) >= 0, qPrintable(c->spec().id));

        // The server's own answer, straight over HTTP.
        auto http = login("fin");
        const QString path = AnalyticsApi::metricPath(
            "unbilled", cardQuery(unbilledCard(), months("2026-01", "2026-11", us)));
        const HttpResult r = http->get(path);
        QCOMPARE(r.status, 200);
        const QJsonObject server = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(server.value("value").toString(), QString("22500.00"));

        ChartCard *card = view.card("unbilled");
        QVERIFY(card);
        QCOMPARE(card->state(), ChartCard::State::Ready);
        QCOMPARE(card->answer().value, server.value("value").toString());
        QCOMPARE(card->figureText(), QString("USD 22,500.00"));
        QVERIFY2(card->comparisonText().contains("Nov 26: USD 22,500.00"),
                 qPrintable(card->comparisonText()));
        QCOMPARE(card->answer().currency, QString("USD"));
        QCOMPARE(card->answer().points.size(), server.value("points").toArray().size());
        const MetricPoint *sep = card->answer().find("2026-09");
        QVERIFY(sep);
        QCOMPARE(sep->value, QString("10000.00"));
        QVERIFY(card->chartView());
        QVERIFY2(card->chartView()->axisTitle().contains("USD"),
                 qPrintable(card->chartView()->axisTitle()));
        QVERIFY2(card->chartView()->tooltipFor(*sep).contains("USD 10,000.00"),
                 qPrintable(card->chartView()->tooltipFor(*sep)));

        // A click on September's point: its records, whose total is the point.
        QSignalSpy opened(&view, &DashboardView::drillOpened);
        QVERIFY(card->activatePoint("2026-09"));
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.at(0).at(0).value<DrillDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->recordsQuery().queryItemValue("key"), QString("2026-09"));
        QCOMPARE(dialog->recordsQuery().queryItemValue("entity"), QString::number(us));
        QVERIFY(QTest::qWaitFor([&] { return dialog->model()->hasLoaded(); }, 10000));
        QVERIFY2(dialog->model()->lastError().isEmpty(), qPrintable(dialog->model()->lastError()));
        QCOMPARE(dialog->model()->total(), QString("10000.00"));
        QVERIFY(dialog->totalEqualsFigure());
        QVERIFY2(dialog->totalText().contains("USD 10,000.00") &&
                     dialog->totalText().contains("total equals the figure"),
                 qPrintable(dialog->totalText()));
        QVERIFY(dialog->model()->rowCount() >= 1);
        QVERIFY(dialog->model()->columnCount() >= 1);
        grabIfAsked(dialog, "dashboards-drill");
        dialog->close();

        // A real click on September's point of the line opens the same records.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricChartView *chartView = card->chartView();
        QAbstractSeries *line = chartView->chart()->series().value(0);
        QVERIFY(line);
        const int september = int(card->answer().keys().indexOf("2026-09"));
        const QPointF inChart = chartView->chart()->mapToPosition(
            QPointF(september, chartNumber(sep->value, "money") / 1e3), line);
        const QPoint at = chartView->mapFromScene(chartView->chart()->mapToScene(inChart));
        const int before = int(opened.count());
        QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(opened.count(), before + 1);
        auto *clicked = opened.last().at(0).value<DrillDialog *>();
        QCOMPARE(clicked->point().key, QString("2026-09"));
        clicked->close();

        // October's balance: both postings.
        QVERIFY(card->activatePoint("2026-10"));
        auto *october = opened.last().at(0).value<DrillDialog *>();
        QVERIFY(QTest::qWaitFor([&] { return october->model()->hasLoaded(); }, 10000));
        QCOMPARE(october->model()->total(), QString("22500.00"));
        QVERIFY(october->totalEqualsFigure());
        october->close();
    }

    void recordsArriveAPageAtATime()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        MetricRecordsModel model(session->api());
        model.setPageSize(1);
        QUrlQuery q = cardQuery(unbilledCard(), months("2026-01", "2026-11", us));
        q.addQueryItem("key", "2026-10");
        QSignalSpy page(&model, &MetricRecordsModel::pageLoaded);
        model.open("unbilled", q);
        QVERIFY(page.wait(10000));
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        // One row, the total of both already, and a cursor for the next.
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.total(), QString("22500.00"));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(page.wait(10000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.total(), QString("22500.00"));
        if (model.canFetchMore({})) { // a last, empty page is allowed
            model.fetchMore({});
            QVERIFY(page.wait(10000));
        }
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 2);
        QStringList balances;
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                if (model.columns().at(c).type == "money")
                    balances << model.index(r, c).data().toString();
        balances.sort();
        QCOMPARE(balances, QStringList({"USD 10,000.00", "USD 12,500.00"}));
    }

    void exportsCsvAndPng()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        DashboardView view(session->api(), DashboardRole::Finance);
        view.resize(1280, 900);
        view.setFilter(months("2026-08", "2026-10", us));
        QVERIFY(loadAll(view));
        ChartCard *card = view.card("unbilled");
        QCOMPARE(card->state(), ChartCard::State::Ready);

        QTemporaryDir dir;
        const QString csv = dir.filePath("unbilled.csv");
        QVERIFY(card->exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()),
                 QString("key,label,series,value,numerator,denominator\r\n"
                         "%1,%2,,0.00,,\r\n"
                         "%3,%4,,10000.00,,\r\n"
                         "%5,%6,,22500.00,,\r\n")
                     .arg("2026-08", card->answer().labelOf("2026-08"), "2026-09",
                          card->answer().labelOf("2026-09"), "2026-10",
                          card->answer().labelOf("2026-10")));

        const QString png = dir.filePath("unbilled.png");
        QVERIFY(card->exportPng(png));
        QVERIFY(QFileInfo(png).size() > 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100 && image.height() > 100);
    }

    void emptyStateForMonthsWithoutData()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        DashboardView view(session->api(), DashboardRole::Finance);
        view.setFilter(months("2024-01", "2024-06", us));
        QVERIFY(loadAll(view));
        ChartCard *card = view.card("unbilled");
        QCOMPARE(card->state(), ChartCard::State::Empty);
        QVERIFY2(card->messageText().contains("No data for these filters"),
                 qPrintable(card->messageText()));
        QVERIFY(card->messageText().contains("Try a longer period"));
    }

    void errorStatesFor403And404()
    {
        postUs();
        // A finance user of the UK asks for the US entity.
        auto session = signInAs(*server, "ukfin");
        DashboardView view(session->api(), DashboardRole::Finance);
        view.setFilter(months("2026-01", "2026-11", us));
        QVERIFY(loadAll(view));
        ChartCard *card = view.card("unbilled");
        QCOMPARE(card->state(), ChartCard::State::Error);
        QVERIFY2(card->messageText().contains("do not cover entity"),
                 qPrintable(card->messageText()));
        QVERIFY(card->figureText().isEmpty());

        // A metric the server does not have; its retry asks again and fails the same way.
        CardSpec missing = unbilledCard();
        missing.id = "missing";
        missing.metric = "no_such_metric";
        DashboardView custom(session->api(), QList<CardSpec>{missing});
        QVERIFY(loadAll(custom));
        ChartCard *m = custom.card("missing");
        QCOMPARE(m->state(), ChartCard::State::Error);
        QVERIFY2(m->messageText().contains("There is no metric no_such_metric"),
                 qPrintable(m->messageText()));
        QSignalSpy again(&custom, &DashboardView::allCardsLoaded);
        emit m->retryRequested();
        QCOMPARE(m->state(), ChartCard::State::Loading);
        QCOMPARE(m->messageText(), QString("Loading…"));
        QVERIFY(again.wait(10000));
        QCOMPARE(m->state(), ChartCard::State::Error);
    }

    void filterBarDrivesTheQuery()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        FilterBar bar(session->api(), session->user());
        DashboardView view(session->api(), DashboardRole::Finance);
        connect(&bar, &FilterBar::filterChanged, &view, &DashboardView::setFilter);
        view.resize(1280, 900);
        view.show();
        bar.restore(months("2026-01", "2026-11"));
        view.setFilter(bar.filter());
        bar.loadChoices();
        QVERIFY(QTest::qWaitFor([&] { return bar.choicesLoaded(); }, 10000));
        // fin's dashboards cover the US only.
        QCOMPARE(bar.entityBox()->count(), 2);
        QCOMPARE(bar.entityBox()->itemData(1).toString(), QString::number(us));
        QVERIFY(!bar.currencyBox()->isEnabled());
        QVERIFY(QTest::qWaitFor([&] { return view.isLoaded(); }, 15000));

        QSignalSpy done(&view, &DashboardView::allCardsLoaded);
        bar.setEntity(QString::number(us));
        QVERIFY(done.wait(15000));
        QUrlQuery q = view.cardQueryOf("unbilled");
        QCOMPARE(q.queryItemValue("entity"), QString::number(us));
        QCOMPARE(q.queryItemValue("from"), QString("2026-01"));
        QCOMPARE(q.queryItemValue("by"), QString("month"));
        QVERIFY(!q.hasQueryItem("currency"));
        QVERIFY(bar.currencyBox()->isEnabled());
        QCOMPARE(view.card("unbilled")->answer().filters.value("entity").toString(),
                 QString::number(us));

        bar.setCurrency(DashboardFilter::Currency::Group);
        QVERIFY(done.wait(15000));
        QCOMPARE(view.cardQueryOf("unbilled").queryItemValue("currency"), QString("group"));
        QCOMPARE(view.card("unbilled")->answer().currency, QString("USD"));
        QCOMPARE(view.card("unbilled")->figureText(), QString("USD 22,500.00"));

        bar.setPeriod(QDate(2026, 9, 1), QDate(2026, 9, 1));
        QVERIFY(done.wait(15000));
        QCOMPARE(view.cardQueryOf("unbilled").queryItemValue("to"), QString("2026-09"));
        QCOMPARE(view.card("unbilled")->figureText(), QString("USD 10,000.00"));
        auto *period = bar.findChild<QComboBox *>("dashboardPeriod");
        QVERIFY(period);
        QCOMPARE(period->currentIndex(), int(DashboardFilter::Period::Custom));

        // The default preset ends with the last complete month.
        bar.applyPeriod(DashboardFilter::Period::LastTwelveFullMonths);
        QVERIFY(done.wait(15000));
        const QDate month(QDate::currentDate().year(), QDate::currentDate().month(), 1);
        QCOMPARE(view.cardQueryOf("unbilled").queryItemValue("to"),
                 month.addMonths(-1).toString("yyyy-MM"));
        QCOMPARE(period->currentIndex(), int(DashboardFilter::Period::LastTwelveFullMonths));
        QCOMPARE(period->currentText(), QString("Last 12 full months"));
    }

    void pageOpensOnTheRolesTab()
    {
        postUs();
        auto session = signInAs(*server, "fin");
        auto page = std::make_unique<DashboardsPage>(session.get());
        QCOMPARE(page->tabs()->count(), 5);
        QCOMPARE(page->tabs()->currentIndex(), int(DashboardRole::Finance));
        QCOMPARE(page->tabs()->tabText(0), QString("Executive"));
        page->resize(1400, 900);
        page->show();
        DashboardView *finance = page->view(DashboardRole::Finance);
        QVERIFY(QTest::qWaitFor([&] { return finance->isLoaded(); }, 15000));
        // Other tabs wait until they are shown.
        QVERIFY(!page->view(DashboardRole::Sales)->isLoaded());
        page->openDashboard(DashboardRole::Sales);
        QVERIFY(
            QTest::qWaitFor([&] { return page->view(DashboardRole::Sales)->isLoaded(); }, 15000));
        grabIfAsked(page.get(), "dashboards-page");
        page.reset();
        // The last tab comes back.
        auto again = std::make_unique<DashboardsPage>(session.get());
        QCOMPARE(again->tabs()->currentIndex(), int(DashboardRole::Sales));
    }
};

QTEST_MAIN(TestDashboardsLive)
#include "tst_dashboards_live.moc"
