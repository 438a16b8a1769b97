#include "executive_forecast_params.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <cmath>

namespace keel {

namespace {

QString entityArray(const QList<qint64> &ids)
{
    db::PgArray a;
    for (qint64 id : ids)
        a.add(id);
    return a.literal();
}

QString fraction(double v)
{
    return QString::number(v, 'f', 4);
}

} // namespace

QJsonObject ExecutiveForecastFit::toJson() const
{
    QJsonObject durations;
    for (auto it = durationBy.cbegin(); it != durationBy.cend(); ++it)
        durations.insert(QString::number(it.key()), QString::number(it.value(), 'f', 1));
    QJsonArray lo, hi, realisation;
    for (std::size_t h = 0; h < p10.size(); ++h) {
        lo.append(fraction(p10[h]));
        hi.append(fraction(p90[h]));
        realisation.append(fraction(pipelineRealisation[h]));
    }
    return {{QStringLiteral("lag_days"), lagDays},
            {QStringLiteral("default_duration_months"), QString::number(defaultDuration, 'f', 1)},
            {QStringLiteral("duration_months_by_service_line"), durations},
            {QStringLiteral("tm_ratio"), fraction(tmRatio)},
            {QStringLiteral("contracts"), contracts},
            {QStringLiteral("tm_contract_months"), tmMonths},
            {QStringLiteral("pipeline_realisation"), realisation},
            {QStringLiteral("relative_error_p10"), lo},
            {QStringLiteral("relative_error_p90"), hi}};
}

ExecutiveForecastFit ExecutiveForecastFit::fromJson(const QJsonObject &p)
{
    ExecutiveForecastFit f;
    f.lagDays = p.value(QStringLiteral("lag_days")).toInt(14);
    f.defaultDuration =
        p.value(QStringLiteral("default_duration_months")).toString(QStringLiteral("6")).toDouble();
    const QJsonObject durations =
        p.value(QStringLiteral("duration_months_by_service_line")).toObject();
    for (auto it = durations.begin(); it != durations.end(); ++it)
        f.durationBy.insert(it.key().toLongLong(), it.value().toString().toDouble());
    f.tmRatio = p.value(QStringLiteral("tm_ratio")).toString(QStringLiteral("1")).toDouble();
    f.contracts = p.value(QStringLiteral("contracts")).toInt();
    f.tmMonths = p.value(QStringLiteral("tm_contract_months")).toInt();
    const QJsonArray realisation = p.value(QStringLiteral("pipeline_realisation")).toArray();
    const QJsonArray lo = p.value(QStringLiteral("relative_error_p10")).toArray();
    const QJsonArray hi = p.value(QStringLiteral("relative_error_p90")).toArray();
    for (std::size_t h = 0; h < f.p10.size(); ++h) {
        f.p10[h] = lo.at(qsizetype(h)).toString().toDouble();
        f.p90[h] = hi.at(qsizetype(h)).toString().toDouble();
        f.pipelineRealisation[h] =
            realisation.at(qsizetype(h)).toString(QStringLiteral("1")).toDouble();
    }
    return f;
}

ExecutiveForecastFit fitExecutiveForecast(QSqlDatabase db, const QList<qint64> &entityIds,
                                          QDate bound)
{
    ExecutiveForecastFit f;
    const QString ids = entityArray(entityIds);
    // Lag and duration per service line (the deal's first) from the contracts signed before the
    // bound; months = days / 30.4375 rounded, at least one.
    QSqlQuery q = db::query(db, QStringLiteral(R"(
WITH c AS (
    SELECT c.start_date - c.signature_date AS lag,
           greatest(1, round((c.end_date - c.start_date + 1) / 30.4375)) AS months,
           (SELECT min(s.service_line_id) FROM opportunity_service_lines s
             WHERE s.opportunity_id = c.opportunity_id) AS sl
    FROM contracts c
    WHERE c.legal_entity_id = ANY(?::bigint[]) AND c.status <> 'draft'
      AND c.signature_date < ?)
SELECT sl, GROUPING(sl) AS everyone, count(*),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY months),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)
FROM c GROUP BY GROUPING SETS ((sl), ()))"),
                            {ids, bound});
    while (q.next()) {
        if (q.value(1).toInt() == 1) {
            f.contracts = q.value(2).toInt();
            if (f.contracts > 0) {
                f.defaultDuration = q.value(3).toDouble();
                f.lagDays = int(std::lround(std::max(0.0, q.value(4).toDouble())));
            }
        } else if (!q.value(0).isNull() && q.value(2).toInt() >= 3) {
            // Fewer than three contracts say little about a service line: the firm's median.
            f.durationBy.insert(q.value(0).toLongLong(), q.value(3).toDouble());
        }
    }

    // T&M: what was recognised on T&M contracts in a month against what the snapshots taken
    // before it planned for them, functional amounts, months recognised before the bound only.
    QSqlQuery t = db::query(db, QStringLiteral(R"(
WITH tm AS (SELECT DISTINCT l.contract_id FROM contract_lines l JOIN contracts c ON c.id = l.contract_id
            WHERE l.billing_model = 'time_and_materials' AND c.legal_entity_id = ANY(?::bigint[])),
done AS (SELECT legal_entity_id, period_start FROM revenue_runs
         WHERE status = 'completed' AND legal_entity_id = ANY(?::bigint[]) AND period_start < ?
         GROUP BY 1, 2),
act AS (SELECT r.contract_id, r.period_start AS month,
               sum(r.period_revenue * analytics_fx_rate(r.currency, le.functional_currency,
                   (r.period_start + interval '1 month - 1 day')::date)) AS a
        FROM revenue_recognitions r JOIN tm ON tm.contract_id = r.contract_id
        JOIN legal_entities le ON le.id = r.legal_entity_id
        WHERE r.period_start < ? GROUP BY 1, 2),
plan AS (SELECT s.legal_entity_id, s.contract_id, s.forecast_month, s.amount
         FROM revenue_forecast_snapshots s JOIN tm ON tm.contract_id = s.contract_id
         JOIN done d ON d.legal_entity_id = s.legal_entity_id AND d.period_start = s.forecast_month
         WHERE s.legal_entity_id = ANY(?::bigint[]) AND s.snapshot_month < ?
           AND s.forecast_month < ?)
SELECT count(*), sum(p.amount), sum(coalesce(a.a, 0))
FROM plan p LEFT JOIN act a ON a.contract_id = p.contract_id AND a.month = p.forecast_month)"),
                            {ids, ids, bound, bound, ids, bound, bound});
    if (t.next() && t.value(0).toInt() > 0 && t.value(1).toDouble() > 0) {
        f.tmMonths = t.value(0).toInt();
        f.tmRatio = t.value(2).toDouble() / t.value(1).toDouble();
    }
    return f;
}

} // namespace keel
