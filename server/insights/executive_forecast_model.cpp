#include "executive_forecast_params.h"
#include "insights_model.h"
#include "insights_stats.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace keel {

namespace {

// Months the backtest needs before its first origin, so the expanding fit has history to learn.
constexpr int kWarmUpMonths = 6;
constexpr int kHorizons = 12;
// The pipeline's realisation drifts as the firm's pipeline grows: it is learned from the latest
// forecasts of each horizon only.
constexpr int kRealisationWindow = 6;
// The horizon forecast_mape_3m measures.
constexpr int kMeasuredHorizon = 3;

int monthsBetween(QDate from, QDate to)
{
    return (to.year() - from.year()) * 12 + to.month() - from.month();
}

QDate monthOf(QDate d)
{
    return QDate(d.year(), d.month(), 1);
}

struct ExecForecastBacklog
{
    double total = 0, tm = 0; // group currency
};

struct ExecForecastDeal
{
    QDate expectedClose;
    qint64 serviceLine = 0;
    double weighted = 0; // value × probability, group currency
};

struct ExecForecastHistory
{
    QList<qint64> entities;
    QDate lastRecognised;
    QList<QDate> origins;
    std::map<std::pair<QDate, QDate>, ExecForecastBacklog> backlog; // (origin, month)
    QHash<QDate, double> actual;
    QHash<QDate, QList<ExecForecastDeal>> pipeline; // by origin
};

QString ids(const QList<qint64> &entities)
{
    db::PgArray a;
    for (qint64 id : entities)
        a.add(id);
    return a.literal();
}

// Everything the backtest compares, in the group currency: both sides of a month are converted at
// that month's end (analytics_fx_rate), so the error measures revenue, not exchange-rate moves.
ExecForecastHistory loadHistory(QSqlDatabase db, QDate asOfMonth)
{
    ExecForecastHistory h;
    QSqlQuery e = db::exec(db, QStringLiteral("SELECT id FROM legal_entities ORDER BY id"));
    while (e.next())
        h.entities.append(e.value(0).toLongLong());
    const QString all = ids(h.entities);

    // The last month every entity has recognised (a month one entity has not run yet would
    // read as a miss).
    QSqlQuery r = db::query(
        db,
        QStringLiteral(
            "SELECT min(m) FROM (SELECT le.id, max(rr.period_start) AS m FROM legal_entities le "
            "LEFT JOIN revenue_runs rr ON rr.legal_entity_id = le.id AND rr.status = 'completed' "
            "WHERE le.id = ANY(?::bigint[]) GROUP BY le.id) x"),
        {all});
    if (r.next() && !r.value(0).isNull())
        h.lastRecognised = std::min(r.value(0).toDate(), asOfMonth.addMonths(-1));

    QSqlQuery o = db::query(
        db,
        QStringLiteral(
            "SELECT snapshot_month FROM revenue_forecast_snapshot_takes WHERE legal_entity_id = "
            "ANY(?::bigint[]) AND snapshot_month < ? GROUP BY 1 HAVING count(*) = "
            "cardinality(?::bigint[]) "
            "ORDER BY 1"),
        {all, asOfMonth, all});
    while (o.next())
        h.origins.append(o.value(0).toDate());
    if (h.origins.isEmpty() || !h.lastRecognised.isValid())
        return h;

    QSqlQuery b = db::query(db, QStringLiteral(R"(
WITH tm AS (SELECT DISTINCT contract_id FROM contract_lines WHERE billing_model = 'time_and_materials')
SELECT s.snapshot_month, s.forecast_month,
       sum(s.amount * x.rate),
       sum(CASE WHEN tm.contract_id IS NULL THEN 0 ELSE s.amount * x.rate END)
FROM revenue_forecast_snapshots s
JOIN legal_entities le ON le.id = s.legal_entity_id
LEFT JOIN tm ON tm.contract_id = s.contract_id
CROSS JOIN group_settings g
CROSS JOIN LATERAL (SELECT analytics_fx_rate(le.functional_currency, g.group_currency,
    (s.forecast_month + interval '1 month - 1 day')::date) AS rate) x
WHERE s.legal_entity_id = ANY(?::bigint[]) AND s.snapshot_month < ? AND s.forecast_month <= ?
GROUP BY 1, 2)"),
                            {all, asOfMonth, h.lastRecognised});
    while (b.next())
        h.backlog[{b.value(0).toDate(), b.value(1).toDate()}] = {b.value(2).toDouble(),
                                                                 b.value(3).toDouble()};

    QSqlQuery a = db::query(db, QStringLiteral(R"(
SELECT m.month, sum(m.v * analytics_fx_rate(le.functional_currency, g.group_currency,
                                            (m.month + interval '1 month - 1 day')::date))
FROM (SELECT jl.legal_entity_id, date_trunc('month', jl.entry_date)::date AS month,
             sum(jl.functional_credit - jl.functional_debit) AS v
      FROM journal_lines jl JOIN ledger_accounts la ON la.id = jl.ledger_account_id
      WHERE la.role = 'revenue' AND jl.legal_entity_id = ANY(?::bigint[])
        AND jl.entry_date >= ? AND jl.entry_date < ?
      GROUP BY 1, 2) m
JOIN legal_entities le ON le.id = m.legal_entity_id CROSS JOIN group_settings g
GROUP BY 1)"),
                            {all, h.origins.first(), h.lastRecognised.addMonths(1)});
    while (a.next())
        h.actual.insert(a.value(0).toDate(), a.value(1).toDouble());

    // The deals open when each origin began (stage history), weighted with what was known of
    // their stage then: the firm's win rate of deals that had passed through it and closed
    // before the origin (at least ten of them; else the stage's own probability). No scoring
    // model existed as of those months; this stage-only one is calibrated as the scoring
    // model is, so the realisation learned on it applies to the model's probabilities.
    db::PgArray origins;
    for (QDate d : h.origins)
        origins.add(d);
    QSqlQuery p = db::query(db, QStringLiteral(R"(
WITH g AS (SELECT * FROM unnest(?::date[]) AS g(o)),
closed AS (
    SELECT h.opportunity_id AS id, os.is_won AS won, min(h.changed_at) AS closed_at
    FROM opportunity_stage_history h JOIN opportunity_stages os ON os.id = h.to_stage_id
    JOIN opportunities op ON op.id = h.opportunity_id
    WHERE (os.is_won OR os.is_lost) AND op.legal_entity_id = ANY(?::bigint[])
    GROUP BY 1, 2),
rates AS (
    SELECT g.o, h.to_stage_id AS stage, count(DISTINCT c.id) AS n,
           count(DISTINCT c.id) FILTER (WHERE c.won) AS won
    FROM g JOIN closed c ON c.closed_at < g.o
    JOIN opportunity_stage_history h ON h.opportunity_id = c.id AND h.changed_at <= c.closed_at
    GROUP BY 1, 2)
SELECT g.o, op.expected_close,
       (SELECT min(s.service_line_id) FROM opportunity_service_lines s WHERE s.opportunity_id = op.id),
       op.expected_value * analytics_fx_rate(op.currency::char(3), le.functional_currency, g.o)
           * analytics_fx_rate(le.functional_currency, gs.group_currency, g.o)
           * CASE WHEN r.n >= 10 THEN r.won::numeric / r.n ELSE st.probability / 100 END
FROM g
JOIN opportunities op ON op.created_at < g.o AND op.legal_entity_id = ANY(?::bigint[])
JOIN legal_entities le ON le.id = op.legal_entity_id
CROSS JOIN group_settings gs
CROSS JOIN LATERAL (SELECT h.to_stage_id, h.probability FROM opportunity_stage_history h
                    WHERE h.opportunity_id = op.id AND h.changed_at < g.o
                    ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) st
JOIN opportunity_stages os ON os.id = st.to_stage_id AND NOT os.is_won AND NOT os.is_lost
LEFT JOIN rates r ON r.o = g.o AND r.stage = st.to_stage_id)"),
                            {origins.literal(), all, all});
    while (p.next())
        h.pipeline[p.value(0).toDate()].append(
            {p.value(1).toDate(), p.value(2).toLongLong(), p.value(3).toDouble()});
    return h;
}

// The pipeline's share of month `month` as a forecast made when `origin` began: the deal starts
// its service line's duration from the later of its expected close and the origin, plus the lag.
double pipelineIn(const QList<ExecForecastDeal> &deals, const ExecutiveForecastFit &fit,
                  QDate origin, QDate month)
{
    double sum = 0;
    for (const ExecForecastDeal &d : deals) {
        const QDate close = d.expectedClose.isValid() ? std::max(d.expectedClose, origin) : origin;
        const QDate start = monthOf(close.addDays(fit.lagDays));
        const int duration = std::max(1, int(std::lround(fit.durationOf(d.serviceLine))));
        const int k = monthsBetween(start, month);
        if (k >= 0 && k < duration)
            sum += d.weighted / duration;
    }
    return sum;
}

// The realisation of the pipeline by horizon: over the latest six forecasts of the horizon that
// could have been made before `bound` (origin O, month m = O + h < bound, recognised), what
// arrived beyond the schedules' backlog and the run-rate, against the weighted pipeline placed
// in m (a ratio of sums: a median of the forecasts' ratios did worse on the demo). Between 0 and
// 1.5; a horizon with fewer than four such forecasts takes the pooled figure, 1 without history.
// Only origins from `since` (the first month with recognised revenue) count: a snapshot taken
// before the firm had any revenue has no backlog, so everything that arrived would read as
// pipeline and the realisation would learn the ramp-up, not how deals turn into revenue.
// `forecasts` receives how many forecasts each horizon's figure rests on.
std::array<double, kHorizons> pipelineRealisation(const ExecForecastHistory &h,
                                                  const ExecutiveForecastFit &fit, QDate bound,
                                                  QDate since,
                                                  std::array<int, kHorizons> *forecasts = nullptr)
{
    std::array<double, kHorizons> arrived{}, placed{};
    std::array<int, kHorizons> pairs{};
    for (auto it = h.origins.crbegin(); it != h.origins.crend(); ++it) {
        const QDate o = *it;
        if (o >= bound || o < since)
            continue;
        const QList<ExecForecastDeal> deals = h.pipeline.value(o);
        for (std::size_t k = 0; k < std::size_t(kHorizons); ++k) {
            const QDate m = o.addMonths(int(k));
            if (m >= bound || m > h.lastRecognised)
                break;
            if (pairs[k] >= kRealisationWindow)
                continue;
            const double actual = h.actual.value(m);
            if (actual <= 0)
                continue;
            const auto b = h.backlog.find({o, m});
            const ExecForecastBacklog backlog =
                b == h.backlog.end() ? ExecForecastBacklog{} : b->second;
            arrived[k] += actual - backlog.total - (fit.tmRatio - 1) * backlog.tm;
            placed[k] += pipelineIn(deals, fit, o, m);
            ++pairs[k];
        }
    }
    double allArrived = 0, allPlaced = 0;
    int allPairs = 0;
    for (std::size_t k = 0; k < std::size_t(kHorizons); ++k) {
        allArrived += arrived[k];
        allPlaced += placed[k];
        allPairs += pairs[k];
    }
    const double pooled =
        allPairs < 6 || allPlaced <= 0 ? 1 : std::clamp(allArrived / allPlaced, 0.0, 1.5);
    std::array<double, kHorizons> out;
    for (std::size_t k = 0; k < std::size_t(kHorizons); ++k)
        out[k] =
            pairs[k] < 4 || placed[k] <= 0 ? pooled : std::clamp(arrived[k] / placed[k], 0.0, 1.5);
    if (forecasts)
        *forecasts = pairs;
    return out;
}

QString oneDecimal(double v)
{
    return QString::number(v, 'f', 1);
}

InsightsTrained train(QSqlDatabase db, QDate asOf, const InsightsProgress &progress)
{
    InsightsTrained t;
    const QDate asOfMonth = monthOf(asOf);
    if (progress)
        progress(5, QStringLiteral("Reading the schedules' snapshots, revenue and pipeline"));
    const ExecForecastHistory h = loadHistory(db, asOfMonth);

    // Expanding-window backtest: each origin O is forecast with parameters fitted on what was
    // known before O (contracts signed, months recognised, snapshots taken), from O's snapshot of
    // the schedules and the deals open at O; then compared with what O + h recognised.
    // ape3 holds the origins past the warm-up (the figure), ape3All every origin (reported too).
    std::vector<double> ape3, ape3All;
    std::array<std::vector<double>, kHorizons> relative;
    QJsonArray perOrigin;
    QStringList perOriginText;
    QDate firstScored, lastScored, firstAny;
    int scoredMonths = 0;
    // The warm-up counts from the first month with recognised revenue (snapshots of the months
    // before the firm's first contract are empty).
    QDate firstOrigin;
    for (auto it = h.actual.cbegin(); it != h.actual.cend(); ++it)
        if (it.value() > 0 && (!firstOrigin.isValid() || it.key() < firstOrigin))
            firstOrigin = it.key();
    for (qsizetype i = 0; i < h.origins.size(); ++i) {
        const QDate o = h.origins.at(i);
        if (!firstOrigin.isValid() || monthsBetween(firstOrigin, o) < kWarmUpMonths ||
            o > h.lastRecognised)
            continue;
        if (progress)
            progress(
                10 + int(70 * i / std::max<qsizetype>(1, h.origins.size())),
                QStringLiteral("Backtesting the forecast made in %1").arg(o.toString("yyyy-MM")));
        ExecutiveForecastFit fit = fitExecutiveForecast(db, h.entities, o);
        std::array<int, kHorizons> window{};
        fit.pipelineRealisation = pipelineRealisation(h, fit, o, firstOrigin, &window);
        // Warm-up: the measured horizon's realisation is learned from its latest six forecasts;
        // before six of them were made and recognised, the origin's forecast rests on a pooled
        // or borrowed figure the model would not use on a firm with that history, so it is
        // reported (all origins) but not counted in the figure.
        const bool counted = window[std::size_t(kMeasuredHorizon)] >= kRealisationWindow;
        for (int k = 0; k < kHorizons; ++k) {
            const QDate m = o.addMonths(k);
            if (m > h.lastRecognised)
                break;
            const double actual = h.actual.value(m);
            if (actual <= 0)
                continue;
            const auto b = h.backlog.find({o, m});
            const ExecForecastBacklog backlog =
                b == h.backlog.end() ? ExecForecastBacklog{} : b->second;
            const double runRate = (fit.tmRatio - 1) * backlog.tm;
            const double pipeline = fit.pipelineRealisation[std::size_t(k)] *
                                    pipelineIn(h.pipeline.value(o), fit, o, m);
            const double forecast = backlog.total + runRate + pipeline;
            if (forecast > 0)
                relative[std::size_t(k)].push_back((actual - forecast) / forecast);
            ++scoredMonths;
            if (k == kMeasuredHorizon) {
                const double ape = std::abs(forecast - actual) / actual;
                ape3All.push_back(ape);
                if (!firstAny.isValid())
                    firstAny = o;
                perOriginText.append(QStringLiteral("%1 %2%3 %")
                                         .arg(o.toString("yyyy-MM"), counted ? "" : "(warm-up) ")
                                         .arg(100 * (forecast - actual) / actual, 0, 'f', 1));
                perOrigin.append(
                    QJsonObject{{QStringLiteral("origin"), o.toString("yyyy-MM")},
                                {QStringLiteral("counted"), counted},
                                {QStringLiteral("ape"), QString::number(ape, 'f', 4)},
                                {QStringLiteral("month"), m.toString("yyyy-MM")},
                                {QStringLiteral("forecast"), QString::number(forecast, 'f', 0)},
                                {QStringLiteral("backlog"), QString::number(backlog.total, 'f', 0)},
                                {QStringLiteral("run_rate"), QString::number(runRate, 'f', 0)},
                                {QStringLiteral("pipeline"), QString::number(pipeline, 'f', 0)},
                                {QStringLiteral("actual"), QString::number(actual, 'f', 0)}});
                if (!counted)
                    continue;
                ape3.push_back(ape);
                if (!firstScored.isValid())
                    firstScored = o;
                lastScored = o;
            }
        }
    }

    if (progress)
        progress(85, QStringLiteral("Fitting on the whole history"));
    ExecutiveForecastFit fit = fitExecutiveForecast(db, h.entities, asOf.addDays(1));
    fit.pipelineRealisation = pipelineRealisation(h, fit, asOfMonth, firstOrigin);
    // Horizons the history cannot measure borrow the nearest measured one's range.
    int nearest = -1;
    for (int k = 0; k < kHorizons; ++k) {
        if (relative[std::size_t(k)].size() >= 3)
            nearest = k;
        const int use = relative[std::size_t(k)].size() >= 3 ? k : nearest;
        if (use >= 0) {
            fit.p10[std::size_t(k)] =
                std::max(-0.95, stats::quantile(relative[std::size_t(use)], 0.1));
            fit.p90[std::size_t(k)] = stats::quantile(relative[std::size_t(use)], 0.9);
        } else {
            fit.p10[std::size_t(k)] = -0.2;
            fit.p90[std::size_t(k)] = 0.2;
        }
    }
    t.parameters = fit.toJson();
    t.sampleSize = fit.contracts;

    QJsonObject figures;
    const auto mean = [](const std::vector<double> &v) {
        double s = 0;
        for (double x : v)
            s += x;
        return s / double(v.size());
    };
    if (!ape3.empty())
        figures.insert(QStringLiteral("forecast_mape_3m"), oneDecimal(100 * mean(ape3)));
    if (!ape3All.empty())
        figures.insert(QStringLiteral("forecast_mape_3m_all_origins"),
                       oneDecimal(100 * mean(ape3All)));
    QJsonArray errorsByHorizon;
    for (int k = 0; k < kHorizons; ++k) {
        const auto &v = relative[std::size_t(k)];
        errorsByHorizon.append(QJsonObject{
            {QStringLiteral("horizon"), k},
            {QStringLiteral("n"), int(v.size())},
            {QStringLiteral("p10"),
             v.empty() ? QJsonValue()
                       : QJsonValue(QString::number(stats::quantile(v, 0.1), 'f', 4))},
            {QStringLiteral("p50"),
             v.empty() ? QJsonValue()
                       : QJsonValue(QString::number(stats::quantile(v, 0.5), 'f', 4))},
            {QStringLiteral("p90"),
             v.empty() ? QJsonValue()
                       : QJsonValue(QString::number(stats::quantile(v, 0.9), 'f', 4))}});
    }
    t.backtest = QJsonObject{
        {QStringLiteral("cutoff"),
         firstScored.isValid() ? firstScored.toString(Qt::ISODate) : QString()},
        {QStringLiteral("trained_on"),
         QStringLiteral("for each origin month, what was known before it: contracts signed, "
                        "months recognised, the schedules' snapshot taken when it began, deals "
                        "open then")},
        {QStringLiteral("scored_on"),
         QStringLiteral("%1 forecasts 3 months ahead past the warm-up (origins %2 to %3) of %4 "
                        "(from %5); %6 origin-months over horizons 0-11")
             .arg(ape3.size())
             .arg(firstScored.toString("yyyy-MM"), lastScored.toString("yyyy-MM"))
             .arg(ape3All.size())
             .arg(firstAny.toString("yyyy-MM"))
             .arg(scoredMonths)},
        {QStringLiteral("figures"), figures},
        {QStringLiteral("relative_errors"), errorsByHorizon},
        {QStringLiteral("forecasts_3m"), perOrigin},
        {QStringLiteral("notes"),
         QStringLiteral(
             "Rolling origin: every month O from six months after the first recognised month on "
             "is forecast with parameters fitted only on what was known before O (the cut-off "
             "is O; `cutoff` is the first origin counted in forecast_mape_3m): the "
             "signature-to-start lag and the duration "
             "per service line from contracts signed before O, the T&M ratio (recognised T&M "
             "revenue / what earlier snapshots planned for those contracts), and the "
             "pipeline's realisation by horizon (revenue beyond backlog and run-rate / weighted "
             "pipeline placed, over the latest six forecasts of the horizon whose month was "
             "recognised before O). Backlog = "
             "the revenue_forecast_snapshots of O; pipeline = the deals open at O (stage "
             "history) weighted with their stage's win rate among deals closed before O (the "
             "stage's own probability below ten of them; no scoring model existed as of O; "
             "expected close and value as they are now: the history does not keep them), "
             "placed from max(expected close, O) + lag over the service line's median "
             "duration. Compared with recognised revenue (role revenue) of O + h in the group "
             "currency, both sides at that month's closing rate, months every entity has "
             "recognised. Warm-up: an origin counts in forecast_mape_3m only once the "
             "realisation at h = 3 rests on its full window, six forecasts of horizon 3 made "
             "from the first recognised month on and recognised before O (so at least nine "
             "months of recognised revenue and of snapshots before O); earlier origins learned "
             "from the firm's first months only and "
             "are reported in forecast_mape_3m_all_origins and forecasts_3m (`counted` false). "
             "forecast_mape_3m = mean |forecast - actual| / actual at h = 3, in "
             "percent. P10/P90 = the 10 and 90 % quantiles of (actual - forecast) / forecast "
             "per horizon h = 0..11 (a horizon with fewer than 3 measured takes the nearest "
             "shorter one's; every origin, warm-up included, so the range stays wide enough); "
             "the answer's range is expected x (1 + P10) .. (1 + P90), "
             "widened to hold the expected value. Error (forecast - actual) / actual at h = 3 "
             "by origin: %1.")
             .arg(perOriginText.join(QStringLiteral(", ")))}};
    if (progress)
        progress(100, QStringLiteral("Done"));
    return t;
}

} // namespace

InsightsModelSpec executiveForecastModel()
{
    InsightsModelSpec spec;
    spec.name = QStringLiteral("executive_forecast");
    spec.title = QStringLiteral("Executive forecast");
    spec.description = QStringLiteral(
        "Revenue by month for the next 12 months: the schedules' backlog, the pipeline weighted "
        "by win probability and placed by the firm's signature-to-start lag and durations, and "
        "the T&M run-rate, with a P10-P90 range from the backtest and a capacity check");
    spec.train = train;
    return spec;
}

} // namespace keel
