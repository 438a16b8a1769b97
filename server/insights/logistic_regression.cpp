#include "logistic_regression.h"

#include <algorithm>
#include <cmath>

namespace keel::stats {

namespace {

double logistic(double z)
{
    // Split by sign so that exp never overflows.
    if (z >= 0)
        return 1 / (1 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1 + e);
}

// Solves A·v = b for a symmetric positive definite A (Cholesky); false when A is not.
bool solveSpd(std::vector<double> a, std::vector<double> b, std::size_t n, std::vector<double> &v)
{
    for (std::size_t j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k)
            d -= a[j * n + k] * a[j * n + k];
        if (d <= 0)
            return false;
        d = std::sqrt(d);
        a[j * n + j] = d;
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k)
                s -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = s / d;
        }
    }
    for (std::size_t i = 0; i < n; ++i) { // L·w = b
        double s = b[i];
        for (std::size_t k = 0; k < i; ++k)
            s -= a[i * n + k] * b[k];
        b[i] = s / a[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) { // Lᵀ·v = w
        double s = b[i];
        for (std::size_t k = i + 1; k < n; ++k)
            s -= a[k * n + i] * b[k];
        b[i] = s / a[i * n + i];
    }
    v = std::move(b);
    return true;
}

} // namespace

double LogisticModel::logOdds(const std::vector<double> &x) const
{
    double z = intercept;
    const std::size_t n = std::min(x.size(), coefficients.size());
    for (std::size_t j = 0; j < n; ++j)
        z += coefficients[j] * x[j];
    return z;
}

double LogisticModel::predict(const std::vector<double> &x) const
{
    return logistic(logOdds(x));
}

LogisticModel fitLogistic(const std::vector<std::vector<double>> &x, const std::vector<bool> &y,
                          double lambda, int maxIterations)
{
    LogisticModel m;
    const std::size_t rows = std::min(x.size(), y.size());
    const std::size_t p = rows == 0 ? 0 : x.front().size();
    m.coefficients.assign(p, 0.0);
    if (rows == 0)
        return m;
    // Start from the base rate: the intercept alone, which Newton then refines.
    double positives = 0;
    for (std::size_t i = 0; i < rows; ++i)
        positives += y[i] ? 1 : 0;
    const double rate = std::clamp(positives / double(rows), 1e-4, 1 - 1e-4);
    m.intercept = std::log(rate / (1 - rate));

    const std::size_t n = p + 1; // the intercept is parameter 0
    std::vector<double> beta(n, 0.0);
    beta[0] = m.intercept;
    for (m.iterations = 0; m.iterations < maxIterations; ++m.iterations) {
        std::vector<double> hessian(n * n, 0.0), gradient(n, 0.0);
        for (std::size_t i = 0; i < rows; ++i) {
            double z = beta[0];
            for (std::size_t j = 0; j < p; ++j)
                z += beta[j + 1] * x[i][j];
            const double mu = logistic(z);
            const double w = std::max(mu * (1 - mu), 1e-10);
            const double r = (y[i] ? 1.0 : 0.0) - mu;
            for (std::size_t a = 0; a < n; ++a) {
                const double xa = a == 0 ? 1.0 : x[i][a - 1];
                gradient[a] += r * xa;
                for (std::size_t b = 0; b <= a; ++b)
                    hessian[a * n + b] += w * xa * (b == 0 ? 1.0 : x[i][b - 1]);
            }
        }
        for (std::size_t a = 1; a < n; ++a) {
            gradient[a] -= lambda * beta[a];
            hessian[a * n + a] += lambda;
        }
        hessian[0] += 1e-9; // keeps the system solvable when every label is the same
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b)
                hessian[a * n + b] = hessian[b * n + a];
        std::vector<double> step;
        if (!solveSpd(hessian, gradient, n, step))
            break;
        double largest = 0;
        for (std::size_t a = 0; a < n; ++a) {
            beta[a] += step[a];
            largest = std::max(largest, std::abs(step[a]));
        }
        if (largest < 1e-8) {
            m.converged = true;
            ++m.iterations;
            break;
        }
    }
    m.intercept = beta[0];
    for (std::size_t j = 0; j < p; ++j)
        m.coefficients[j] = beta[j + 1];
    return m;
}

} // namespace keel::stats
