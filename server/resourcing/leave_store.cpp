#include "leave_store.h"

#include "employee_access.h"
#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {
const QString kLeaveColumns = QStringLiteral(
    "SELECT l.id, l.employee_id, u.display_name, l.start_date, l.end_date, "
    "l.hours_per_day::text, l.leave_type, l.status, l.note, l.version, le.code, e.user_id, "
    "(SELECT count(*) FROM generate_series(l.start_date, l.end_date, interval '1 day') d "
    " WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE "
    " h.country = e.country AND h.date = d::date)) "
    "FROM employee_leave l JOIN employees e ON e.id = l.employee_id "
    "JOIN users u ON u.id = e.user_id JOIN legal_entities le ON le.id = e.legal_entity_id ");

QJsonObject leaveFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"employee_id", idToJson(q.value(1).toLongLong())},
            {"employee_name", q.value(2).toString()},
            {"start_date", dateToJson(q.value(3).toDate())},
            {"end_date", dateToJson(q.value(4).toDate())},
            {"hours_per_day", decimalText(q.value(5))},
            {"full_days", q.value(5).isNull()},
            {"leave_type", q.value(6).toString()},
            {"status", q.value(7).toString()},
            {"note", optText(q.value(8))},
            {"version", q.value(9).toInt()},
            {"working_days", q.value(12).toInt()}};
}
} // namespace

QSqlDatabase LeaveStore::db() const
{
    return db::connection(m_config);
}

std::optional<LeaveStore::Row> LeaveStore::leave(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kLeaveColumns + QStringLiteral("WHERE l.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF l") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return Row{leaveFrom(q), q.value(10).toString(), q.value(11).toLongLong()};
}

QJsonArray LeaveStore::list(const LeaveFilter &f, qint64 after, int limit) const
{
    QString sql = kLeaveColumns + QStringLiteral("WHERE l.id > ? AND ") + f.visibleSql;
    QVariantList binds{after};
    binds << f.visibleBinds;
    if (f.employeeId) {
        sql += QStringLiteral(" AND l.employee_id = ?");
        binds << f.employeeId;
    }
    if (!f.status.isEmpty()) {
        sql += QStringLiteral(" AND l.status = ?");
        binds << f.status;
    }
    if (f.from.isValid()) {
        sql += QStringLiteral(" AND l.end_date >= ?");
        binds << f.from;
    }
    if (f.to.isValid()) {
        sql += QStringLiteral(" AND l.start_date <= ?");
        binds << f.to;
    }
    sql += QStringLiteral(" ORDER BY l.id LIMIT ?");
    binds << limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(leaveFrom(q));
    return out;
}

qint64 LeaveStore::insert(qint64 employeeId, QDate start, QDate end, const QString &hoursPerDay,
                          const QString &type, const QString &note, qint64 createdBy) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO employee_leave (employee_id, start_date, end_date, "
                       "hours_per_day, leave_type, note, created_by) VALUES (?, ?, ?, ?::numeric, "
                       "?, ?, ?) RETURNING id"),
        {employeeId, start, end, nullableText(hoursPerDay), type, nullableText(note), createdBy});
    q.next();
    return q.value(0).toLongLong();
}

void LeaveStore::setStatus(qint64 id, const QString &status) const
{
    db::query(db(),
              QStringLiteral("UPDATE employee_leave SET status = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {status, id});
}

namespace {
QJsonObject holidayFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"country", q.value(1).toString()},
            {"date", dateToJson(q.value(2).toDate())},
            {"name", q.value(3).toString()},
            {"version", q.value(4).toInt()}};
}
} // namespace

QJsonArray LeaveStore::holidays(const QString &country, QDate from, QDate to, qint64 after,
                                int limit) const
{
    const QVariant c = country.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : country;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT id, country, date, name, version FROM holidays WHERE id > ? AND "
                       "(?::text IS NULL OR country = ?) AND (?::date IS NULL OR date >= ?) AND "
                       "(?::date IS NULL OR date <= ?) ORDER BY id LIMIT ?"),
        {after, c, c, nullableDate(from), nullableDate(from), nullableDate(to), nullableDate(to),
         limit});
    QJsonArray out;
    while (q.next())
        out.append(holidayFrom(q));
    return out;
}

std::optional<QJsonObject> LeaveStore::holiday(qint64 id) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT id, country, date, name, version FROM holidays WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return holidayFrom(q);
}

std::optional<qint64> LeaveStore::insertHoliday(const QString &country, QDate date,
                                                const QString &name) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("INSERT INTO holidays (country, date, name) VALUES (?, "
                                           "?, ?) ON CONFLICT (country, date) DO NOTHING "
                                           "RETURNING id"),
                            {country, date, name});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace keel
