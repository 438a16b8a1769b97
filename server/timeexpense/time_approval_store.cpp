#include "time_approval_store.h"

#include "time_entry_store.h"

#include <QSqlQuery>

namespace keel {

using namespace time_sql;

namespace {

// Who decides a line (aliases t = time_entries, p = projects, e = the line's employee,
// m = e's line manager); the one bind is the approver's user id, twice.
const char *const kApprover =
    "((p.project_manager_id = ? AND e.user_id <> p.project_manager_id) OR "
    "(e.user_id = p.project_manager_id AND m.user_id = ?))";

// Decimal places of a currency's minor unit (ISO 4217), as an SQL expression on `code`.
QString minorUnits(const QString &code)
{
    return QStringLiteral("(CASE WHEN %1 IN ('JPY', 'KRW', 'ISK', 'CLP', 'VND', 'UGX', 'XAF', "
                          "'XOF', 'PYG', 'RWF') THEN 0 WHEN %1 IN ('BHD', 'KWD', 'OMR', 'JOD', "
                          "'TND', 'IQD', 'LYD') THEN 3 ELSE 2 END)")
        .arg(code);
}

// The cost rate of the line's employee on its date (r.hourly_cost, r.currency) and the latest
// exchange rate from it into the project's currency on or before that date (fx.rate).
const char *const kCostJoins =
    " LEFT JOIN LATERAL (SELECT c.hourly_cost, c.currency FROM employee_cost_rates c "
    "WHERE c.employee_id = t.employee_id AND t.work_date BETWEEN c.valid_from AND "
    "coalesce(c.valid_to, 'infinity'::date) ORDER BY c.valid_from DESC LIMIT 1) r ON true "
    "LEFT JOIN LATERAL (SELECT f.rate FROM fx_rates f WHERE f.from_currency = r.currency AND "
    "f.to_currency = p.currency AND f.rate_date <= t.work_date ORDER BY f.rate_date DESC "
    "LIMIT 1) fx ON r.currency <> p.currency ";

} // namespace

QSqlDatabase TimeApprovalStore::db() const
{
    return db::connection(m_config);
}

QByteArray TimeApprovalStore::inboxPage(const InboxQuery &in) const
{
    QString sql = QStringLiteral("SELECT t.work_date, t.id, ") + QLatin1String(kEntryJsonObject) +
                  QStringLiteral(", 'employee_name', u.display_name, 'week_start', "
                                 "date_trunc('week', t.work_date)::date) AS j") +
                  QLatin1String(kEntryJoins) +
                  QStringLiteral("JOIN employees e ON e.id = t.employee_id JOIN users u ON u.id = "
                                 "e.user_id LEFT JOIN employees m ON m.id = e.manager_id "
                                 "WHERE t.status = 'submitted' AND ") +
                  QLatin1String(kApprover);
    QVariantList binds{in.approverUserId, in.approverUserId};
    if (in.projectId) {
        sql += QStringLiteral(" AND t.project_id = ?");
        binds << in.projectId;
    }
    if (in.employeeId) {
        sql += QStringLiteral(" AND t.employee_id = ?");
        binds << in.employeeId;
    }
    if (in.week.isValid()) {
        sql += QStringLiteral(" AND t.work_date BETWEEN ?::date AND ?::date + 6");
        binds << in.week << in.week;
    }
    if (in.afterDate.isValid()) {
        sql += QStringLiteral(" AND (t.work_date, t.id) > (?::date, ?::uuid)");
        binds << in.afterDate << uuidText(in.afterId);
    }
    sql += QStringLiteral(" ORDER BY t.work_date, t.id LIMIT ?");
    binds << in.limit;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT '{\"items\":' || coalesce(json_agg(x.j ORDER BY x.work_date, "
                       "x.id)::text, '[]') || CASE WHEN count(*) = ? THEN ',\"next_after\":' || "
                       "to_json(max(x.work_date::text || '/' || x.id::text))::text ELSE '' END "
                       "|| '}' FROM (") +
            sql + QStringLiteral(") x"),
        QVariantList{in.limit} + binds);
    q.next();
    return q.value(0).toString().toUtf8();
}

QList<LockedLine> TimeApprovalStore::lockLines(const QList<QUuid> &ids, qint64 approverUserId) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT t.id, t.version, t.status, ") + QLatin1String(kApprover) +
                      QStringLiteral(" FROM time_entries t JOIN projects p ON p.id = t.project_id "
                                     "JOIN employees e ON e.id = t.employee_id "
                                     "LEFT JOIN employees m ON m.id = e.manager_id "
                                     "WHERE t.id = ANY(?::uuid[]) ORDER BY t.id FOR UPDATE OF t"),
                  {approverUserId, approverUserId, uuidArray(ids)});
    QList<LockedLine> out;
    out.reserve(ids.size());
    while (q.next())
        out.append(
            {uuidOf(q.value(0)), q.value(1).toInt(), q.value(2).toString(), q.value(3).toBool()});
    return out;
}

QList<UncostedLine> TimeApprovalStore::uncosted(const QList<QUuid> &ids, int limit) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT t.id, u.display_name, t.work_date, r.currency IS NULL, "
                       "r.currency, p.currency FROM time_entries t JOIN projects p ON p.id = "
                       "t.project_id JOIN employees e ON e.id = t.employee_id JOIN users u ON "
                       "u.id = e.user_id") +
            QLatin1String(kCostJoins) +
            QStringLiteral("WHERE t.id = ANY(?::uuid[]) AND (r.currency IS NULL OR "
                           "(r.currency <> p.currency AND fx.rate IS NULL)) "
                           "ORDER BY t.work_date, t.id LIMIT ?"),
        {uuidArray(ids), limit});
    QList<UncostedLine> out;
    while (q.next())
        out.append(
            {uuidOf(q.value(0)), q.value(1).toString(), q.value(2).toDate(),
             q.value(3).toBool() ? QStringLiteral("no_cost_rate") : QStringLiteral("no_fx_rate"),
             q.value(4).toString(), q.value(5).toString()});
    return out;
}

QString TimeApprovalStore::approve(const QList<QUuid> &ids, qint64 userId) const
{
    const QString array = uuidArray(ids);
    // Task rows in id order first, so two decisions touching the same tasks queue.
    db::query(db(),
              QStringLiteral("SELECT 1 FROM project_tasks WHERE id IN (SELECT task_id FROM "
                             "time_entries WHERE id = ANY(?::uuid[])) ORDER BY id FOR UPDATE"),
              {array});
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("WITH x AS (SELECT t.id, r.hourly_cost, r.currency, round(t.hours * "
                       "r.hourly_cost, %1) AS cost, t.task_id, t.hours, "
                       "round(round(t.hours * r.hourly_cost, %1) * coalesce(fx.rate, 1), %2) "
                       "AS project_cost FROM time_entries t JOIN projects p ON p.id = "
                       "t.project_id")
                .arg(minorUnits(QStringLiteral("r.currency")),
                     minorUnits(QStringLiteral("p.currency"))) +
            QLatin1String(kCostJoins) +
            QStringLiteral(
                "WHERE t.id = ANY(?::uuid[])), "
                "upd AS (UPDATE time_entries t SET status = 'approved', decided_at = now(), "
                "decided_by = ?, rejection_reason = NULL, cost_rate = x.hourly_cost, "
                "cost_amount = x.cost, cost_currency = x.currency, updated_at = now(), "
                "version = t.version + 1 FROM x WHERE t.id = x.id RETURNING t.id), "
                "tasks AS (UPDATE project_tasks k SET actual_hours = k.actual_hours + a.hours, "
                "actual_cost = k.actual_cost + a.cost FROM (SELECT task_id, sum(hours) AS hours, "
                "sum(project_cost) AS cost FROM x WHERE task_id IS NOT NULL GROUP BY task_id) a "
                "WHERE k.id = a.task_id RETURNING k.id) "
                "SELECT coalesce(sum(hours), 0)::text, (SELECT count(*) FROM upd), "
                "(SELECT count(*) FROM tasks) FROM x"),
        {array, userId});
    q.next();
    return q.value(0).toString();
}

void TimeApprovalStore::reject(const QList<QUuid> &ids, qint64 userId, const QString &reason) const
{
    db::query(db(),
              QStringLiteral("UPDATE time_entries SET status = 'rejected', decided_at = now(), "
                             "decided_by = ?, rejection_reason = ?, updated_at = now(), "
                             "version = version + 1 WHERE id = ANY(?::uuid[])"),
              {userId, reason, uuidArray(ids)});
}

QList<QPair<QUuid, int>> TimeApprovalStore::versions(const QList<QUuid> &ids) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral(
                      "SELECT id, version FROM time_entries WHERE id = ANY(?::uuid[]) ORDER BY id"),
                  {uuidArray(ids)});
    QList<QPair<QUuid, int>> out;
    while (q.next())
        out.append({uuidOf(q.value(0)), q.value(1).toInt()});
    return out;
}

} // namespace keel
