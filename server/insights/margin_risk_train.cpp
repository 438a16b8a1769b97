#include "margin_risk_train.h"

#include "margin_risk_store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace keel {

namespace {

// A project "did overrun" when its cost at completion reaches 1.2 × its cost budget (for the
// firm's 38 % planned margins: about 12 points of margin lost). Finished projects are judged on
// their final cost; a project past half its schedule at the as-of date on the cost its burn
// projects; a younger one is not judged.
constexpr double OverrunCostShare = 1.2;

enum class Outcome
{
    Unknown,
    Overrun,
    OnBudget
};

Outcome outcomeOf(const MarginRiskHistory::Project &p, qint64 asOfDay,
                  const MarginRiskParameters &params)
{
    const MarginRiskFeatures f = MarginRiskHistory::featuresAt(p, asOfDay);
    if (f.budgetCost <= 0)
        return Outcome::Unknown;
    double atCompletion = f.costSpent;
    if (p.end > asOfDay) {
        if (f.elapsed < 0.5)
            return Outcome::Unknown;
        atCompletion = marginRiskEac(f, params);
    }
    return atCompletion >= OverrunCostShare * f.budgetCost ? Outcome::Overrun : Outcome::OnBudget;
}

// The weekly as-of dates a project is replayed on: every seventh day back from `anchor`, within
// [from, to].
std::vector<qint64> weeklyDays(qint64 anchor, qint64 from, qint64 to)
{
    std::vector<qint64> days;
    for (qint64 d = anchor; d >= from; d -= 7)
        if (d <= to)
            days.push_back(d);
    std::reverse(days.begin(), days.end());
    return days;
}

struct MarginRiskReplay
{
    bool earlyPossible = false; // a date with burn counting and less than half the budget spent
    bool flaggedEarly = false;
    bool flaggedAny = false;
};

MarginRiskReplay replay(const MarginRiskHistory::Project &p, const std::vector<qint64> &days,
                        const MarginRiskParameters &params)
{
    MarginRiskReplay r;
    for (const qint64 d : days) {
        const MarginRiskFeatures f = MarginRiskHistory::featuresAt(p, d);
        if (f.budgetCost <= 0)
            continue;
        const bool early = f.costSpent < 0.5 * f.budgetCost;
        const bool flagged = assessMarginRisk(f, params, false).flagged;
        r.earlyPossible = r.earlyPossible || (early && f.elapsed >= params.minElapsed);
        r.flaggedEarly = r.flaggedEarly || (early && flagged);
        r.flaggedAny = r.flaggedAny || flagged;
    }
    return r;
}

struct MarginRiskFit
{
    MarginRiskParameters params;
    int projects = 0;
    int overruns = 0;
    double f1 = 0;
};

// The burn threshold that best separates, before half the budget was spent, the finished
// projects that overran from those that did not (F1 of "alerted early" against "overran"), on
// the projects finished before `cutoffDay`.
MarginRiskFit fit(const MarginRiskHistory &h, qint64 cutoffDay, MarginRiskParameters base)
{
    struct Sample
    {
        const MarginRiskHistory::Project *project;
        std::vector<qint64> days;
        bool overran;
    };
    std::vector<Sample> samples;
    for (const auto &p : h.projects) {
        if (p.end >= cutoffDay)
            continue;
        const Outcome o = outcomeOf(p, cutoffDay, base);
        if (o == Outcome::Unknown)
            continue;
        samples.push_back({&p, weeklyDays(p.end, p.start, p.end), o == Outcome::Overrun});
    }
    MarginRiskFit best;
    best.params = base;
    best.projects = int(samples.size());
    for (const Sample &s : samples)
        best.overruns += s.overran ? 1 : 0;
    // Without finished projects the default threshold stands.
    best.f1 = samples.empty() ? 0 : -1;
    for (double t = 1.10; !samples.empty() && t <= 2.501; t += 0.05) {
        MarginRiskParameters candidate = base;
        candidate.burnThreshold = std::round(t * 100) / 100;
        int tp = 0, fp = 0, fn = 0;
        for (const Sample &s : samples) {
            const bool alerted = replay(*s.project, s.days, candidate).flaggedEarly;
            tp += alerted && s.overran;
            fp += alerted && !s.overran;
            fn += !alerted && s.overran;
        }
        const double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        if (f1 > best.f1 + 1e-9) {
            best.f1 = f1;
            best.params = candidate;
        }
    }
    return best;
}

QString fraction(int n, int d)
{
    return d == 0 ? QStringLiteral("0.0000") : marginRiskRatio(double(n) / double(d));
}

} // namespace

InsightsTrained trainMarginRisk(QSqlDatabase db, QDate asOf, const InsightsProgress &report)
{
    const auto progress = [&report](int percent, const QString &step) {
        if (report)
            report(percent, step);
    };
    InsightsTrained t;
    progress(5, QStringLiteral("Reading the projects' history"));
    const MarginRiskHistory history = loadMarginRiskHistory(db, asOf);
    const qint64 asOfDay = asOf.toJulianDay();
    const QDate cutoff = asOf.addMonths(-6);
    const qint64 cutoffDay = cutoff.toJulianDay();

    MarginRiskParameters base;
    base.firmTargetMargin = marginRiskFirmTarget(db, cutoff);

    progress(30, QStringLiteral("Fitting the burn threshold before the cut-off"));
    const MarginRiskFit before = fit(history, cutoffDay, base);

    progress(55, QStringLiteral("Replaying the weeks after the cut-off"));
    int planted = 0, plantedEarly = 0, flagged = 0, flaggedJudged = 0, flaggedOverran = 0,
        replayed = 0;
    for (const auto &p : history.projects) {
        if (p.end < cutoffDay)
            continue;
        ++replayed;
        const MarginRiskReplay r =
            replay(p, weeklyDays(asOfDay, std::max(p.start, cutoffDay), std::min(p.end, asOfDay)),
                   before.params);
        if (p.planted && r.earlyPossible) {
            ++planted;
            plantedEarly += r.flaggedEarly ? 1 : 0;
        }
        if (r.flaggedAny) {
            ++flagged;
            const Outcome o = outcomeOf(p, asOfDay, before.params);
            if (o != Outcome::Unknown) {
                ++flaggedJudged;
                flaggedOverran += o == Outcome::Overrun ? 1 : 0;
            }
        }
    }

    progress(80, QStringLiteral("Fitting on the whole history"));
    MarginRiskParameters finalBase;
    finalBase.firmTargetMargin = marginRiskFirmTarget(db, asOf);
    const MarginRiskFit final = fit(history, asOfDay, finalBase);

    t.parameters = final.params.toJson();
    t.parameters.insert(QStringLiteral("fit_f1"), marginRiskRatio(final.f1));
    t.sampleSize = final.projects;
    t.backtest = QJsonObject{
        {"cutoff", cutoff.toString(Qt::ISODate)},
        {"trained_on", before.projects},
        {"scored_on", replayed},
        {"figures",
         QJsonObject{{"margin_risk_early_recall", fraction(plantedEarly, planted)},
                     {"margin_risk_precision", fraction(flaggedOverran, flaggedJudged)}}},
        {"notes",
         QStringLiteral(
             "Burn threshold %1 fitted (F1 %2) on the %3 projects finished before %4 (%5 overran: "
             "cost at completion at least 1.2 times the cost budget). Replayed weekly from the "
             "cut-off to %6 on the %7 projects running after it: %8 of %9 planted overruns that "
             "could be judged before half their budget was spent were flagged by then; %10 of "
             "the %11 flagged projects whose outcome is known (finished, or past half their "
             "schedule and projected from their burn) overran (%12 flagged in all).")
             .arg(QString::number(before.params.burnThreshold, 'f', 2), marginRiskRatio(before.f1))
             .arg(before.projects)
             .arg(cutoff.toString(Qt::ISODate))
             .arg(before.overruns)
             .arg(asOf.toString(Qt::ISODate))
             .arg(replayed)
             .arg(plantedEarly)
             .arg(planted)
             .arg(flaggedOverran)
             .arg(flaggedJudged)
             .arg(flagged)}};
    progress(100, QStringLiteral("Done"));
    return t;
}

} // namespace keel
