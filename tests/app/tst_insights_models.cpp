// The Insights workspace's data side without a server: each route's answer parsed exactly
// (money and ratios as the decimal text the server sent), the lists' display texts, the exact
// total of a week's records, the paths, the backtest targets, and the factors, evidence and
// flags phrased in German from their codes and numbers.
#include "insights_answers.h"
#include "insights_api.h"
#include "insights_lists.h"
#include "insights_table_model.h"
#include "insights_text.h"
#include "translations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace keel;
using namespace keel::insights;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const char *kDeals = R"({
  "items": [
    {"opportunity_id": 41, "name": "Data platform", "account_id": 7, "account": "Acme Ltd",
     "stage": "Proposal", "owner": "Sam Seller", "value": "30000.00", "currency": "USD",
     "expected_close": "2026-12-20", "rep_probability": "0.7500", "model_probability": "0.2312",
     "weighted_rep": "22500.00", "weighted_model": "6936.00", "at_risk": true,
     "factors": [
       {"factor": "service_line", "label": "Service line", "value": "Legacy Support",
        "compared_with": "0.5000", "effect": "-1.21",
        "text": "Legacy Support deals won 0 % of the time, the firm 50 %."},
       {"factor": "age_in_stage", "label": "Days in stage", "value": "15",
        "compared_with": "10.0", "effect": "+0.05", "text": "15 days in Proposal."}
     ]},
    {"opportunity_id": 42, "name": "Cloud move", "account_id": 8, "account": "Brent plc",
     "stage": "Proposal", "owner": "Sam Seller", "value": "10000.00", "currency": "USD",
     "expected_close": "2026-12-24", "rep_probability": "0.5000", "model_probability": "0.9100",
     "weighted_rep": "5000.00", "weighted_model": "9100.00", "at_risk": false, "factors": []}
  ],
  "totals": {"weighted_rep": "27500.00", "weighted_model": "16036.00", "currency": "USD"},
  "next": null,
  "model": {"name": "opportunity_score", "version": 3, "trained_at": "2026-12-06T21:00:00Z",
            "as_of": "2026-12-06", "training_ms": 250, "sample_size": 40,
            "backtest": {"cutoff": "2026-06-06", "trained_on": 28, "scored_on": 12,
                         "figures": {"score_auc": "0.8123", "score_calibration_err": "0.0912"},
                         "notes": "Fitted before June."}}
})";
} // namespace

class TestInsightsModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dealsParseExactly()
    {
        const QJsonObject answer = json(kDeals);
        const DealScore d = DealScore::fromJson(answer.value("items").toArray().at(0).toObject());
        QCOMPARE(d.id, QString("41"));
        QCOMPARE(d.value, QString("30000.00"));
        QCOMPARE(d.modelProbability, QString("0.2312"));
        QCOMPARE(d.weightedModel, QString("6936.00"));
        QVERIFY(d.atRisk);
        QCOMPARE(d.factors.size(), 2);
        QCOMPARE(d.factors.at(0).code, QString("service_line"));
        QCOMPARE(d.factors.at(0).effect, QString("-1.21"));
        QCOMPARE(d.factors.at(0).comparedWith, QString("0.5000"));

        const InsightsModelInfo m = InsightsModelInfo::fromJson(answer.value("model").toObject());
        QCOMPARE(m.version, 3);
        QVERIFY(m.trained());
        QCOMPARE(m.sampleSize, 40);
        QCOMPARE(m.cutoff, QString("2026-06-06"));
        QCOMPARE(m.figure("score_auc"), QString("0.8123"));
        QCOMPARE(m.trainedOn, QString("28"));
    }

    void dealsListShowsTheAnswersFigures()
    {
        InsightsTableModel *model = makeDealsModel(nullptr, {}, {});
        model->setRows(json(kDeals));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowId(0), QString("41"));
        QCOMPARE(model->index(0, DealColumn::Value).data().toString(), QString("USD 30,000.00"));
        QCOMPARE(model->index(0, DealColumn::Rep).data().toString(), QString("75 %"));
        QCOMPARE(model->index(0, DealColumn::Model).data().toString(), QString("23 %"));
        QCOMPARE(model->index(0, DealColumn::WeightedModel).data().toString(),
                 QString("USD 6,936.00"));
        QVERIFY(model->index(0, 0).data(InsightsTableModel::HighlightRole).toBool());
        QVERIFY(!model->index(1, 0).data(InsightsTableModel::HighlightRole).toBool());
        QCOMPARE(model->answer().value("totals").toObject().value("weighted_model").toString(),
                 QString("16036.00"));
        // Exact sums of the rows' money, never through a double.
        QCOMPARE(model->total("weighted_model"), QString("16036.00"));
        delete model;
    }

    void aWeeksRecordsSumExactly()
    {
        InsightsTableModel *model = makeCollectionsModel(nullptr, {}, "2026-12-07");
        model->setRows(json(R"({"items": [
            {"invoice_id": 1, "number": "INV-1", "open_amount": "0.10", "currency": "EUR",
             "week_amount": "0.07", "due_date": "2026-11-30", "expected_payment_date": "2026-12-08",
             "expected_days_late": "8.0", "p_late_30": "0.0420", "factors": []},
            {"invoice_id": 2, "number": "INV-2", "open_amount": "0.20", "currency": "EUR",
             "week_amount": "0.05", "due_date": "2026-10-30", "expected_payment_date": "2026-12-09",
             "expected_days_late": "40.0", "p_late_30": "0.6100", "factors": []}],
            "next": null})"));
        QCOMPARE(model->total("open_amount"), QString("0.30"));
        // A week's bar is the invoices' shares in it, not their whole open amounts.
        QCOMPARE(model->total("week_amount"), QString("0.12"));
        QVERIFY(model->index(0, CollectionColumn::WeekShare).data().toString().contains("0.07"));
        QCOMPARE(model->index(1, CollectionColumn::Late30).data().toString(), QString("61 %"));
        QVERIFY(model->index(1, 0).data(InsightsTableModel::HighlightRole).toBool());
        QCOMPARE(model->index(0, CollectionColumn::Late30).data().toString(), QString("4.2 %"));
        delete model;
    }

    void cashInAndForecastParse()
    {
        const CashInForecast c = CashInForecast::fromJson(json(R"({"currency": "EUR",
            "weeks": [{"week_start": "2026-12-07", "expected": "1234.56", "p10": "1000.00",
                       "p90": "1500.00", "invoices": 3}],
            "total_open": "9999.99", "model": {"name": "collections", "version": 1}})"));
        QCOMPARE(c.currency, QString("EUR"));
        QCOMPARE(c.weeks.size(), 1);
        QCOMPARE(c.weeks.at(0).expected, QString("1234.56"));
        QCOMPARE(c.weeks.at(0).invoices, 3);
        QCOMPARE(c.totalOpen, QString("9999.99"));
        QCOMPARE(c.model.version, 1);

        const RevenueForecast f = RevenueForecast::fromJson(json(R"({"currency": "USD",
            "months": [{"month": "2026-12", "backlog": "100.00", "pipeline": "50.00",
                        "run_rate": "25.00", "expected": "175.00", "p10": "150.00",
                        "p90": "200.00", "required_hours": "320.0", "available_hours": "300.0",
                        "capacity_ok": false}],
            "capacity": [{"month": "2026-12", "role": "Consultant", "required_hours": "320.0",
                          "available_hours": "300.0", "shortfall_hours": "20.0"}],
            "factors": [{"factor": "pipeline_realisation", "value": "0.4500",
                         "compared_with": "1.0000", "text": "…"},
                        {"factor": "range", "value": "-0.0800 0.1200", "text": "…"}]})"));
        QCOMPARE(f.months.size(), 1);
        QCOMPARE(f.months.at(0).runRate, QString("25.00"));
        QVERIFY(!f.months.at(0).capacityOk);
        QCOMPARE(f.capacity.at(0).shortfallHours, QString("20.0"));
        QVERIFY(!f.model.trained()); // no model member: version 0
        QCOMPARE(f.factors.size(), 2);
        QCOMPARE(reasonSentence(f.factors.at(0)),
                 QString("Of the weighted pipeline placed three months ahead, 45 % arrived as "
                         "revenue in the latest forecasts; the pipeline counts at that share."));
        QCOMPARE(reasonSentence(f.factors.at(1)),
                 QString("In the backtest, recognised revenue came within -8 % to +12 % of 8 in "
                         "10 three-month forecasts."));
    }

    void pathsCarryOnlyWhatIsSet()
    {
        QCOMPARE(InsightsApi::opportunitiesPath({}, "me", "risk", 200, "abc"),
                 QString("/api/v1/insights/opportunities?owner=me&sort=risk&limit=200&after=abc"));
        QCOMPARE(InsightsApi::invoiceAnomaliesPath({}, "17", false),
                 QString("/api/v1/insights/invoice-anomalies?invoice=17"));
        QCOMPARE(InsightsApi::forecastRecordsPath("2026-12", "run_rate", "3"),
                 QString("/api/v1/insights/forecast/2026-12/records?entity=3&part=run_rate"));
        QCOMPARE(InsightsApi::trainingRunPath("5"), QString("/api/v1/insights/training-runs/5"));
    }

    void backtestFiguresAgainstTheIssuesTargets()
    {
        QCOMPARE(figureMeetsTarget("score_auc", "0.8123"), std::optional<bool>(true));
        QCOMPARE(figureMeetsTarget("score_calibration_err", "0.0912"), std::optional<bool>(false));
        QCOMPARE(figureMeetsTarget("forecast_mape_3m", "7.5"), std::optional<bool>(true));
        QCOMPARE(figureMeetsTarget("collections_mae_days", "10.4"), std::optional<bool>(false));
        QCOMPARE(figureMeetsTarget("anomaly_recall", "0.9000"), std::optional<bool>(true));
        QVERIFY(!figureMeetsTarget("collections_late_auc", "0.7").has_value());
        QCOMPARE(figureTargetText("score_auc"), QString("≥ 0.75"));
        QCOMPARE(figureValueText("forecast_mape_3m", "7.5"), QString("7.5 %"));
    }

    void reasonsInEnglish()
    {
        const DealScore d =
            DealScore::fromJson(json(kDeals).value("items").toArray().at(0).toObject());
        QCOMPARE(reasonSentence(d.factors.at(0)),
                 QString("Service line Legacy Support: lowers the chance to win (-1.21)."));
        QCOMPARE(reasonSentence(d.factors.at(1)),
                 QString("15 days in this stage, where deals stayed 10 days on average: raises "
                         "the chance to win (+0.05)."));
    }

    void reasonsInGerman()
    {
        Translations translations;
        QVERIFY(translations.switchTo("de"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const DealScore d =
            DealScore::fromJson(json(kDeals).value("items").toArray().at(0).toObject());
        QCOMPARE(reasonSentence(d.factors.at(0)),
                 QString("Leistungsbereich Legacy Support: senkt die Gewinnchance (-1,21)."));

        // Margin risk: budget share against schedule share, both fractions of four places.
        InsightsReason burn = InsightsReason::fromJson(json(
            R"({"kind": "burn_ahead", "value": "0.6200", "compared_with": "0.4000", "text": ""})"));
        QCOMPARE(reasonSentence(burn),
                 QString("62 % des Kostenbudgets sind bei 40 % der Laufzeit verbraucht."));
        InsightsReason slipping = InsightsReason::fromJson(json(
            R"({"kind": "milestones_slipping", "value": "2", "compared_with": "3", "text": ""})"));
        QCOMPARE(reasonSentence(slipping),
                 QString("2 von 3 bis heute fälligen Meilensteinen sind nicht abgenommen."));

        // Invoice flags with what they were compared against.
        InsightsReason dup = InsightsReason::fromJson(json(R"({"kind": "duplicate_line",
            "line_id": 9, "value": "20.00", "text": "Same …",
            "compared_with": {"basis": "invoice", "line_no": 1, "number": "",
                              "hours": "20.00", "rate": "150.00"}})"));
        QCOMPARE(dup.lineId, QString("9"));
        QCOMPARE(reasonSentence(dup), QString("Gleiche Beschreibung, Menge 20,00 und Preis 150,00 "
                                              "wie Position 1 dieser Rechnung."));
        InsightsReason hours = InsightsReason::fromJson(json(R"({"kind": "hours_outlier",
            "line_id": 3, "value": "400.00", "text": "",
            "compared_with": {"basis": "contract", "median": "40.00", "mad": "1.48", "n": 8}})"));
        QCOMPARE(hours.n, 8);
        QCOMPARE(reasonSentence(hours),
                 QString("Eine Position berechnet 400,00 h, wo 8 Positionen von diesem Vertrag "
                         "für diese Rolle im Median 40,00 h hatten."));

        // Collections: a client's habit in days after the due date.
        InsightsReason habit = InsightsReason::fromJson(json(
            R"({"factor": "client_history", "value": 40, "compared_with": 12.5, "text": ""})"));
        QCOMPARE(reasonSentence(habit),
                 QString("Der Kunde zahlte im Median 40 Tage nach Fälligkeit (die Firma: 12,5)."));
        // A code this client does not know: the server's own words.
        InsightsReason unknown = InsightsReason::fromJson(
            json(R"({"factor": "moon_phase", "value": "full", "text": "The moon is full."})"));
        QCOMPARE(reasonSentence(unknown), QString("The moon is full."));

        QCOMPARE(probabilityText("0.2312"), QString("23 %"));
        QVERIFY(translations.switchTo("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestInsightsModels)
#include "tst_insights_models.moc"
