#include "insights_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace keel::stats {

double quantile(std::vector<double> values, double q)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double pos = std::clamp(q, 0.0, 1.0) * double(values.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
}

double median(std::vector<double> values)
{
    return quantile(std::move(values), 0.5);
}

double mad(const std::vector<double> &values)
{
    const double m = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (const double v : values)
        deviations.push_back(std::abs(v - m));
    return 1.4826 * median(std::move(deviations));
}

double robustZ(double x, double median, double mad)
{
    if (mad > 0)
        return (x - median) / mad;
    if (x == median)
        return 0;
    return x > median ? std::numeric_limits<double>::infinity()
                      : -std::numeric_limits<double>::infinity();
}

double auc(const std::vector<double> &scores, const std::vector<bool> &labels)
{
    // Mann–Whitney U over ranks, with average ranks for ties.
    const std::size_t n = std::min(scores.size(), labels.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] < scores[b]; });
    double positives = 0, rankSum = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double rank = (double(i) + double(j)) / 2 + 1;
        for (std::size_t k = i; k <= j; ++k) {
            if (labels[order[k]]) {
                positives += 1;
                rankSum += rank;
            }
        }
        i = j + 1;
    }
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double calibrationError(const std::vector<double> &probabilities, const std::vector<bool> &labels,
                        int bins)
{
    const std::size_t n = std::min(probabilities.size(), labels.size());
    if (n == 0 || bins <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    const auto binCount = static_cast<std::size_t>(bins);
    std::vector<double> predicted(binCount, 0.0), observed(binCount, 0.0);
    std::vector<int> count(binCount, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto b = std::size_t(std::clamp(int(probabilities[i] * bins), 0, bins - 1));
        predicted[b] += probabilities[i];
        observed[b] += labels[i] ? 1 : 0;
        ++count[b];
    }
    double error = 0;
    for (std::size_t b = 0; b < binCount; ++b) {
        if (count[b] > 0)
            error += std::abs(predicted[b] - observed[b]) / double(n);
    }
    return error;
}

double meanAbsoluteError(const std::vector<double> &predicted, const std::vector<double> &actual)
{
    const std::size_t n = std::min(predicted.size(), actual.size());
    if (n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += std::abs(predicted[i] - actual[i]);
    return sum / double(n);
}

} // namespace keel::stats
