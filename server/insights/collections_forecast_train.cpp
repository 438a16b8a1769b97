#include "collections_forecast_model.h"
#include "collections_forecast_store.h"
#include "insights_model.h"
#include "insights_stats.h"

#include <QJsonArray>

#include <cmath>

namespace keel {

namespace {

QString fixed(double v, int places)
{
    return QString::number(std::isfinite(v) ? v : 0.0, 'f', places);
}

} // namespace

// Fits on the payments up to asOf; the backtest refits on the payments made before asOf − 4
// months and scores the invoices open at that cut-off that have been paid in full since.
InsightsTrained collectionsTrain(QSqlDatabase db, QDate asOf, const InsightsProgress &progress)
{
    InsightsTrained t;
    const auto report = [&](int percent, const QString &step) {
        if (progress)
            progress(percent, step);
    };
    report(5, QStringLiteral("Reading the payment history"));
    const auto withUnpaid = [&](QDate upTo) {
        std::vector<CollectionsSample> all = collectionsPaidHistory(db, upTo);
        const std::vector<CollectionsSample> unpaid = collectionsUnpaidOverdue(db, upTo);
        all.insert(all.end(), unpaid.begin(), unpaid.end());
        return all;
    };
    const std::vector<CollectionsSample> history = withUnpaid(asOf);
    if (history.empty() || history.front().censored) {
        t.error = QStringLiteral("No invoice has been paid yet: nothing to learn from.");
        return t;
    }
    report(30, QStringLiteral("Fitting the clients' payment delays"));
    double looMae = 0;
    const CollectionsParams params = collectionsFit(history, &looMae);
    t.parameters = params.toJson();
    t.sampleSize = int(history.size());

    report(60, QStringLiteral("Backtest"));
    const QDate cutoff = asOf.addMonths(-4);
    const std::vector<CollectionsSample> before = withUnpaid(cutoff);
    const std::vector<CollectionsBacktestCase> cases = collectionsOpenAtCutoff(db, cutoff, asOf);
    QJsonObject figures;
    int scored = 0;
    if (!before.empty() && !before.front().censored && !cases.empty()) {
        const CollectionsParams past = collectionsFit(before);
        std::vector<double> predicted, actual, pLate;
        std::vector<bool> late;
        for (const CollectionsBacktestCase &c : cases) {
            const CollectionsPrediction p = collectionsPredictInvoice(
                past, c.accountId, c.amount, c.partPaid, c.overdueDays + 1);
            predicted.push_back(p.delay);
            actual.push_back(c.actualDelay);
            pLate.push_back(p.pLate30);
            late.push_back(c.actualDelay > CollectionsLateDays);
        }
        scored = int(cases.size());
        figures.insert("collections_mae_days",
                       fixed(stats::meanAbsoluteError(predicted, actual), 1));
        const double auc = stats::auc(pLate, late);
        figures.insert("collections_late_auc",
                       std::isfinite(auc) ? QJsonValue(fixed(auc, 4)) : QJsonValue());
        figures.insert("collections_late_calibration_err",
                       fixed(stats::calibrationError(pLate, late), 4));
    }
    t.backtest = QJsonObject{
        {"cutoff", cutoff.toString(Qt::ISODate)},
        {"trained_on", int(before.size())},
        {"scored_on", scored},
        {"figures", figures},
        {"notes",
         QStringLiteral(
             "An invoice's payment date is the amount-weighted date of its receipts' "
             "allocations (one receipt: the day it was paid in full); credit notes are not "
             "payments. Per client, the days paid after due are shrunk towards the firm's "
             "(weights n/(n+k) and k/(n+k); k = %1, chosen by leave-one-out error, %2 days; the "
             "prior is %3: leave-one-out %4 days with the whole firm, %5 with the invoice's "
             "amount band); an "
             "overdue invoice not paid at all counts as paid later than it is overdue (its weight "
             "redistributed over the client's later delays, else the firm's), and an open "
             "invoice's date is the median of that distribution conditional on it being "
             "unpaid today; what is left of a part-paid invoice follows the clients' final "
             "instalments. Backtest: fitted on the invoices paid in full by the cut-off (as_of "
             "− 4 months), scored on the invoices open at the cut-off and paid in full since, "
             "against the weighted date of what they paid after it.")
             .arg(params.k)
             .arg(fixed(looMae, 1),
                  params.bandPrior
                      ? QStringLiteral("the invoice's amount band")
                      : QStringLiteral("the whole firm (the amount band did not help)"),
                  fixed(params.looFirm, 1), fixed(params.looBand, 1))}};
    report(100, QStringLiteral("Done"));
    return t;
}

} // namespace keel
