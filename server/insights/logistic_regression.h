#pragma once

#include <vector>

// L2-regularised logistic regression fitted by Newton's method (IRLS), for the insights models.
// Small and dense on purpose: a few thousand rows and a few dozen features, solved exactly.
namespace keel::stats {

struct LogisticModel
{
    double intercept = 0;
    std::vector<double> coefficients; // one per feature column
    int iterations = 0;
    bool converged = false;

    // P(y = 1 | x): the logistic of intercept + Σ coefficient × x.
    double predict(const std::vector<double> &x) const;
    double logOdds(const std::vector<double> &x) const;
};

// Fits on rows `x` (each the same length) with labels `y`. `lambda` penalises Σ coefficient²
// (not the intercept), so features that never vary or that always go with one outcome keep
// finite weights; features should be on comparable scales (centred, roughly unit spread).
LogisticModel fitLogistic(const std::vector<std::vector<double>> &x, const std::vector<bool> &y,
                          double lambda, int maxIterations = 50);

} // namespace keel::stats
