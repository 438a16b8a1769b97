#include "sync_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"

#include <QSet>

#include <algorithm>

namespace keel {

namespace {

const QStringList kKinds{QStringLiteral("time_entry.save"), QStringLiteral("time_entry.delete"),
                         QStringLiteral("expense.save"), QStringLiteral("expense.delete")};

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool before(const SyncChange &a, const SyncChange &b)
{
    if (a.xid != b.xid)
        return a.xid < b.xid;
    return a.kind < b.kind;
}

SyncOp readOp(JsonReader &batch, int index, const QJsonValue &value, QSet<QUuid> &seen)
{
    const QString name = QString::number(index);
    JsonReader in = batch.child(QStringLiteral("ops/") + name, value.toObject());
    if (!value.isObject()) {
        batch.addError(QStringLiteral("ops/") + name, FieldErrorCode::InvalidType,
                       QStringLiteral("an operation is an object"));
        return {};
    }
    SyncOp op;
    op.opId = in.requiredUuid(QStringLiteral("op_id")).toQUuid();
    op.kind = in.requiredString(QStringLiteral("kind"));
    if (!op.kind.isEmpty() && !kKinds.contains(op.kind))
        in.addError(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                    QStringLiteral("kind is one of ") + kKinds.join(QStringLiteral(", ")));
    op.id = in.requiredUuid(QStringLiteral("id")).toQUuid();
    const qint64 base = in.optionalInt64(QStringLiteral("base_version")).value_or(0);
    if (base < 0 || base > std::numeric_limits<int>::max())
        in.addError(QStringLiteral("base_version"), FieldErrorCode::InvalidValue,
                    QStringLiteral("base_version is 0 for a new record or the version you "
                                   "last had"));
    op.baseVersion = int(base);
    if (op.kind.endsWith(QLatin1String(".save")))
        op.fields = in.requiredObject(QStringLiteral("fields"));
    if (!op.opId.isNull()) {
        if (seen.contains(op.opId))
            in.addError(QStringLiteral("op_id"), "duplicate",
                        QStringLiteral("the same op_id appears twice in this batch"));
        seen.insert(op.opId);
    }
    batch.addErrors(in.errors());
    return op;
}

QJsonObject result(const SyncOp &op, const char *outcome)
{
    return {{"op_id", uuidText(op.opId)}, {"id", uuidText(op.id)}, {"outcome", outcome}};
}

QJsonObject takenByAnother(const SyncOp &op)
{
    QJsonObject out = result(op, "rejected");
    out.insert("problem",
               ApiError::invalidField(QStringLiteral("op_id"), QStringLiteral("taken"),
                                      QStringLiteral("this operation id belongs to another "
                                                     "user; send the change with a new op_id"))
                   .problem()
                   .toJson());
    return out;
}

} // namespace

SyncService::SyncService(const DbConfig &config)
    : m_store(config), m_expenses(config), m_time(config), m_expenseService(config)
{}

SyncEmployee SyncService::employee(const Request &request) const
{
    const auto e = m_store.employeeOfUser(request.caller().user.id);
    if (!e)
        throw ApiError::forbidden(QStringLiteral("Only people with an employee record keep time "
                                                 "and expenses."));
    return *e;
}

QJsonObject SyncService::pull(const Request &request) const
{
    const SyncEmployee me = employee(request);
    std::optional<SyncCursor> cursor;
    const QString text = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!text.isEmpty()) {
        cursor = SyncCursor::parse(text);
        if (!cursor)
            throw ApiError::invalidField(QStringLiteral("cursor"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("not a cursor this server gave out; "
                                                        "pull without one to start again"));
    }

    db::Transaction tx(m_store.db());
    m_store.beginSnapshot();
    const SyncBound bound = m_store.bound();
    if (cursor && cursor->xid > bound.xmax)
        throw ApiError::invalidField(QStringLiteral("cursor"), QStringLiteral("unknown"),
                                     QStringLiteral("this cursor is ahead of the server (restored "
                                                    "from a backup?); pull without one"));
    SyncCursor from;
    if (cursor)
        from = *cursor;
    else
        from.since = m_store.today().addDays(-kFirstPullDays);

    QList<SyncChange> changes =
        m_store.changes(SyncCursor::Kind::TimeEntry, me.id, from, bound.xmin, kMaxPullRows + 1);
    const QList<SyncChange> expenses =
        m_store.changes(SyncCursor::Kind::Expense, me.id, from, bound.xmin, kMaxPullRows + 1);
    // Each list is in pull order and the kinds differ, so merging on (xid, kind) is exact.
    QList<SyncChange> merged;
    merged.reserve(changes.size() + expenses.size());
    std::merge(changes.cbegin(), changes.cend(), expenses.cbegin(), expenses.cend(),
               std::back_inserter(merged), before);
    const bool more = merged.size() > kMaxPullRows;
    if (more)
        merged.resize(kMaxPullRows);

    QList<QUuid> entryIds;
    for (const SyncChange &c : std::as_const(merged))
        if (c.kind == SyncCursor::Kind::TimeEntry)
            entryIds.append(c.id);
    const QHash<QUuid, QJsonObject> entries = m_store.timeEntries(entryIds);
    QJsonArray timeOut;
    QJsonArray expenseOut;
    for (const SyncChange &c : std::as_const(merged)) {
        if (c.kind == SyncCursor::Kind::TimeEntry) {
            timeOut.append(entries.value(c.id));
        } else if (const auto row = m_expenses.expense(c.id, false)) {
            expenseOut.append(row->json);
        }
    }

    const bool referenceChanged =
        !cursor || from.since.isValid() || from.referenceChanged ||
        (from.xid < bound.xmin && m_store.referenceChanged(me, from.xid, bound.xmin));
    tx.commit();

    SyncCursor next;
    if (more) {
        const SyncChange &last = merged.constLast();
        next.xid = last.xid;
        next.afterKind = last.kind;
        next.afterId = last.id;
        next.since = from.since;
        next.referenceChanged = referenceChanged && !from.since.isValid();
    } else {
        next.xid = bound.xmin;
    }
    return {{"cursor", next.toString()},
            {"more", more},
            {"time_entries", timeOut},
            {"expenses", expenseOut},
            {"reference_changed", referenceChanged}};
}

QJsonObject SyncService::reference(const Request &request) const
{
    const SyncEmployee me = employee(request);
    db::Transaction tx(m_store.db());
    m_store.beginSnapshot();
    const QDate today = m_store.today();
    const QJsonArray projects = m_store.projects(me.id, today);
    QList<qint64> projectIds;
    for (const QJsonValue &p : projects)
        projectIds.append(p.toObject().value("id").toString().toLongLong());
    QJsonObject out{{"today", dateToJson(today)},
                    {"employee", QJsonObject{{"id", idToJson(me.id)},
                                             {"legal_entity", me.entity},
                                             {"weekly_capacity_hours", me.weeklyCapacityHours}}},
                    {"projects", projects},
                    {"tasks", m_store.tasks(projectIds)},
                    {"assignments", m_store.assignments(me.id, today)},
                    {"expense_categories", m_expenses.categories(me.legalEntityId)}};
    tx.commit();
    return out;
}

QJsonObject SyncService::push(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QJsonArray ops = in.requiredArray(QStringLiteral("ops"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    if (ops.size() > kMaxOps)
        throw ApiError::invalidField(
            QStringLiteral("ops"), QStringLiteral("too_many"),
            QStringLiteral("at most %1 operations per push; send the rest in another")
                .arg(kMaxOps));
    QList<SyncOp> batch;
    batch.reserve(ops.size());
    QSet<QUuid> seen;
    for (int i = 0; i < ops.size(); ++i)
        batch.append(readOp(in, i, ops.at(i), seen));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const qint64 me = request.caller().user.id;
    // Read once for the batch: every op is the caller's own.
    const SyncEmployee who = employee(request);
    TimeEmployee timeEmployee{who.id, who.legalEntityId, me};

    db::Transaction tx(m_store.db());
    m_time.lockForBatch(timeEmployee);
    // The ops' audit entries are written together just before the commit (see AuditBatch), so
    // concurrent pushes do not queue behind each other on the audit chain's lock.
    AuditBatch audit(m_store.db());
    QList<QUuid> opIds;
    opIds.reserve(batch.size());
    for (const SyncOp &op : std::as_const(batch))
        opIds.append(op.opId);
    // A replayed op answers what it answered the first time and changes nothing.
    const QHash<QUuid, SyncStoredOp> stored = m_store.storedOps(opIds);
    QJsonArray results;
    QList<QPair<QUuid, QJsonObject>> fresh;
    for (const SyncOp &op : std::as_const(batch)) {
        const auto it = stored.constFind(op.opId);
        if (it != stored.cend()) {
            results.append(it->userId == me ? it->result : takenByAnother(op));
            continue;
        }
        bool keep = true;
        const qsizetype auditMark = audit.mark();
        const QJsonObject r = apply(request, timeEmployee, op, keep);
        if (r.value(QLatin1String("outcome")).toString() != QLatin1String("applied"))
            audit.rollbackTo(auditMark); // its savepoint rolled the change back
        results.append(r);
        if (keep)
            fresh.append({op.opId, r});
    }
    // The results commit with the changes. Should a concurrent push of the same ops have
    // committed first (a client retrying while its first attempt still runs), this one
    // changes nothing and the client's retry reads the stored answers.
    if (m_store.recordOps(me, fresh) != fresh.size())
        throw ApiError::unavailable(QStringLiteral("Another push of the same operations "
                                                   "finished first; send this batch again."));
    audit.flush();
    tx.commit();
    return {{"results", results}};
}

QJsonObject SyncService::apply(const Request &request, const TimeEmployee &me, const SyncOp &op,
                               bool &store) const
{
    const bool time = op.kind.startsWith(QLatin1String("time_entry."));
    const bool save = op.kind.endsWith(QLatin1String(".save"));
    std::optional<Problem> problem;
    QJsonObject server;
    {
        // Each op is judged and rolled back on its own, in a savepoint. A time entry's save or
        // delete opens it itself (its transaction, nested here) before it reads or writes
        // anything, so a second one around it would only cost two more round trips.
        std::optional<db::Transaction> savepoint;
        if (!time)
            savepoint.emplace(m_store.db());
        try {
            if (time)
                server = save ? m_time.save(request, me, op.id, op.fields, op.baseVersion)
                              : m_time.remove(request, me, op.id, op.baseVersion);
            else
                server = save ? m_expenseService.save(request, op.id, op.fields, op.baseVersion)
                              : m_expenseService.remove(request, op.id, op.baseVersion);
            if (savepoint)
                savepoint->commit();
        } catch (const ApiError &e) {
            problem = e.problem();
        } catch (const DbError &e) {
            if (e.isConnectionLoss())
                throw;
            // A fault of ours, not of the op: the others still apply, and this one is not
            // stored so that a later push tries it again.
            qWarning("sync push %s: database error %s: %s", qPrintable(uuidText(op.opId)),
                     qPrintable(e.sqlState()), qPrintable(e.message()));
            problem = ApiError::internal(request.requestId).problem();
            store = false;
        }
    }

    if (!problem) {
        QJsonObject out = result(op, "applied");
        out.insert("version", server.value("version"));
        out.insert("status", server.value("status"));
        return out;
    }
    // 412 (stale base) and 409 (the server moved the record on: submitted, approved, deleted)
    // are conflicts the user resolves against the server's copy; anything else is a rejection
    // with its reason.
    std::optional<QJsonObject> copy;
    if (problem->status == 412 || problem->status == 409)
        copy = time ? m_time.find(request, op.id) : m_expenseService.find(request, op.id);
    QJsonObject out = result(op, copy ? "conflict" : "rejected");
    out.insert("problem", problem->toJson());
    if (copy)
        out.insert("server", *copy);
    return out;
}

} // namespace keel
