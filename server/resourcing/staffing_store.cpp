#include "staffing_store.h"

#include "staffing_weights.h"

#include <QSqlQuery>
#include <QVariantList>

namespace keel {

namespace {
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
} // namespace

QSqlDatabase StaffingStore::db() const
{
    return db::connection(m_config);
}

std::optional<StaffingRequest> StaffingStore::request(qint64 id) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT r.id, le.code, le.id, r.job_role_id, jr.code, jr.name, r.hours_per_week, "
            "r.start_date, r.end_date, r.kind, r.status, r.location_country, r.location_city, "
            "round(r.hours_per_week * keel_weekdays(r.start_date, r.end_date) / 5, 2), "
            "(SELECT string_agg(s.code || ':' || rs.min_level, ',' ORDER BY s.code) "
            "FROM resource_request_skills rs JOIN skills s ON s.id = rs.skill_id "
            "WHERE rs.request_id = r.id) "
            "FROM resource_requests r JOIN legal_entities le ON le.id = r.legal_entity_id "
            "JOIN job_roles jr ON jr.id = r.job_role_id WHERE r.id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    StaffingRequest r;
    r.id = q.value(0).toLongLong();
    r.entity = q.value(1).toString();
    r.entityId = q.value(2).toLongLong();
    r.jobRoleId = q.value(3).toLongLong();
    r.jobRole = q.value(4).toString();
    r.jobRoleName = q.value(5).toString();
    r.hoursPerWeek = q.value(6).toString();
    r.start = q.value(7).toDate();
    r.end = q.value(8).toDate();
    r.kind = q.value(9).toString();
    r.status = q.value(10).toString();
    r.locationCountry = q.value(11).toString().trimmed();
    r.locationCity = q.value(12).toString();
    r.neededHours = q.value(13).toString();
    const QString skills = q.value(14).toString();
    if (!skills.isEmpty()) {
        for (const QString &s : skills.split(u',')) {
            const qsizetype colon = s.lastIndexOf(u':');
            r.skills.append({s.left(colon), s.mid(colon + 1).toInt()});
        }
    }
    return r;
}

QList<StaffingCandidate> StaffingStore::candidates(const StaffingRequest &request,
                                                   const EntityScope &scope) const
{
    // par: the request's facts and the weights, bound once. cap / bk: available and booked
    // hours of everyone in the range; sk: skill value against the required skills; base: one
    // row per person in scope with the facts; v: factor values 0..1; pts: weight × value.
    QVariantList binds{request.start,
                       request.end,
                       request.neededHours,
                       request.jobRoleId,
                       request.entityId,
                       textOrNull(request.locationCountry),
                       textOrNull(request.locationCity),
                       QString::fromLatin1(staffing::kSkillWeight),
                       QString::fromLatin1(staffing::kCapacityWeight),
                       QString::fromLatin1(staffing::kUtilisationWeight),
                       QString::fromLatin1(staffing::kCostWeight),
                       QString::fromLatin1(staffing::kLocationWeight),
                       request.id};
    const QString where = entityScopeSql(scope, QStringLiteral("le"), binds);
    const QString sql =
        QStringLiteral(
            "WITH par AS (SELECT ?::date AS s, ?::date AS e, ?::numeric AS need, "
            "?::bigint AS role_id, ?::bigint AS entity_id, ?::text AS lc, ?::text AS city, "
            "?::numeric AS w_skill, ?::numeric AS w_cap, ?::numeric AS w_util, "
            "?::numeric AS w_cost, ?::numeric AS w_loc, ?::bigint AS request_id), "
            "cap AS (SELECT c.* FROM par, LATERAL employee_range_capacity(par.s, par.e) c), "
            "bk AS (SELECT a.employee_id, round(sum(a.hours_per_week * "
            "keel_weekdays(greatest(a.start_date, par.s), least(a.end_date, par.e)) / 5), 2) "
            "AS booked FROM assignments a, par WHERE a.start_date <= par.e AND a.end_date >= "
            "par.s GROUP BY a.employee_id), "
            "rq AS (SELECT rs.skill_id, rs.min_level, s.code FROM resource_request_skills rs "
            "JOIN skills s ON s.id = rs.skill_id JOIN par ON rs.request_id = par.request_id), "
            "sk AS (SELECT e.id AS employee_id, avg(CASE WHEN coalesce(es.level, 0) >= "
            "rq.min_level THEN 0.5 + 0.1 * es.level ELSE 0.1 * coalesce(es.level, 0) END) AS v, "
            "string_agg(rq.code || ' ' || coalesce(es.level::text, '-') || '/' || rq.min_level, "
            "', ' ORDER BY rq.code) AS detail FROM employees e CROSS JOIN rq "
            "LEFT JOIN employee_skills es ON es.employee_id = e.id AND es.skill_id = rq.skill_id "
            "WHERE e.active GROUP BY e.id), "
            "base AS (SELECT e.id, u.display_name, le.code AS entity, e.country, e.city, "
            "jr.code AS role, p.code AS practice, e.utilisation_target_pct AS target, "
            "cap.capacity_hours AS avail, coalesce(bk.booked, 0) AS booked, "
            "greatest(0, cap.capacity_hours - coalesce(bk.booked, 0)) AS free, "
            "coalesce(sk.v, 1) AS skill_v, coalesce(sk.detail, '') AS skill_detail, "
            "cr.currency AS cost_currency, cr.hourly_cost, jc.hourly_cost AS std_cost "
            "FROM par CROSS JOIN employees e JOIN users u ON u.id = e.user_id "
            "JOIN legal_entities le ON le.id = e.legal_entity_id "
            "JOIN job_roles jr ON jr.id = e.job_role_id "
            "LEFT JOIN practices p ON p.id = e.practice_id "
            "JOIN cap ON cap.employee_id = e.id LEFT JOIN bk ON bk.employee_id = e.id "
            "LEFT JOIN sk ON sk.employee_id = e.id "
            "LEFT JOIN employee_cost_rates cr ON cr.employee_id = e.id AND cr.valid_from <= "
            "par.s AND (cr.valid_to IS NULL OR cr.valid_to >= par.s) "
            "LEFT JOIN LATERAL (SELECT c.hourly_cost FROM job_role_costs c "
            "WHERE c.job_role_id = par.role_id AND c.currency = cr.currency "
            "AND c.valid_from <= par.s AND (c.valid_to IS NULL OR c.valid_to >= par.s) "
            "ORDER BY (c.legal_entity_id = par.entity_id) DESC, c.legal_entity_id LIMIT 1) jc "
            "ON true WHERE e.active AND %1), "
            "v AS (SELECT b.*, round(b.skill_v, 4) AS v_skill, "
            "round(CASE WHEN par.need <= 0 THEN 1 ELSE least(1, b.free / par.need) END, 4) "
            "AS v_cap, "
            "round(CASE WHEN b.avail <= 0 OR b.target <= 0 THEN 0 ELSE greatest(0, b.target - "
            "100 * b.booked / b.avail) / b.target END, 4) AS v_util, "
            "round(CASE WHEN b.hourly_cost IS NULL OR b.std_cost IS NULL OR b.std_cost = 0 "
            "THEN 0.5 WHEN b.hourly_cost <= b.std_cost THEN 1 ELSE greatest(0, 1 - "
            "(b.hourly_cost - b.std_cost) / b.std_cost) END, 4) AS v_cost, "
            "CASE WHEN par.lc IS NULL THEN 1.0 WHEN b.country = par.lc THEN CASE WHEN par.city "
            "IS NULL OR b.city = par.city THEN 1.0 ELSE 0.5 END ELSE 0.0 END AS v_loc "
            "FROM base b, par), "
            "pts AS (SELECT v.*, round(par.w_skill * v_skill, 2) AS p_skill, "
            "round(par.w_cap * v_cap, 2) AS p_cap, round(par.w_util * v_util, 2) AS p_util, "
            "round(par.w_cost * v_cost, 2) AS p_cost, round(par.w_loc * v_loc, 2) AS p_loc "
            "FROM v, par) "
            "SELECT id, display_name, entity, country, city, role, practice, target, avail, "
            "booked, free, CASE WHEN avail > 0 THEN round(100 * booked / avail, 1) END, "
            "skill_detail, cost_currency, hourly_cost, std_cost, "
            "v_skill, v_cap, v_util, v_cost, v_loc, p_skill, p_cap, p_util, p_cost, p_loc, "
            "p_skill + p_cap + p_util + p_cost + p_loc FROM pts")
            .arg(where);
    db::Transaction tx(db()); // read-only; JIT would cost more than the query
    db::exec(tx.database(), QStringLiteral("SET LOCAL jit = off"));
    QSqlQuery q = db::query(tx.database(), sql, binds);
    QList<StaffingCandidate> out;
    while (q.next()) {
        StaffingCandidate c;
        c.employeeId = q.value(0).toLongLong();
        c.name = q.value(1).toString();
        c.entity = q.value(2).toString();
        c.country = q.value(3).toString();
        c.city = q.value(4).toString();
        c.jobRole = q.value(5).toString();
        c.practice = q.value(6).toString();
        c.target = q.value(7).toString();
        c.available = q.value(8).toString();
        c.booked = q.value(9).toString();
        c.free = q.value(10).toString();
        c.utilisation = q.value(11).toString();
        c.skillDetail = q.value(12).toString();
        c.costCurrency = q.value(13).toString();
        c.costRate = q.value(14).toString();
        c.standardCost = q.value(15).toString();
        for (int i = 0; i < kStaffingFactors; ++i) {
            c.values[i] = q.value(16 + i).toString();
            c.points[i] = q.value(21 + i).toString();
        }
        c.score = q.value(26).toString();
        out.append(c);
    }
    tx.commit();
    return out;
}

} // namespace keel
