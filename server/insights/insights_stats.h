#pragma once

#include <vector>

// The statistics the insights models and their backtests share. Doubles are right here: these
// are probabilities, scores and day counts, never money (amounts stay numeric in SQL and Money
// in C++; a model may read an amount as a double feature, never write one back).
namespace keel::stats {

double median(std::vector<double> values);             // NaN when empty
double quantile(std::vector<double> values, double q); // linear interpolation, q in [0, 1]
// Median absolute deviation, scaled by 1.4826 so it estimates σ for normal data.
double mad(const std::vector<double> &values);
// Robust z: (x − median) / MAD; 0 when MAD is 0 and x equals the median, ±∞ otherwise.
double robustZ(double x, double median, double mad);

// Area under the ROC curve (ties count half); NaN without both classes.
double auc(const std::vector<double> &scores, const std::vector<bool> &labels);
// Expected calibration error: |mean predicted − observed rate| weighted by bin size over `bins`
// equal-width probability bins.
double calibrationError(const std::vector<double> &probabilities, const std::vector<bool> &labels,
                        int bins = 10);
double meanAbsoluteError(const std::vector<double> &predicted, const std::vector<double> &actual);

} // namespace keel::stats
