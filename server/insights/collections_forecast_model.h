#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace keel {

// Days paid after due are whole days, clamped to this range: an invoice paid more than two
// months before its due date or more than a year after it says nothing more by being extreme.
inline constexpr int CollectionsDelayMin = -60;
inline constexpr int CollectionsDelayMax = 365;
inline constexpr int CollectionsLateDays = 30;

// How many invoices were paid how many days after due (a histogram over whole days).
class CollectionsHistogram
{
public:
    CollectionsHistogram();
    void add(int delay, double weight = 1);
    double count() const { return m_total; }
    double at(int index) const { return m_counts[std::size_t(index)]; }
    static int indexOf(int delay);
    static int size() { return CollectionsDelayMax - CollectionsDelayMin + 1; }
    double median() const; // NaN when empty
    double shareAbove(int delay) const;
    QJsonArray toJson() const; // sparse: [[delay, count], …]
    static CollectionsHistogram fromJson(const QJsonArray &json);

private:
    std::vector<double> m_counts;
    double m_total = 0;
};

// A client's delays shrunk towards the firm's (empirical Bayes): the client's histogram weighs
// n / (n + k), the firm's k / (n + k), then the mixture is conditioned on the invoice being
// unpaid when its day `overdueDays` after due starts (delay >= overdueDays: today is still
// possible, the past is not). Empty when no mass is left from there on.
std::vector<double> collectionsConditional(const CollectionsHistogram &client,
                                           const CollectionsHistogram &firm, double k,
                                           int overdueDays);

struct CollectionsPrediction
{
    int delay = 0;              // expected days after due: the conditional median
    double pLate30 = 0;         // P(delay > 30 | unpaid after overdueDays)
    bool beyondHistory = false; // nobody ever paid this late: a week from today assumed
};
CollectionsPrediction collectionsPredict(const CollectionsHistogram &client,
                                         const CollectionsHistogram &firm, double k,
                                         int overdueDays);

// One paid invoice of the history: its client, size and the days it was paid after due.
struct CollectionsSample
{
    qint64 accountId = 0;
    double amount = 0;   // a feature (the amount band), never summed
    int settleDelay = 0; // amount-weighted over its receipts' allocations
    bool hasRest = false;
    int restDelay = 0; // amount-weighted over the allocations after the first payment day
    // Not paid at all yet, `settleDelay` days overdue: it will be paid later than that.
    bool censored = false;
};

// The amount bands of the explanation, in the invoice's currency.
int collectionsAmountBand(double amount);
QString collectionsAmountBandLabel(int band);
inline constexpr int CollectionsAmountBands = 4;

// What scoring needs, as stored in insights_models.parameters.
struct CollectionsParams
{
    double k = 1;
    CollectionsHistogram firmSettle, firmRest;
    QHash<qint64, CollectionsHistogram> settle, rest; // per client account
    QHash<qint64, int> paid, unpaid; // per client: paid invoices, overdue ones not paid at all
    // The prior is the firm's delays of invoices of the same amount band when that predicted
    // the history better (leave-one-out, looBand < looFirm), else the whole firm's.
    bool bandPrior = false;
    double looFirm = 0, looBand = 0;
    std::vector<CollectionsHistogram> bandSettle =
        std::vector<CollectionsHistogram>(CollectionsAmountBands);
    std::vector<double> bandMedian = std::vector<double>(CollectionsAmountBands, 0.0);
    std::vector<int> bandCount = std::vector<int>(CollectionsAmountBands, 0);

    QJsonObject toJson() const;
    static CollectionsParams fromJson(const QJsonObject &json);
};

// Fits the parameters: histograms per client and for the firm, and the prior weight k chosen
// from a grid by the leave-one-out mean absolute error of each paid invoice's delay predicted
// from the others. A client's overdue unpaid invoices (censored samples) count too: each one's
// weight goes to the client's own delays beyond its days overdue, in proportion (Efron's
// redistribution to the right, what Kaplan–Meier does), or to the firm's beyond them when the
// client never paid that late; without that a slow payer's history would hold only the
// invoices it happened to pay early. `looMae` (may be null) gets that error for the chosen k.
CollectionsParams collectionsFit(const std::vector<CollectionsSample> &samples,
                                 double *looMae = nullptr);

// The distributions an open invoice is predicted from: the client's "rest" distribution and
// the firm's when part of it is already paid (what is left of a part-payer's invoice comes with
// the final instalment), else those of whole invoices (the prior by amount band if chosen).
const CollectionsHistogram &collectionsClientOf(const CollectionsParams &params, qint64 accountId,
                                                bool partPaid);
const CollectionsHistogram &collectionsPriorOf(const CollectionsParams &params, double amount,
                                               bool partPaid);
CollectionsPrediction collectionsPredictInvoice(const CollectionsParams &params, qint64 accountId,
                                                double amount, bool partPaid, int overdueDays);

} // namespace keel
