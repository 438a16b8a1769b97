// The Insights workspace against a live keel-server on a small history the test builds: one UK
// contract with eight issued monthly invoices of about 40 h at 150.00 and September's drafts (a
// clean one, one with a line typed twice), and twenty closed deals alike in all but their
// service line (every Cloud Migration deal won, every Legacy Support deal lost) with two open
// ones. Before training every insight says "No model trained yet"; the Models tab lists every
// model and a Retrain run through POST /insights/training-runs reaches 100 %; the Deals tab
// shows a deal's model probability exactly as the API does, with its factors in words; the
// duplicated draft is flagged in the billing review (badge and detail) and the clean one is
// not; a user of another entity gets 403.
#include "billing/billing_page.h"
#include "billing/invoice_detail_pane.h"
#include "billing/invoices_panel.h"
#include "card_spec.h"
#include "insights/cash_in_tab.h"
#include "insights/insights_card.h"
#include "insights/insights_list_tab.h"
#include "insights/insights_model.h"
#include "insights/insights_model_store.h"
#include "insights/insights_page.h"
#include "insights/insights_state.h"
#include "insights/models_tab.h"
#include "insights/reasons_view.h"
#include "insights_api.h"
#include "insights_lists.h"
#include "insights_table_model.h"
#include "insights_text.h"
#include "invoice_list_model.h"
#include "tst_billing_run_fixture.h"
#include "tst_finance_live.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace keel;
using namespace keel::test;
using namespace keel::insights;

class TestInsightsLive : public QObject
{
    Q_OBJECT

    BillingRunFixture f;
    qint64 acme = 0, role = 0, exec = 0, cloud = 0, legacy = 0;
    qint64 clean = 0, dup = 0, open1 = 0, open2 = 0;
    BillingRunFixture::Contract build;
    int numberSeq = 0;
    QDate today;

    qint64 invoice(qint64 contract, const QString &month, const QList<QStringList> &lines,
                   bool issue)
    {
        const QDate start = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
        const QDate end = start.addMonths(1).addDays(-1);
        const qint64 id = f.scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, contract_id, invoice_date, "
            "due_date, currency, tax_code, period_start, period_end) SELECT legal_entity_id, "
            "account_id, id, ?, ?::date + 30, currency, 'EXPORT_EXEMPT', ?, ? FROM contracts "
            "WHERE id = ? RETURNING id",
            {end, end, start, end, contract});
        int n = 0;
        for (const QStringList &l : lines)
            f.scalar(
                "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, "
                "job_role_id, description, quantity, unit, unit_price, gross_amount, amount, "
                "service_start, service_end) VALUES (?, ?, 'time', ?, ?, 'Consultant', "
                "?::numeric, 'hours', ?::numeric, round(?::numeric * ?::numeric, 2), "
                "round(?::numeric * ?::numeric, 2), ?, ?) RETURNING id",
                {id, ++n, build.project, role, l[0], l[1], l[0], l[1], l[0], l[1], start, end});
        f.scalar("UPDATE invoices i SET subtotal = t.net, total = t.net FROM (SELECT sum(amount) "
                 "AS net FROM invoice_lines WHERE invoice_id = ?) t WHERE i.id = ? RETURNING i.id",
                 {id, id});
        if (issue)
            f.scalar("UPDATE invoices SET status = 'paid', number = ?, amount_paid = total WHERE "
                     "id = ? RETURNING id",
                     {QStringLiteral("INV-T-%1").arg(++numberSeq), id});
        return id;
    }

    // A deal of a new US client in `line`, at QUALIFY, then PROPOSE ten days later, closed
    // (WON/LOST) ten days after that unless open.
    qint64 deal(qint64 line, QDate created, const char *outcome, const char *value,
                const char *repProbability)
    {
        static int n = 0;
        ++n;
        const qint64 account = f.scalar(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) VALUES (?, ?, lower(?), 'US', 'USD', 'STANDARD') RETURNING id",
            {f.us, QStringLiteral("Client %1").arg(n), QStringLiteral("Client %1").arg(n)});
        const QString stage = outcome ? QString::fromLatin1(outcome) : QStringLiteral("PROPOSE");
        const qint64 id = f.scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, stage_id, "
            "is_open, probability, expected_value, currency, expected_close, created_at) SELECT ?, "
            "?, ?, ?, s.id, NOT (s.is_won OR s.is_lost), ?::numeric, ?::numeric, 'USD', ?::date, "
            "?::timestamptz FROM opportunity_stages s WHERE s.code = ? RETURNING id",
            {f.us, account, exec, QStringLiteral("Deal %1").arg(n),
             QString::fromLatin1(repProbability), QString::fromLatin1(value), created.addDays(20),
             created.startOfDay(Qt::UTC), stage});
        f.scalar("INSERT INTO opportunity_service_lines (opportunity_id, service_line_id) "
                 "VALUES (?, ?) RETURNING opportunity_id",
                 {id, line});
        const auto move = [&](const char *to, QDate on) {
            f.scalar("INSERT INTO opportunity_stage_history (opportunity_id, to_stage_id, "
                     "probability, changed_at) SELECT ?, s.id, s.default_probability, "
                     "?::timestamptz FROM opportunity_stages s WHERE s.code = ? RETURNING 1",
                     {id, on.startOfDay(Qt::UTC).addSecs(9 * 3600), QString::fromLatin1(to)});
        };
        move("QUALIFY", created);
        move("PROPOSE", created.addDays(10));
        if (outcome)
            move(outcome, created.addDays(20));
        return id;
    }

    void train(const InsightsModelSpec &spec, QDate asOf)
    {
        const InsightsTrained t = spec.train(f.db->sql(), asOf, {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(f.db->sql(), spec.name, asOf, t, 0, 0);
    }

    static bool waitLoaded(InsightsListTab *tab)
    {
        QSignalSpy loaded(tab, &InsightsListTab::loaded);
        tab->reload();
        return loaded.wait(15000);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(QStringLiteral("KeelTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_insights_live"));
        QSettings().clear();
    }

    void init()
    {
        f.setUp(QTest::currentTestFunction());
        exec = f.server->createUser("exec", "exec password", {{"executive", QString()}}, "US");
        today = QDateTime::currentDateTimeUtc().date();
        acme = f.account("UK", "Acme Ltd", "US", "GBP");
        role = f.role("CONSULTANT");
        f.employee("UK", "CONSULTANT");
        build = f.contract(acme, "GBP", "Build");
        f.rateItem(f.line(build.id, "time_and_materials"), "CONSULTANT", "150.00");
        const QList<const char *> history{"38.00", "40.00", "42.00", "40.00",
                                          "36.00", "44.00", "40.00", "40.00"};
        for (int m = 0; m < history.size(); ++m)
            invoice(build.id, QStringLiteral("2026-%1").arg(m + 1, 2, 10, QLatin1Char('0')),
                    {{history[m], "150.00"}}, true);
        clean = invoice(build.id, "2026-09", {{"41.00", "150.00"}}, false);
        dup = invoice(build.id, "2026-09", {{"20.00", "150.00"}, {"20.00", "150.00"}}, false);

        cloud = f.scalar("INSERT INTO service_lines (code, name) VALUES ('CLOUD_MIGRATION', "
                         "'Cloud Migration') RETURNING id");
        legacy = f.scalar("INSERT INTO service_lines (code, name) VALUES ('LEGACY', 'Legacy "
                          "Support') RETURNING id");
        for (int i = 0; i < 10; ++i) {
            const QDate created = QDate(2026, 2, 2).addDays(21 * i);
            deal(cloud, created, "WON", "20000", "50");
            deal(legacy, created.addDays(3), "LOST", "20000", "50");
        }
        open1 = deal(cloud, today.addDays(-15), nullptr, "10000.00", "50");
        open2 = deal(legacy, today.addDays(-15), nullptr, "30000.00", "75");
    }
    void cleanup() { f.tearDown(); }

    void beforeTrainingEveryInsightSaysSo()
    {
        auto session = signInAs(*f.server, "exec");
        InsightsPage page(session.get());
        page.resize(1400, 900);
        page.show();
        QVERIFY(waitLoaded(page.deals()));
        QCOMPARE(page.deals()->state()->state(), InsightsStatePanel::State::NotTrained);
        QCOMPARE(page.deals()->state()->messageText(), QString("No model trained yet"));
        QVERIFY(page.deals()->model()->notTrained());
        QVERIFY(waitLoaded(page.invoices()));
        QCOMPARE(page.invoices()->state()->state(), InsightsStatePanel::State::NotTrained);

        // The Models tab lists every model, none trained.
        page.showTab(InsightsPage::ModelsTab_);
        QTRY_COMPARE_WITH_TIMEOUT(page.models()->models().size(), 5, 10000);
        for (const InsightsModelInfo &m : page.models()->models())
            QVERIFY2(!m.trained(), qPrintable(m.name));
        QCOMPARE(page.models()->table()->item(0, 1)->text(), QString("not trained"));

        // A dashboard card without a model shows the same state, without a Retrain button.
        dashboards::CardSpec spec =
            dashboards::insightsCards(dashboards::DashboardRole::Sales).at(0);
        InsightsCard card(session->api(), spec);
        QSignalSpy cardLoaded(&card, &InsightsCard::loaded);
        card.show();
        QVERIFY(cardLoaded.wait(10000));
        QCOMPARE(card.state()->state(), InsightsStatePanel::State::NotTrained);
    }

    void retrainRunReachesAHundredPercent()
    {
        auto session = signInAs(*f.server, "exec");
        InsightsPage page(session.get());
        page.resize(1400, 900);
        page.show();
        page.showTab(InsightsPage::ModelsTab_);
        ModelsTab *models = page.models();
        QTRY_COMPARE_WITH_TIMEOUT(models->models().size(), 5, 10000);
        models->setPollInterval(100);
        QSignalSpy finished(models, &ModelsTab::trainingFinished);
        QSignalSpy reloaded(models, &ModelsTab::loaded);
        models->retrain();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(models->lastRun().value("status").toString(), QString("completed"));
        QCOMPARE(models->progress()->value(), 100);
        QVERIFY(!models->isTraining());
        // The list asks again: the models this history can fit have a version now.
        QVERIFY(reloaded.wait(10000));
        bool anyTrained = false;
        for (const InsightsModelInfo &m : models->models())
            anyTrained = anyTrained || m.trained();
        QVERIFY(anyTrained);
        const InsightsModelInfo anomaly = [&] {
            for (const InsightsModelInfo &m : models->models())
                if (m.name == "invoice_anomaly")
                    return m;
            return InsightsModelInfo();
        }();
        QVERIFY(anomaly.trained());
        QVERIFY(!anomaly.figures.isEmpty());
    }

    void dealsShowTheModelsProbabilityExactly()
    {
        train(opportunityScoreModel(), today);
        auto http = f.login("exec");
        const QJsonObject api =
            http->get(InsightsApi::opportunitiesPath({}, {}, "risk", 200, {})).json();
        QJsonObject atRisk;
        for (const QJsonValue &v : api.value("items").toArray())
            if (jsonText(v.toObject().value("opportunity_id")) == QString::number(open2))
                atRisk = v.toObject();
        QVERIFY2(!atRisk.isEmpty(), QJsonDocument(api).toJson().constData());

        auto session = signInAs(*f.server, "exec");
        InsightsPage page(session.get());
        page.resize(1400, 900);
        page.show();
        QVERIFY(waitLoaded(page.deals()));
        QCOMPARE(page.deals()->state()->state(), InsightsStatePanel::State::Ready);
        InsightsTableModel *model = page.deals()->model();
        QCOMPARE(model->rowCount(), 2);
        const int row = model->rowOf(QString::number(open2));
        QVERIFY(row >= 0);
        // Exactly the API's figures.
        QCOMPARE(model->rowObject(row).value("model_probability").toString(),
                 atRisk.value("model_probability").toString());
        QCOMPARE(model->index(row, DealColumn::Model).data().toString(),
                 probabilityText(atRisk.value("model_probability").toString()));
        QCOMPARE(model->index(row, DealColumn::Rep).data().toString(), QString("75 %"));
        QCOMPARE(model->index(row, DealColumn::Value).data().toString(), QString("USD 30,000.00"));
        QCOMPARE(model->index(row, 0).data(InsightsTableModel::HighlightRole).toBool(),
                 atRisk.value("at_risk").toBool());
        QVERIFY(atRisk.value("at_risk").toBool()); // rep 75 %, the model far lower
        // The weighted pipeline by the reps and by the model above the list.
        const QString summary = page.deals()->summary()->text();
        QVERIFY2(summary.contains(insightsMoneyText(
                     api.value("totals").toObject().value("weighted_model").toString(), "USD")),
                 qPrintable(summary));

        // The selected deal's factors in words: the service line lowers its chance.
        page.deals()->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(page.deals()->reasons()->sentences().join('\n').contains(
                                     "Service line Legacy Support: lowers the chance to win"),
                                 10000);
    }

    void aFlaggedDraftIsFlaggedInTheBillingReview()
    {
        train(invoiceAnomalyModel(), QDate(2026, 11, 15));
        auto session = signInAs(*f.server, "fin");

        // The Insights workspace's list.
        InsightsPage page(session.get());
        page.showTab(InsightsPage::InvoicesTab);
        page.show();
        QVERIFY(waitLoaded(page.invoices()));
        InsightsTableModel *flagged = page.invoices()->model();
        QVERIFY(flagged->rowOf(QString::number(dup)) >= 0);
        QCOMPARE(flagged->rowOf(QString::number(clean)), -1);
        page.hide();

        // The billing review: the duplicated draft carries the badge, the clean one does not.
        billing::BillingPage billingPage(session.get());
        billingPage.resize(1400, 900);
        billingPage.show();
        QTRY_VERIFY_WITH_TIMEOUT(billingPage.entitiesLoaded(), 10000);
        QVERIFY(billingPage.setLegalEntity("UK"));
        billingPage.showTab(billing::BillingPage::InvoicesTab);
        billing::InvoicesPanel *panel = billingPage.invoicesPanel();
        billing::InvoiceListModel *list = panel->model();
        QTRY_VERIFY_WITH_TIMEOUT(list->rowOf(QString::number(dup)) >= 0 &&
                                     list->rowOf(QString::number(clean)) >= 0,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!list->insightFlags(QString::number(dup)).isEmpty(), 10000);
        const QModelIndex dupNumber =
            list->index(list->rowOf(QString::number(dup)), billing::InvoiceListModel::NumberColumn);
        QVERIFY(dupNumber.data().toString().startsWith(QStringLiteral("⚑")));
        QVERIFY(dupNumber.data(Qt::ToolTipRole).toString().contains("Same description"));
        const QModelIndex cleanNumber = list->index(list->rowOf(QString::number(clean)),
                                                    billing::InvoiceListModel::NumberColumn);
        QVERIFY(!cleanNumber.data().toString().startsWith(QStringLiteral("⚑")));
        QVERIFY(list->insightFlags(QString::number(clean)).isEmpty());

        // The draft's detail lists its flags; the clean one shows none.
        panel->detailPane()->showInvoice(QString::number(dup));
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->detailPane()->insightFlagsText().contains("Same description, quantity 20"),
            10000);
        panel->view()->selectRow(list->rowOf(QString::number(dup)));
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->detailPane()->insightFlagsText().contains("Same description, quantity 20"),
            10000);
        grabIfAsked(&billingPage, QStringLiteral("insights-billing-flags"));
        panel->detailPane()->showInvoice(QString::number(clean));
        QTest::qWait(500);
        QCOMPARE(panel->detailPane()->insightFlagsText(), QString());
    }

    void anotherEntityIsForbidden()
    {
        train(invoiceAnomalyModel(), QDate(2026, 11, 15));
        auto session = signInAs(*f.server, "ukfin");
        InsightsTableModel model(
            session->api(), {{"Draft"}}, [](const QJsonObject &) { return QStringList(); },
            "invoice_id");
        model.setPathFor([this](const QString &) {
            return InsightsApi::invoiceAnomaliesPath(QString::number(f.us), {}, false);
        });
        QSignalSpy failed(&model, &InsightsTableModel::loadFailed);
        model.reload();
        QVERIFY(failed.wait(10000));
        QCOMPARE(model.lastStatus(), 403);
        QVERIFY(!model.notTrained());
        // Its own entity answers.
        model.setPathFor([this](const QString &) {
            return InsightsApi::invoiceAnomaliesPath(QString::number(f.uk), {}, false);
        });
        QSignalSpy loaded(&model, &InsightsTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowOf(QString::number(dup)) >= 0, true);
    }
};

QTEST_MAIN(TestInsightsLive)
#include "tst_insights_live.moc"
