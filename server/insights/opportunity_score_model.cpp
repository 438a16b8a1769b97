#include "opportunity_score_model.h"

#include "insights_stats.h"
#include "logistic_regression.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace keel {

namespace {

constexpr double kLambda = 1.0;      // L2 on standardised features: mild, keeps one-hots finite
constexpr double kCapacityCap = 2.0; // beyond twice the free hours a deal is simply unstaffable

QString discountClass(const OpportunityScorePoint &p)
{
    if (!p.quoted || p.discountPct <= 0)
        return QStringLiteral("none");
    return p.discountPct <= 10 ? QStringLiteral("modest") : QStringLiteral("deep");
}

int bandOf(const OpportunityScoreParams &params, double value)
{
    int band = 1;
    for (const double cut : params.bands)
        band += value > cut ? 1 : 0;
    return band;
}

double clientRate(const OpportunityScoreParams &params, const OpportunityScorePoint &p)
{
    return (p.clientWon + params.smoothing * params.firmRate) / (p.clientClosed + params.smoothing);
}

// The raw feature vector of a point, in params.features' order.
std::vector<double> featuresOf(const OpportunityScoreParams &params, const OpportunityScorePoint &p)
{
    std::vector<double> x;
    x.reserve(std::size_t(params.features.size()));
    const int band = bandOf(params, p.valueGroup);
    const QString discount = discountClass(p);
    for (const QString &f : params.features) {
        const QString level = f.section(u':', 1);
        if (f.startsWith(QLatin1String("stage:")))
            x.push_back(p.stage == level ? 1 : 0);
        else if (f == QLatin1String("log_age"))
            x.push_back(std::log1p(double(p.ageDays)));
        else if (f.startsWith(QLatin1String("band:")))
            x.push_back(band == level.toInt() ? 1 : 0);
        else if (f == QLatin1String("client_rate"))
            x.push_back(clientRate(params, p));
        else if (f == QLatin1String("repeat_client"))
            x.push_back(p.clientClosed > 0 ? 1 : 0);
        else if (f.startsWith(QLatin1String("line:")))
            x.push_back(p.serviceLines.contains(level.toLongLong()) ? 1 : 0);
        else if (f.startsWith(QLatin1String("discount:")))
            x.push_back(discount == level ? 1 : 0);
        else if (f == QLatin1String("capacity"))
            x.push_back(std::min(p.capacityRatio, kCapacityCap));
        else
            x.push_back(0);
    }
    return x;
}

QString factorOf(const QString &feature)
{
    if (feature.startsWith(QLatin1String("stage:")))
        return QStringLiteral("stage");
    if (feature == QLatin1String("log_age"))
        return QStringLiteral("age_in_stage");
    if (feature.startsWith(QLatin1String("band:")))
        return QStringLiteral("value_band");
    if (feature == QLatin1String("client_rate") || feature == QLatin1String("repeat_client"))
        return QStringLiteral("client_history");
    if (feature.startsWith(QLatin1String("line:")))
        return QStringLiteral("service_line");
    if (feature.startsWith(QLatin1String("discount:")))
        return QStringLiteral("discount");
    return QStringLiteral("capacity");
}

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(qRound(rate * 100));
}

QJsonObject doubleMap(const QHash<QString, double> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonArray doubles(const std::vector<double> &v)
{
    QJsonArray a;
    for (const double d : v)
        a.append(d);
    return a;
}

std::vector<double> doublesOf(const QJsonValue &v)
{
    std::vector<double> out;
    for (const QJsonValue &d : v.toArray())
        out.push_back(d.toDouble());
    return out;
}

} // namespace

QString fraction4(double value)
{
    return QString::number(std::isfinite(value) ? value : 0.0, 'f', 4);
}

QJsonObject OpportunityScoreParams::toJson() const
{
    QJsonArray lines, counted;
    for (const qint64 id : serviceLines)
        lines.append(QString::number(id));
    QJsonObject countsJson;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        countsJson.insert(it.key(), it.value());
    return {{"stages", QJsonArray::fromStringList(stages)},
            {"service_lines", lines},
            {"bands", doubles(bands)},
            {"firm_rate", firmRate},
            {"smoothing", smoothing},
            {"features", QJsonArray::fromStringList(features)},
            {"means", doubles(means)},
            {"spreads", doubles(spreads)},
            {"coefficients", doubles(coefficients)},
            {"intercept", intercept},
            {"rates", doubleMap(rates)},
            {"counts", countsJson}};
}

OpportunityScoreParams OpportunityScoreParams::fromJson(const QJsonObject &json)
{
    OpportunityScoreParams p;
    for (const QJsonValue &v : json.value("stages").toArray())
        p.stages.append(v.toString());
    for (const QJsonValue &v : json.value("service_lines").toArray())
        p.serviceLines.append(v.toString().toLongLong());
    p.bands = doublesOf(json.value("bands"));
    p.firmRate = json.value("firm_rate").toDouble();
    p.smoothing = json.value("smoothing").toDouble(3);
    for (const QJsonValue &v : json.value("features").toArray())
        p.features.append(v.toString());
    p.means = doublesOf(json.value("means"));
    p.spreads = doublesOf(json.value("spreads"));
    p.coefficients = doublesOf(json.value("coefficients"));
    p.intercept = json.value("intercept").toDouble();
    const QJsonObject rates = json.value("rates").toObject();
    for (auto it = rates.begin(); it != rates.end(); ++it)
        p.rates.insert(it.key(), it.value().toDouble());
    const QJsonObject counts = json.value("counts").toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        p.counts.insert(it.key(), it.value().toInt());
    return p;
}

QJsonObject OpportunityFactor::toJson() const
{
    return {{"factor", factor},
            {"label", label},
            {"value", value},
            {"compared_with", comparedWith},
            {"effect", QString::asprintf("%+.2f", effect)},
            {"text", text}};
}

OpportunityScoreParams fitOpportunityScore(const std::vector<OpportunityScorePoint> &points)
{
    OpportunityScoreParams params;
    // Levels and the firm's rate, per opportunity (its last point: the furthest stage reached).
    std::map<qint64, const OpportunityScorePoint *> last;
    QSet<QString> stageSet;
    QSet<qint64> lineSet;
    for (const OpportunityScorePoint &p : points) {
        last[p.opportunityId] = &p; // points come in day order
        stageSet.insert(p.stage);
        for (const qint64 l : p.serviceLines)
            lineSet.insert(l);
    }
    std::vector<double> values;
    double won = 0;
    for (const auto &[id, p] : last) {
        values.push_back(p->valueGroup);
        won += p->outcome == 1 ? 1 : 0;
    }
    params.firmRate = last.empty() ? 0 : won / double(last.size());
    params.bands = {stats::quantile(values, 0.25), stats::quantile(values, 0.5),
                    stats::quantile(values, 0.75)};
    // Stages in pipeline order: the order deals pass them (mean day rank within a deal is
    // close enough; the stage codes themselves carry no order).
    std::map<QString, double> stageOrder;
    std::map<QString, int> stageSeen;
    {
        std::map<qint64, int> rank;
        for (const OpportunityScorePoint &p : points) {
            stageOrder[p.stage] += rank[p.opportunityId]++;
            ++stageSeen[p.stage];
        }
    }
    params.stages = QStringList(stageSet.begin(), stageSet.end());
    std::sort(params.stages.begin(), params.stages.end(), [&](const QString &a, const QString &b) {
        return stageOrder[a] / stageSeen[a] < stageOrder[b] / stageSeen[b];
    });
    params.serviceLines = QList<qint64>(lineSet.begin(), lineSet.end());
    std::sort(params.serviceLines.begin(), params.serviceLines.end());

    for (qsizetype i = 1; i < params.stages.size(); ++i) // the first stage is the baseline
        params.features.append(QStringLiteral("stage:") + params.stages[i]);
    params.features << QStringLiteral("log_age") << QStringLiteral("band:2")
                    << QStringLiteral("band:3") << QStringLiteral("band:4")
                    << QStringLiteral("client_rate") << QStringLiteral("repeat_client");
    for (const qint64 l : params.serviceLines)
        params.features.append(QStringLiteral("line:%1").arg(l));
    params.features << QStringLiteral("discount:modest") << QStringLiteral("discount:deep")
                    << QStringLiteral("capacity");

    // The rates the factors quote.
    QHash<QString, double> wins;
    const auto count = [&](const QString &key, bool w) {
        params.counts[key] += 1;
        wins[key] += w ? 1 : 0;
    };
    QHash<QString, double> days;
    for (const OpportunityScorePoint &p : points) {
        count(QStringLiteral("stage:") + p.stage, p.outcome == 1);
        days[p.stage] += 2.0 * p.ageDays; // the point sits halfway through the stay
    }
    for (const auto &[id, p] : last) {
        const bool w = p->outcome == 1;
        for (const qint64 l : p->serviceLines)
            count(QStringLiteral("line:%1").arg(l), w);
        count(QStringLiteral("band:%1").arg(bandOf(params, p->valueGroup)), w);
        count(QStringLiteral("discount:") + discountClass(*p), w);
    }
    for (auto it = params.counts.cbegin(); it != params.counts.cend(); ++it)
        params.rates.insert(it.key(), wins.value(it.key()) / it.value());
    for (const QString &s : std::as_const(params.stages))
        params.rates.insert(QStringLiteral("days:") + s,
                            days.value(s) / std::max(1, params.counts.value("stage:" + s)));

    // Standardise, fit, and bring the coefficients back to the features' own scale.
    std::vector<std::vector<double>> x;
    std::vector<bool> y;
    x.reserve(points.size());
    for (const OpportunityScorePoint &p : points) {
        x.push_back(featuresOf(params, p));
        y.push_back(p.outcome == 1);
    }
    const std::size_t k = std::size_t(params.features.size());
    params.means.assign(k, 0);
    params.spreads.assign(k, 1);
    for (std::size_t j = 0; j < k && !x.empty(); ++j) {
        double sum = 0, squares = 0;
        for (const auto &row : x)
            sum += row[j];
        const double mean = sum / double(x.size());
        for (const auto &row : x)
            squares += (row[j] - mean) * (row[j] - mean);
        const double sd = std::sqrt(squares / double(x.size()));
        params.means[j] = mean;
        params.spreads[j] = sd > 1e-9 ? sd : 1;
    }
    for (auto &row : x)
        for (std::size_t j = 0; j < k; ++j)
            row[j] = (row[j] - params.means[j]) / params.spreads[j];
    const stats::LogisticModel m = stats::fitLogistic(x, y, kLambda);
    params.intercept = m.intercept;
    params.coefficients.assign(k, 0);
    for (std::size_t j = 0; j < k; ++j)
        params.coefficients[j] = m.coefficients[j] / params.spreads[j];
    return params;
}

double opportunityProbability(const OpportunityScoreParams &params,
                              const OpportunityScorePoint &point)
{
    const std::vector<double> x = featuresOf(params, point);
    double z = params.intercept;
    for (std::size_t j = 0; j < x.size() && j < params.coefficients.size(); ++j)
        z += params.coefficients[j] * (x[j] - params.means[j]);
    return 1 / (1 + std::exp(-z));
}

OpportunityScore scoreOpportunity(const OpportunityScoreParams &params,
                                  const OpportunityScorePoint &p,
                                  const QHash<qint64, QString> &serviceLineNames)
{
    OpportunityScore score;
    score.probability = opportunityProbability(params, p);
    const std::vector<double> x = featuresOf(params, p);
    std::map<QString, double> effect;
    for (std::size_t j = 0; j < x.size() && j < params.coefficients.size(); ++j)
        effect[factorOf(params.features[qsizetype(j)])] +=
            params.coefficients[j] * (x[j] - params.means[j]);

    const QString firm = percent(params.firmRate);
    const QString firmText = fraction4(params.firmRate);
    const auto rateOf = [&](const QString &key) {
        return params.rates.value(key, params.firmRate);
    };
    for (const auto &[name, e] : effect) {
        OpportunityFactor f;
        f.factor = name;
        f.effect = e;
        if (name == QLatin1String("stage")) {
            const double r = rateOf(QStringLiteral("stage:") + p.stage);
            f.label = QStringLiteral("Stage");
            f.value = p.stage;
            f.comparedWith = firmText;
            f.text = QStringLiteral("Deals in %1 were won %2 of the time, the firm %3.")
                         .arg(p.stageName, percent(r), firm);
        } else if (name == QLatin1String("age_in_stage")) {
            const double typical = params.rates.value(QStringLiteral("days:") + p.stage);
            f.label = QStringLiteral("Days in stage");
            f.value = QString::number(p.ageDays);
            f.comparedWith = QString::number(typical, 'f', 1);
            f.text = QStringLiteral("%1 days in %2; deals stayed %3 days there on average.")
                         .arg(p.ageDays)
                         .arg(p.stageName)
                         .arg(qRound(typical));
        } else if (name == QLatin1String("value_band")) {
            static const char *const quarters[] = {"bottom", "second", "third", "top"};
            const int band = bandOf(params, p.valueGroup);
            const double r = rateOf(QStringLiteral("band:%1").arg(band));
            f.label = QStringLiteral("Deal size");
            f.value = QString::number(band);
            f.comparedWith = firmText;
            f.text =
                QStringLiteral("Deals in the %1 quarter by value won %2 of the time, the "
                               "firm %3.")
                    .arg(QLatin1String(quarters[std::clamp(band, 1, 4) - 1]), percent(r), firm);
        } else if (name == QLatin1String("client_history")) {
            f.label = QStringLiteral("Client's history");
            f.value = fraction4(clientRate(params, p));
            f.comparedWith = firmText;
            f.text = p.clientClosed == 0
                         ? QStringLiteral("A client without closed deals before: the firm's "
                                          "rate of %1 applies.")
                               .arg(firm)
                         : QStringLiteral("This client won %1 of its %2 earlier deals (%3), the "
                                          "firm %4.")
                               .arg(p.clientWon)
                               .arg(p.clientClosed)
                               .arg(percent(double(p.clientWon) / p.clientClosed), firm);
        } else if (name == QLatin1String("service_line")) {
            QStringList names;
            double best = -1, worst = 2;
            QString bestName;
            for (const qint64 l : p.serviceLines) {
                const QString n = serviceLineNames.value(l, QString::number(l));
                names.append(n);
                const double r = rateOf(QStringLiteral("line:%1").arg(l));
                // The line that pulls the most in the direction of the effect speaks for it.
                if ((e >= 0 && r > best) || (e < 0 && r < worst) || bestName.isEmpty()) {
                    best = std::max(best, r);
                    worst = std::min(worst, r);
                    bestName = n;
                }
            }
            const double r = p.serviceLines.isEmpty() ? params.firmRate : (e >= 0 ? best : worst);
            f.label = QStringLiteral("Service line");
            f.value = names.join(QStringLiteral(", "));
            f.comparedWith = firmText;
            f.text = names.isEmpty() ? QStringLiteral("No service line recorded.")
                                     : QStringLiteral("%1 deals won %2 of the time, the firm %3.")
                                           .arg(bestName, percent(r), firm);
        } else if (name == QLatin1String("discount")) {
            const QString c = discountClass(p);
            const double r = rateOf(QStringLiteral("discount:") + c);
            f.label = QStringLiteral("Discount");
            f.value = QString::number(p.discountPct, 'f', 1);
            f.comparedWith = firmText;
            f.text = c == QLatin1String("none")
                         ? QStringLiteral("No discount quoted; such deals won %1 of the time, "
                                          "the firm %2.")
                               .arg(percent(r), firm)
                         : QStringLiteral("A %1 discount of %2 %; such deals won %3 of the "
                                          "time, the firm %4.")
                               .arg(c == QLatin1String("modest") ? QStringLiteral("modest")
                                                                 : QStringLiteral("deep"),
                                    QString::number(p.discountPct, 'g', 4), percent(r), firm);
        } else {
            const double typical =
                params.means.empty() ? 0 : params.means[std::size_t(params.features.size() - 1)];
            f.label = QStringLiteral("Capacity");
            f.value = fraction4(std::min(p.capacityRatio, kCapacityCap));
            f.comparedWith = fraction4(typical);
            f.text = QStringLiteral("The most needed role requires %1 of its free hours in the "
                                    "start window (typically %2).")
                         .arg(percent(std::min(p.capacityRatio, kCapacityCap)), percent(typical));
        }
        score.factors.push_back(std::move(f));
    }
    std::sort(score.factors.begin(), score.factors.end(),
              [](const OpportunityFactor &a, const OpportunityFactor &b) {
                  return std::abs(a.effect) > std::abs(b.effect);
              });
    return score;
}

} // namespace keel
