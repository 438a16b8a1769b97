#include "opportunity_score.h"

#include "insights_model.h"
#include "insights_model_store.h"
#include "insights_stats.h"
#include "opportunity_score_model.h"
#include "opportunity_score_store.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace keel {

namespace {

// The backtest fits on deals closed before the cut-off and scores the stage points dated from it
// on of the deals closed by asOf: what the model, frozen at the cut-off, would have said about
// the pipeline of the following half year (points before the cut-off of deals still open then
// were an earlier model's to score).
constexpr int kBacktestMonths = 6;

InsightsTrained trainOpportunityScore(QSqlDatabase db, QDate asOf, const InsightsProgress &progress)
{
    InsightsTrained trained;
    QElapsedTimer timer;
    timer.start();
    if (progress)
        progress(5, QStringLiteral("Reading closed opportunities"));
    const std::vector<OpportunityScorePoint> points = opportunityTrainingPoints(db, asOf);
    const QDate cutoff = asOf.addMonths(-kBacktestMonths);
    std::vector<OpportunityScorePoint> before, after;
    for (const OpportunityScorePoint &p : points)
        if (p.closedOn < cutoff)
            before.push_back(p);
        else if (p.day >= cutoff)
            after.push_back(p);
    QSet<qint64> beforeDeals, afterDeals, allDeals;
    for (const auto &p : before)
        beforeDeals.insert(p.opportunityId);
    for (const auto &p : after)
        afterDeals.insert(p.opportunityId);
    for (const auto &p : points)
        allDeals.insert(p.opportunityId);
    if (allDeals.size() < 10) {
        trained.error = QStringLiteral("Too few closed opportunities to learn from (%1; at least "
                                       "10 are needed).")
                            .arg(allDeals.size());
        return trained;
    }

    if (progress)
        progress(40,
                 QStringLiteral("Backtest: fitting before %1").arg(cutoff.toString(Qt::ISODate)));
    QJsonObject figures;
    if (!before.empty() && !after.empty()) {
        const OpportunityScoreParams backtest = fitOpportunityScore(before);
        std::vector<double> predicted;
        std::vector<bool> actual;
        for (const OpportunityScorePoint &p : after) {
            predicted.push_back(opportunityProbability(backtest, p));
            actual.push_back(p.outcome == 1);
        }
        figures.insert("score_auc", fraction4(stats::auc(predicted, actual)));
        double meanPredicted = 0, rate = 0;
        for (std::size_t i = 0; i < predicted.size(); ++i) {
            meanPredicted += predicted[i];
            rate += actual[i] ? 1 : 0;
        }
        figures.insert("test_mean_probability",
                       fraction4(meanPredicted / double(predicted.size())));
        figures.insert("test_win_rate", fraction4(rate / double(predicted.size())));
        figures.insert("score_calibration_err",
                       fraction4(stats::calibrationError(predicted, actual)));
    }
    figures.insert("train_samples", QString::number(before.size()));
    figures.insert("test_samples", QString::number(after.size()));
    figures.insert("train_opportunities", QString::number(beforeDeals.size()));
    figures.insert("test_opportunities", QString::number(afterDeals.size()));

    if (progress)
        progress(70,
                 QStringLiteral("Fitting on everything up to %1").arg(asOf.toString(Qt::ISODate)));
    const OpportunityScoreParams final = fitOpportunityScore(points);
    trained.parameters = final.toJson();
    trained.sampleSize = int(points.size());
    trained.backtest = {
        {"cutoff", cutoff.toString(Qt::ISODate)},
        {"trained_on", int(before.size())},
        {"scored_on", int(after.size())},
        {"figures", figures},
        {"notes",
         QStringLiteral("Logistic regression (L2, Newton) on one sample per closed opportunity "
                        "and open stage it passed through, with features as of halfway through "
                        "that stage. Backtest: fitted on the %1 opportunities closed before %2, "
                        "scored on the stage samples dated from %2 of the %3 closed by %4 (AUC; "
                        "calibration error over 10 equal-width bins). Trained in %5 ms.")
             .arg(beforeDeals.size())
             .arg(cutoff.toString(Qt::ISODate))
             .arg(afterDeals.size())
             .arg(asOf.toString(Qt::ISODate))
             .arg(timer.elapsed())}};
    if (progress)
        progress(100, QStringLiteral("Done"));
    return trained;
}

} // namespace

InsightsModelSpec opportunityScoreModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("opportunity_score");
    spec.title = QStringLiteral("Opportunity scoring");
    spec.description = QStringLiteral(
        "The probability that an open opportunity is won, from the firm's closed opportunities: "
        "stage, time in stage, deal size, the client's record, service line, discount and "
        "capacity for the required roles.");
    spec.train = trainOpportunityScore;
    return spec;
}

std::vector<OpportunityWinProbability>
opportunityWinProbabilities(QSqlDatabase db, const QList<qint64> &entityIds, QDate asOf)
{
    const std::optional<InsightsModelRecord> model =
        currentInsightsModel(db, QStringLiteral("opportunity_score"));
    if (!model || entityIds.isEmpty())
        return {};
    const OpportunityScoreParams params = OpportunityScoreParams::fromJson(model->parameters);
    std::vector<OpportunityWinProbability> out;
    for (const OpportunityScorePoint &p : opportunityPointsAt(db, entityIds, asOf))
        out.push_back({p.opportunityId, opportunityProbability(params, p)});
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.opportunityId < b.opportunityId; });
    return out;
}

} // namespace keel
