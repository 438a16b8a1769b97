#include "collections_forecast_model.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace keel {

CollectionsHistogram::CollectionsHistogram() : m_counts(std::size_t(size()), 0.0) {}

int CollectionsHistogram::indexOf(int delay)
{
    return std::clamp(delay, CollectionsDelayMin, CollectionsDelayMax) - CollectionsDelayMin;
}

void CollectionsHistogram::add(int delay, double weight)
{
    m_counts[std::size_t(indexOf(delay))] += weight;
    m_total += weight;
}

double CollectionsHistogram::median() const
{
    if (m_total <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    double seen = 0;
    for (int i = 0; i < size(); ++i) {
        seen += at(i);
        if (seen >= m_total / 2)
            return i + CollectionsDelayMin;
    }
    return CollectionsDelayMax;
}

double CollectionsHistogram::shareAbove(int delay) const
{
    if (m_total <= 0)
        return 0;
    double above = 0;
    for (int i = indexOf(delay) + 1; i < size(); ++i)
        above += at(i);
    return above / m_total;
}

QJsonArray CollectionsHistogram::toJson() const
{
    QJsonArray out;
    for (int i = 0; i < size(); ++i)
        if (at(i) > 0)
            out.append(QJsonArray{i + CollectionsDelayMin, at(i)});
    return out;
}

CollectionsHistogram CollectionsHistogram::fromJson(const QJsonArray &json)
{
    CollectionsHistogram h;
    for (const QJsonValue &v : json) {
        const QJsonArray pair = v.toArray();
        h.add(pair.at(0).toInt(), pair.at(1).toDouble());
    }
    return h;
}

std::vector<double> collectionsConditional(const CollectionsHistogram &client,
                                           const CollectionsHistogram &firm, double k,
                                           int overdueDays)
{
    const double n = client.count();
    const double wc = n > 0 ? n / (n + k) : 0;
    const double wf = firm.count() > 0 ? 1 - wc : 0;
    std::vector<double> p(std::size_t(CollectionsHistogram::size()), 0.0);
    // Unpaid when day `overdueDays` starts: paid that day or later. A not-yet-due invoice
    // (negative days) keeps the early part of the distribution from today on.
    const int from = overdueDays < CollectionsDelayMin ? 0
                     : overdueDays > CollectionsDelayMax
                         ? CollectionsHistogram::size()
                         : CollectionsHistogram::indexOf(overdueDays);
    double mass = 0;
    for (int i = std::min(from, CollectionsHistogram::size()); i < CollectionsHistogram::size();
         ++i) {
        const double v =
            (wc > 0 ? wc * client.at(i) / n : 0) + (wf > 0 ? wf * firm.at(i) / firm.count() : 0);
        p[std::size_t(i)] = v;
        mass += v;
    }
    if (mass <= 1e-12)
        return {};
    for (double &v : p)
        v /= mass;
    return p;
}

CollectionsPrediction collectionsPredict(const CollectionsHistogram &client,
                                         const CollectionsHistogram &firm, double k,
                                         int overdueDays)
{
    CollectionsPrediction out;
    const std::vector<double> p = collectionsConditional(client, firm, k, overdueDays);
    if (p.empty()) {
        // Later than anyone in the history ever paid: no distribution says when, so the
        // prediction is a week from today and it is certainly late by then.
        out.delay = overdueDays + 7;
        out.pLate30 = out.delay > CollectionsLateDays ? 1 : 0;
        out.beyondHistory = true;
        return out;
    }
    double seen = 0;
    bool found = false;
    for (int i = 0; i < CollectionsHistogram::size(); ++i) {
        seen += p[std::size_t(i)];
        if (!found && seen >= 0.5 - 1e-9) {
            out.delay = i + CollectionsDelayMin;
            found = true;
        }
        if (i + CollectionsDelayMin > CollectionsLateDays)
            out.pLate30 += p[std::size_t(i)];
    }
    out.pLate30 = std::clamp(out.pLate30, 0.0, 1.0);
    return out;
}

int collectionsAmountBand(double amount)
{
    return amount < 5000 ? 0 : amount < 20000 ? 1 : amount < 50000 ? 2 : 3;
}

QString collectionsAmountBandLabel(int band)
{
    switch (band) {
    case 0:
        return QStringLiteral("under 5,000");
    case 1:
        return QStringLiteral("5,000 to 20,000");
    case 2:
        return QStringLiteral("20,000 to 50,000");
    default:
        return QStringLiteral("50,000 and more");
    }
}

namespace {

QJsonObject histogramsJson(const QHash<qint64, CollectionsHistogram> &byClient)
{
    // Ordered by id so the stored parameters of two equal trainings are equal.
    std::map<qint64, const CollectionsHistogram *> ordered;
    for (auto it = byClient.cbegin(); it != byClient.cend(); ++it)
        ordered.emplace(it.key(), &it.value());
    QJsonObject out;
    for (const auto &[id, h] : ordered)
        out.insert(QString::number(id), h->toJson());
    return out;
}

QJsonObject countsJson(const QHash<qint64, int> &counts)
{
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.insert(QString::number(it.key()), it.value());
    return out;
}

QHash<qint64, int> countsFrom(const QJsonObject &json)
{
    QHash<qint64, int> out;
    for (auto it = json.begin(); it != json.end(); ++it)
        out.insert(it.key().toLongLong(), it.value().toInt());
    return out;
}

QHash<qint64, CollectionsHistogram> histogramsFrom(const QJsonObject &json)
{
    QHash<qint64, CollectionsHistogram> out;
    for (auto it = json.begin(); it != json.end(); ++it)
        out.insert(it.key().toLongLong(), CollectionsHistogram::fromJson(it.value().toArray()));
    return out;
}

} // namespace

QJsonObject CollectionsParams::toJson() const
{
    QJsonArray medians, counts, bandsJson;
    for (int b = 0; b < CollectionsAmountBands; ++b) {
        bandsJson.append(bandSettle[std::size_t(b)].toJson());
        medians.append(bandMedian[std::size_t(b)]);
        counts.append(bandCount[std::size_t(b)]);
    }
    return {{"k", k},
            {"delay_min", CollectionsDelayMin},
            {"delay_max", CollectionsDelayMax},
            {"firm_settle", firmSettle.toJson()},
            {"firm_rest", firmRest.toJson()},
            {"settle", histogramsJson(settle)},
            {"rest", histogramsJson(rest)},
            {"paid", countsJson(paid)},
            {"unpaid", countsJson(unpaid)},
            {"band_median", medians},
            {"band_prior", bandPrior},
            {"loo_firm", looFirm},
            {"loo_band", looBand},
            {"band_settle", bandsJson},
            {"band_count", counts}};
}

CollectionsParams CollectionsParams::fromJson(const QJsonObject &json)
{
    CollectionsParams p;
    p.k = json.value("k").toDouble(1);
    p.firmSettle = CollectionsHistogram::fromJson(json.value("firm_settle").toArray());
    p.firmRest = CollectionsHistogram::fromJson(json.value("firm_rest").toArray());
    p.settle = histogramsFrom(json.value("settle").toObject());
    p.rest = histogramsFrom(json.value("rest").toObject());
    p.paid = countsFrom(json.value("paid").toObject());
    p.unpaid = countsFrom(json.value("unpaid").toObject());
    p.bandPrior = json.value("band_prior").toBool();
    p.looFirm = json.value("loo_firm").toDouble();
    p.looBand = json.value("loo_band").toDouble();
    const QJsonArray bandsJson = json.value("band_settle").toArray();
    for (int b = 0; b < CollectionsAmountBands && b < bandsJson.size(); ++b)
        p.bandSettle[std::size_t(b)] = CollectionsHistogram::fromJson(bandsJson.at(b).toArray());
    const QJsonArray medians = json.value("band_median").toArray();
    const QJsonArray counts = json.value("band_count").toArray();
    for (int b = 0; b < CollectionsAmountBands; ++b) {
        p.bandMedian[std::size_t(b)] = medians.at(b).toDouble();
        p.bandCount[std::size_t(b)] = counts.at(b).toInt();
    }
    return p;
}

CollectionsParams collectionsFit(const std::vector<CollectionsSample> &samples, double *looMae)
{
    CollectionsParams p;
    std::vector<std::vector<double>> bands(CollectionsAmountBands);
    QHash<qint64, std::vector<int>> censored;
    for (const CollectionsSample &s : samples) {
        if (s.censored) {
            censored[s.accountId].push_back(s.settleDelay);
            ++p.unpaid[s.accountId];
            continue;
        }
        ++p.paid[s.accountId];
        p.settle[s.accountId].add(s.settleDelay);
        p.firmSettle.add(s.settleDelay);
        if (s.hasRest) {
            p.rest[s.accountId].add(s.restDelay);
            p.firmRest.add(s.restDelay);
        }
        bands[std::size_t(collectionsAmountBand(s.amount))].push_back(s.settleDelay);
        p.bandSettle[std::size_t(collectionsAmountBand(s.amount))].add(s.settleDelay);
    }
    for (int b = 0; b < CollectionsAmountBands; ++b) {
        CollectionsHistogram h;
        for (const double d : bands[std::size_t(b)])
            h.add(int(d));
        p.bandMedian[std::size_t(b)] = h.count() > 0 ? h.median() : 0;
        p.bandCount[std::size_t(b)] = int(h.count());
    }

    for (auto it = censored.begin(); it != censored.end(); ++it) {
        std::sort(it->begin(), it->end());
        CollectionsHistogram &h = p.settle[it.key()];
        for (const int overdue : *it) {
            const int from = CollectionsHistogram::indexOf(overdue) + 1;
            double own = 0, firm = 0;
            for (int i = from; i < CollectionsHistogram::size(); ++i) {
                own += h.at(i);
                firm += p.firmSettle.at(i);
            }
            const CollectionsHistogram &to = own > 0 ? h : p.firmSettle;
            const double mass = own > 0 ? own : firm;
            if (mass <= 0)
                continue;
            std::vector<double> share(std::size_t(CollectionsHistogram::size()), 0.0);
            for (int i = from; i < CollectionsHistogram::size(); ++i)
                share[std::size_t(i)] = to.at(i) / mass;
            for (int i = from; i < CollectionsHistogram::size(); ++i)
                if (share[std::size_t(i)] > 0)
                    h.add(i + CollectionsDelayMin, share[std::size_t(i)]);
        }
    }

    // k by leave-one-out: each paid invoice predicted (unconditioned: as if scored before it
    // was due) from its client's other invoices and the rest of the firm (or of its band).
    const auto looError = [&](double k, bool byBand) {
        double error = 0;
        int n = 0;
        for (const CollectionsSample &s : samples) {
            if (s.censored)
                continue;
            CollectionsHistogram &client = p.settle[s.accountId];
            CollectionsHistogram &prior =
                byBand ? p.bandSettle[std::size_t(collectionsAmountBand(s.amount))] : p.firmSettle;
            client.add(s.settleDelay, -1);
            prior.add(s.settleDelay, -1);
            const CollectionsPrediction pr = collectionsPredict(
                client, prior.count() > 0 ? prior : p.firmSettle, k, CollectionsDelayMin);
            client.add(s.settleDelay, 1);
            prior.add(s.settleDelay, 1);
            error += std::abs(pr.delay -
                              std::clamp(s.settleDelay, CollectionsDelayMin, CollectionsDelayMax));
            ++n;
        }
        return n > 0 ? error / n : 0.0;
    };
    static const double grid[] = {0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 50};
    double bestK = 1, bestMae = std::numeric_limits<double>::infinity();
    for (const double k : grid) {
        const double mae = looError(k, false);
        if (mae < bestMae - 1e-9) {
            bestMae = mae;
            bestK = k;
        }
    }
    p.looFirm = std::isfinite(bestMae) ? bestMae : 0;
    p.looBand = looError(bestK, true);
    // The band only when it predicts the history clearly better: a tenth of a day.
    p.bandPrior = p.looBand < p.looFirm - 0.1;
    if (p.bandPrior)
        bestMae = p.looBand;
    p.k = bestK;
    if (looMae)
        *looMae = std::isfinite(bestMae) ? bestMae : 0;
    return p;
}

const CollectionsHistogram &collectionsClientOf(const CollectionsParams &params, qint64 accountId,
                                                bool partPaid)
{
    static const CollectionsHistogram none;
    const bool rest = partPaid && params.firmRest.count() > 0;
    const auto &byClient = rest ? params.rest : params.settle;
    const auto it = byClient.constFind(accountId);
    return it == byClient.constEnd() ? none : *it;
}

const CollectionsHistogram &collectionsPriorOf(const CollectionsParams &params, double amount,
                                               bool partPaid)
{
    if (partPaid && params.firmRest.count() > 0)
        return params.firmRest;
    const CollectionsHistogram &band =
        params.bandSettle[std::size_t(collectionsAmountBand(amount))];
    return params.bandPrior && band.count() > 0 ? band : params.firmSettle;
}

CollectionsPrediction collectionsPredictInvoice(const CollectionsParams &params, qint64 accountId,
                                                double amount, bool partPaid, int overdueDays)
{
    return collectionsPredict(collectionsClientOf(params, accountId, partPaid),
                              collectionsPriorOf(params, amount, partPaid), params.k, overdueDays);
}

} // namespace keel
