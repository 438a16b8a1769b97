#include "timesheet_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "time_entry_rules.h"
#include "workflow/state_machine.h"

namespace keel {

namespace {

constexpr int kMaxWeeks = 53;

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

} // namespace

TimesheetService::TimesheetService(DbConfig config) : m_entries(config), m_store(std::move(config))
{}

QJsonObject TimesheetService::weeks(const Request &request, const QDate &from,
                                    const QDate &to) const
{
    const TimeEmployee me = time_entry_rules::caller(m_entries, request);
    const QDate first = mondayOf(from), last = mondayOf(to);
    if (last < first || first.daysTo(last) / 7 >= kMaxWeeks)
        throw ApiError::invalidField(
            QStringLiteral("to"), QStringLiteral("out_of_range"),
            QStringLiteral("on or after from, at most %1 weeks").arg(kMaxWeeks));
    return {{"items", m_store.weeks(me.id, first, last)}};
}

QJsonObject TimesheetService::submit(const Request &request, const QDate &monday) const
{
    const TimeEmployee me = time_entry_rules::caller(m_entries, request);
    if (monday.dayOfWeek() != 1)
        throw ApiError::invalidField(QStringLiteral("monday"), QStringLiteral("not_monday"),
                                     QStringLiteral("weeks start on a Monday"));
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    m_entries.lockEmployee(me.id);
    const auto closed = m_store.closedDay(me.id, me.legalEntityId, monday);
    if (closed.first.isValid())
        time_entry_rules::throwPeriodClosed(closed.first, closed.second);
    // Drafts and rejected lines alike move on by the machine's "submit".
    const QString to =
        time_entry_rules::machine().next(QStringLiteral("draft"), QStringLiteral("submit"));
    const QList<QUuid> ids = m_store.submitLines(me.id, monday);
    m_store.recordWeek(me.id, monday);
    QJsonObject week = m_store.weeks(me.id, monday, monday).first().toObject();
    QJsonArray lines;
    for (const QUuid &id : ids)
        lines.append(time_sql::uuidText(id));
    week.insert("submitted_lines", lines);
    AuditEntry e = AuditEntry::from(
        request, QStringLiteral("timesheet_week.submit"), QStringLiteral("timesheet_week"),
        QStringLiteral("%1:%2").arg(me.id).arg(monday.toString(Qt::ISODate)));
    e.after = {{"employee_id", idToJson(me.id)},
               {"week_start", week.value("week_start")},
               {"hours", week.value("hours")},
               {"status", to},
               {"lines", lines}};
    appendAudit(d, e);
    tx.commit();
    return week;
}

} // namespace keel
