#include "time_entry_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "time_entry_rules.h"
#include "workflow/state_machine.h"

namespace keel {

using namespace time_sql;
namespace rules = time_entry_rules;

namespace {

constexpr int kListDays = 62;

void audit(const Request &request, QSqlDatabase db, const QString &action, const QUuid &id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e = AuditEntry::from(request, action, QStringLiteral("time_entry"), uuidText(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

ApiError noEntry(const QUuid &id)
{
    return ApiError::notFound(QStringLiteral("You have no time entry %1.").arg(uuidText(id)));
}

// Drafts are edited in place, rejected lines go back to draft; anything the approval flow has
// moved on is corrected by an adjustment instead.
QString statusAfterEdit(const TimeEntryRow &row)
{
    if (row.status == QLatin1String("draft"))
        return row.status;
    if (const auto to = rules::machine().tryNext(row.status, QStringLiteral("edit")))
        return *to;
    if (row.status == QLatin1String("approved") || row.status == QLatin1String("invoiced"))
        throw ApiError::conflict(QStringLiteral("This entry is %1 and can no longer be edited; "
                                                "correct it with an adjustment.")
                                     .arg(row.status));
    throw ApiError::conflict(
        QStringLiteral("This entry is %1 and cannot be edited now.").arg(row.status));
}

Decimal decimalOf(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

void requireTotalNotNegative(const TimeEntryStore &store, const QUuid &original, const QUuid &self,
                             const Decimal &delta)
{
    const Decimal rest = decimalOf(store.adjustedHours(original, self));
    if (rest.add(delta).valueOr(Decimal()).isNegative())
        throw ApiError::invalidField(
            QStringLiteral("hours"), QStringLiteral("below_zero"),
            QStringLiteral("the entry and its adjustments come to %1 hours; a correction cannot "
                           "take them below zero")
                .arg(rest.toString(2)));
}

// What an entry that passed the rules writes.
TimeEntryWrite writeOf(const TimeEmployee &me, const QUuid &id, const TimeEntryFields &f,
                       const time_entry_rules::Checked &c)
{
    TimeEntryWrite w;
    w.id = id;
    w.employeeId = me.id;
    w.legalEntityId = c.legalEntityId;
    w.projectId = f.projectId;
    w.taskId = f.taskId;
    w.workDate = f.workDate;
    w.hours = f.hours.toString(2);
    w.billable = c.billable;
    w.notes = f.notes;
    w.outsideAssignment = c.outsideAssignment;
    w.userId = me.userId;
    return w;
}

} // namespace

TimeEntryService::TimeEntryService(DbConfig config) : m_store(std::move(config)) {}

void TimeEntryService::registerStateMachines()
{
    StateMachineRegistry::add(rules::machine());
}

QJsonObject TimeEntryService::save(const Request &request, const QUuid &id,
                                   const QJsonObject &fields, int baseVersion) const
{
    if (id.isNull())
        throw ApiError::notFound(QStringLiteral("A time entry needs a UUID."));
    return save(request, rules::caller(m_store, request), id, fields, baseVersion);
}

QJsonObject TimeEntryService::save(const Request &request, const TimeEmployee &me, const QUuid &id,
                                   const QJsonObject &fields, int baseVersion) const
{
    if (id.isNull())
        throw ApiError::notFound(QStringLiteral("A time entry needs a UUID."));
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    if (!me.lockHeld)
        m_store.lockEmployee(me.id);
    if (baseVersion == 0) {
        // A create, the usual operation of a sync push: judged and inserted without reading the
        // id first. An id that exists, or input the rules refuse, takes the general path below,
        // which answers in its own order (409/412 before 422).
        try {
            const TimeEntryFields f = rules::parse(fields, false);
            TimeEntryWrite w = writeOf(me, id, f, rules::check(m_store, me, f, id));
            w.status = QStringLiteral("draft");
            const QJsonObject after = m_store.insertIfNew(w);
            if (!after.isEmpty()) {
                audit(request, d, QStringLiteral("time_entry.create"), id, {}, after);
                tx.commit();
                return after;
            }
        } catch (const ApiError &) {
        }
    }
    const auto existing = m_store.entry(id, true);
    if (existing && existing->employeeId != me.id) {
        if (baseVersion == 0)
            throw ApiError::conflict(
                QStringLiteral("The id %1 is taken by another entry; create with a new id.")
                    .arg(uuidText(id)));
        throw noEntry(id);
    }
    if (!existing && baseVersion > 0)
        throw noEntry(id);
    QString status = QStringLiteral("draft");
    QJsonObject in = fields;
    const bool adjustment = existing && !existing->adjustsId.isNull();
    if (existing) {
        if (baseVersion != existing->version)
            rules::throwStale(baseVersion, existing->version);
        status = statusAfterEdit(*existing);
        if (adjustment) {
            // An adjustment stays on its original's day, project and task.
            in.insert(QStringLiteral("work_date"), dateToJson(existing->workDate));
            in.insert(QStringLiteral("project_id"), idToJson(existing->projectId));
            in.insert(QStringLiteral("task_id"),
                      existing->taskId ? idToJson(existing->taskId) : QJsonValue());
        }
    }
    const TimeEntryFields f = rules::parse(in, adjustment);
    const rules::Checked c = rules::check(m_store, me, f, id);
    if (adjustment)
        requireTotalNotNegative(m_store, existing->adjustsId, id, f.hours);

    TimeEntryWrite w = writeOf(me, id, f, c);
    w.status = status;
    const QJsonObject before = existing ? m_store.json(id) : QJsonObject();
    const QJsonObject after = existing ? m_store.update(w) : m_store.insert(w);
    audit(request, d,
          existing ? QStringLiteral("time_entry.update") : QStringLiteral("time_entry.create"), id,
          before, after);
    tx.commit();
    return after;
}

void TimeEntryService::lockForBatch(TimeEmployee &me) const
{
    m_store.lockEmployee(me.id);
    me.lockHeld = true;
}

QJsonObject TimeEntryService::remove(const Request &request, const QUuid &id, int baseVersion) const
{
    return remove(request, rules::caller(m_store, request), id, baseVersion);
}

QJsonObject TimeEntryService::remove(const Request &request, const TimeEmployee &me,
                                     const QUuid &id, int baseVersion) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    if (!me.lockHeld)
        m_store.lockEmployee(me.id);
    const auto existing = m_store.entry(id, true);
    if (!existing || existing->employeeId != me.id)
        throw noEntry(id);
    if (baseVersion != existing->version)
        rules::throwStale(baseVersion, existing->version);
    const auto to = rules::machine().tryNext(existing->status, QStringLiteral("delete"));
    if (!to)
        throw ApiError::conflict(
            QStringLiteral("This entry is %1; only draft and rejected entries are deleted%2.")
                .arg(existing->status,
                     existing->status == QLatin1String("approved")
                         ? QStringLiteral(" (correct approved time with an adjustment)")
                         : QString()));
    rules::requireOpenPeriod(
        m_store, {me.legalEntityId, m_store.project(existing->projectId)->legalEntityId},
        existing->workDate);
    const QJsonObject before = m_store.json(id);
    m_store.setStatus(id, *to);
    const QJsonObject after = m_store.json(id);
    audit(request, d, QStringLiteral("time_entry.delete"), id, before, after);
    tx.commit();
    return after;
}

std::optional<QJsonObject> TimeEntryService::find(const Request &request, const QUuid &id) const
{
    const TimeEmployee me = rules::caller(m_store, request);
    const auto row = m_store.entry(id, false);
    if (!row || row->employeeId != me.id)
        return std::nullopt;
    return m_store.json(id);
}

QJsonObject TimeEntryService::list(const Request &request, const QDate &from, const QDate &to) const
{
    const TimeEmployee me = rules::caller(m_store, request);
    if (!from.isValid() || !to.isValid())
        throw ApiError::invalid({{QStringLiteral("from"), QStringLiteral("required"),
                                  QStringLiteral("from and to, YYYY-MM-DD")}});
    if (to < from || from.daysTo(to) >= kListDays)
        throw ApiError::invalidField(
            QStringLiteral("to"), QStringLiteral("out_of_range"),
            QStringLiteral("on or after from, at most %1 days").arg(kListDays));
    return {{"from", dateToJson(from)},
            {"to", dateToJson(to)},
            {"items", m_store.list(me.id, from, to)}};
}

QJsonObject TimeEntryService::adjust(const Request &request, const QUuid &originalId,
                                     const QJsonObject &body) const
{
    const TimeEmployee me = rules::caller(m_store, request);
    JsonReader in(body);
    const Uuid newId = in.requiredUuid(QStringLiteral("id"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const QUuid id = newId.toQUuid();
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    if (!me.lockHeld)
        m_store.lockEmployee(me.id);
    auto original = m_store.entry(originalId, true);
    if (!original || original->employeeId != me.id)
        throw noEntry(originalId);
    if (!original->adjustsId.isNull()) // corrections always point at the first entry
        original = m_store.entry(original->adjustsId, true);
    if (const auto taken = m_store.entry(id, false)) {
        if (taken->employeeId == me.id && taken->adjustsId == original->id)
            return m_store.json(id); // a retry of the same adjustment
        throw ApiError::conflict(
            QStringLiteral("The id %1 is taken by another entry; use a new id.").arg(uuidText(id)));
    }
    if (original->status != QLatin1String("approved") &&
        original->status != QLatin1String("invoiced"))
        throw ApiError::conflict(QStringLiteral("This entry is %1; only approved time is "
                                                "corrected by an adjustment (edit it instead).")
                                     .arg(original->status));
    QJsonObject fields{{"work_date", dateToJson(original->workDate)},
                       {"project_id", idToJson(original->projectId)},
                       {"task_id", original->taskId ? idToJson(original->taskId) : QJsonValue()},
                       {"hours", body.value(QStringLiteral("hours"))},
                       {"billable", original->billable},
                       {"notes", body.value(QStringLiteral("notes"))}};
    const TimeEntryFields f = rules::parse(fields, true);
    const rules::Checked c = rules::check(m_store, me, f, id);
    requireTotalNotNegative(m_store, original->id, id, f.hours);

    TimeEntryWrite w = writeOf(me, id, f, c);
    w.billable = original->billable;
    w.adjustsId = original->id;
    const QJsonObject after = m_store.insert(w);
    audit(request, d, QStringLiteral("time_entry.adjust"), id, {}, after);
    tx.commit();
    return after;
}

void TimeEntryService::markInvoiced(const Request &request, const QList<QUuid> &ids,
                                    qint64 invoiceId) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const int changed = m_store.markInvoiced(ids, invoiceId);
    if (changed != ids.size())
        throw ApiError::conflict(
            QStringLiteral("%1 of the %2 entries are not approved (or not found) and cannot be "
                           "invoiced.")
                .arg(ids.size() - changed)
                .arg(ids.size()));
    QJsonArray lines;
    for (const QUuid &id : ids)
        lines.append(uuidText(id));
    AuditEntry e = AuditEntry::from(request, QStringLiteral("time_entry.invoice"),
                                    QStringLiteral("time_entry"), uuidText(ids.value(0)));
    e.after = {
        {"invoice_id", idToJson(invoiceId)},
        {"status", rules::machine().next(QStringLiteral("approved"), QStringLiteral("invoice"))},
        {"lines", lines}};
    appendAudit(d, e);
    tx.commit();
}

} // namespace keel
