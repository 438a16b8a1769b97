#include "local_store.h"

#include "decimal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace keel::offline {

namespace {

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString jsonText(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// Ids travel as strings (exact beyond 2^53); accept numbers from older answers too.
qint64 idFrom(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().toLongLong();
    if (v.isDouble())
        return qint64(v.toDouble());
    return 0;
}

QJsonValue idTo(qint64 id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::number(id));
}

QVariant optionalBool(const std::optional<bool> &b)
{
    return b ? QVariant(int(*b)) : QVariant(QMetaType::fromType<int>());
}

std::optional<bool> optionalBoolFrom(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toInt() != 0;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool isTimeKind(const QString &kind)
{
    return kind.startsWith(QLatin1String("time_entry."));
}

} // namespace

QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::Rejected:
        return QStringLiteral("rejected");
    case SyncState::Conflict:
        return QStringLiteral("conflict");
    case SyncState::Synced:
        break;
    }
    return QStringLiteral("synced");
}

SyncState syncStateFromName(const QString &name)
{
    if (name == QLatin1String("rejected"))
        return SyncState::Rejected;
    if (name == QLatin1String("conflict"))
        return SyncState::Conflict;
    return SyncState::Synced;
}

// ---------------------------------------------------------------- records

QJsonObject TimeEntry::toFields() const
{
    QJsonObject f{{"work_date", workDate.toString(Qt::ISODate)},
                  {"project_id", idTo(projectId)},
                  {"task_id", idTo(taskId)},
                  {"hours", hours},
                  {"notes", notes}};
    if (billable)
        f.insert("billable", *billable);
    return f;
}

TimeEntry TimeEntry::fromServerJson(const QJsonObject &j)
{
    TimeEntry e;
    e.id = QUuid::fromString(j.value("id").toString());
    e.workDate = QDate::fromString(j.value("work_date").toString(), Qt::ISODate);
    e.projectId = idFrom(j.value("project_id"));
    e.taskId = idFrom(j.value("task_id"));
    e.projectName = j.value("project_name").toString();
    e.taskName = j.value("task_name").toString();
    e.hours = j.value("hours").toString();
    if (j.value("billable").isBool())
        e.billable = j.value("billable").toBool();
    e.notes = j.value("notes").toString();
    e.status = j.value("status").toString(QStringLiteral("draft"));
    e.rejectionReason = j.value("rejection_reason").toString();
    e.outsideAssignment = j.value("outside_assignment").toBool();
    e.version = j.value("version").toInt();
    return e;
}

bool TimeEntry::isEditable() const
{
    return !deleted && (status == QLatin1String("draft") || status == QLatin1String("rejected"));
}

QJsonObject Expense::toFields() const
{
    QJsonObject f{{"expense_date", expenseDate.toString(Qt::ISODate)},
                  {"category_id", idTo(categoryId)},
                  {"project_id", idTo(projectId)},
                  {"task_id", idTo(taskId)},
                  {"description", description},
                  {"amount", QJsonObject{{"amount", amount}, {"currency", currency}}}};
    if (billable)
        f.insert("billable", *billable);
    if (!justification.isEmpty())
        f.insert("justification", justification);
    return f;
}

Expense Expense::fromServerJson(const QJsonObject &j)
{
    Expense e;
    e.id = QUuid::fromString(j.value("id").toString());
    e.expenseDate = QDate::fromString(j.value("expense_date").toString(), Qt::ISODate);
    e.categoryId = idFrom(j.value("category_id"));
    e.categoryName = j.value("category_name").toString();
    e.projectId = idFrom(j.value("project_id"));
    e.taskId = idFrom(j.value("task_id"));
    e.description = j.value("description").toString();
    const QJsonObject amount = j.value("amount").toObject();
    e.amount = amount.value("amount").toString();
    e.currency = amount.value("currency").toString();
    if (j.value("billable").isBool())
        e.billable = j.value("billable").toBool();
    e.justification = j.value("justification").toString();
    e.status = j.value("status").toString(QStringLiteral("draft"));
    e.rejectionReason = j.value("rejection_reason").toString();
    e.policyBreach = j.value("policy_breach").toString();
    e.serverJson = j;
    e.version = j.value("version").toInt();
    return e;
}

bool Expense::isEditable() const
{
    return !deleted && (status == QLatin1String("draft") || status == QLatin1String("rejected"));
}

QJsonObject PendingOp::toJson() const
{
    return {{"op_id", uuidText(opId)},
            {"kind", kind},
            {"id", uuidText(id)},
            {"base_version", baseVersion},
            {"fields", fields}};
}

// ---------------------------------------------------------------- store

// One SQLite transaction; rolls back unless committed.
class LocalStore::Tx
{
public:
    explicit Tx(const QString &connection) : m_db(QSqlDatabase::database(connection, false))
    {
        m_ok = m_db.transaction();
    }
    ~Tx()
    {
        if (m_ok && !m_done)
            m_db.rollback();
    }
    bool ok() const { return m_ok; }
    bool commit()
    {
        m_done = true;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_ok = false;
    bool m_done = false;
};

namespace {

// Prepared query on the store's connection; exec() with positional binds.
struct Q
{
    QSqlQuery q;
    bool open = false;
    Q(const QString &connection, const QString &sql, const QVariantList &binds = {})
        : q(QSqlDatabase::database(connection, false))
    {
        // A closed store (signed out) reads as empty and refuses writes, quietly.
        open = QSqlDatabase::database(connection, false).isOpen();
        if (!open)
            return;
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
    }
    bool exec() { return open && q.exec(); }
    QString error() const
    {
        return open ? q.lastError().text() : LocalStore::tr("The local store is not open.");
    }
};

const char *const TimeColumns =
    "id, work_date, project_id, task_id, project_name, task_name, hours, billable, notes, "
    "status, rejection_reason, outside_assignment, version, dirty, deleted, sync_state, "
    "sync_message, server_copy, updated_at";

const char *const ExpenseColumns =
    "id, expense_date, category_id, category_name, project_id, task_id, description, amount, "
    "currency, billable, justification, status, rejection_reason, policy_breach, server_json, "
    "version, dirty, deleted, sync_state, sync_message, server_copy, updated_at";

} // namespace

LocalStore::LocalStore(QObject *parent) : QObject(parent)
{
    static std::atomic<int> counter{0};
    m_connection = QStringLiteral("keel-offline-%1").arg(++counter);
}

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/offline");
}

QString LocalStore::fileNameFor(const QUrl &server, const QString &username)
{
    // Readable prefix for people looking at the folder, hash for uniqueness and safety.
    const QString key = server.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('|') +
                        username.toLower();
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString user = username.toLower();
    user.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("%1-%2.sqlite").arg(user.left(40), QString::fromLatin1(hash));
}

bool LocalStore::openFor(const QUrl &server, const QString &username, const QString &directory)
{
    const QString dir = directory.isEmpty() ? defaultDirectory() : directory;
    if (!QDir().mkpath(dir))
        return fail(tr("Cannot create the folder %1.").arg(dir));
    return open(dir + QLatin1Char('/') + fileNameFor(server, username));
}

bool LocalStore::open(const QString &filePath)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath);
    if (!db.open())
        return fail(tr("Cannot open the local store %1: %2").arg(filePath, db.lastError().text()));
    m_filePath = filePath;
    QSqlQuery q(db);
    // WAL: a crash after commit keeps the commit; readers never block the writer.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    if (!migrate()) {
        close();
        return false;
    }
    return true;
}

void LocalStore::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_filePath.clear();
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

bool LocalStore::fail(const QString &what)
{
    m_error = what;
    return false;
}

bool LocalStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA user_version"));
    const int current = q.next() ? q.value(0).toInt() : 0;
    if (current == SchemaVersion)
        return true;
    if (current > SchemaVersion)
        return fail(tr("The local store was written by a newer Keel (schema %1).").arg(current));

    const QStringList v1 = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE time_entries (id TEXT PRIMARY KEY, work_date TEXT NOT NULL, "
        " project_id INTEGER NOT NULL, task_id INTEGER NOT NULL DEFAULT 0, project_name TEXT, "
        " task_name TEXT, hours TEXT NOT NULL, billable INTEGER, notes TEXT NOT NULL DEFAULT '', "
        " status TEXT NOT NULL DEFAULT 'draft', rejection_reason TEXT, "
        " outside_assignment INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 0, "
        " dirty INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, "
        " sync_state TEXT NOT NULL DEFAULT 'synced', sync_message TEXT, server_copy TEXT, "
        " updated_at TEXT)",
        "CREATE INDEX time_entries_date_idx ON time_entries (work_date)",
        "CREATE INDEX time_entries_dirty_idx ON time_entries (dirty)",
        "CREATE TABLE expenses (id TEXT PRIMARY KEY, expense_date TEXT NOT NULL, "
        " category_id INTEGER NOT NULL DEFAULT 0, category_name TEXT, project_id INTEGER NOT NULL "
        " DEFAULT 0, task_id INTEGER NOT NULL DEFAULT 0, description TEXT NOT NULL DEFAULT '', "
        " amount TEXT NOT NULL, currency TEXT NOT NULL, billable INTEGER, justification TEXT, "
        " status TEXT NOT NULL DEFAULT 'draft', rejection_reason TEXT, policy_breach TEXT, "
        " server_json TEXT, version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0, "
        " deleted INTEGER NOT NULL DEFAULT 0, sync_state TEXT NOT NULL DEFAULT 'synced', "
        " sync_message TEXT, server_copy TEXT, updated_at TEXT)",
        "CREATE INDEX expenses_date_idx ON expenses (expense_date)",
        "CREATE TABLE receipts (id TEXT PRIMARY KEY, expense_id TEXT NOT NULL, file_name TEXT "
        " NOT NULL, mime_type TEXT NOT NULL, size_bytes INTEGER NOT NULL, content BLOB NOT NULL, "
        " uploaded INTEGER NOT NULL DEFAULT 0, created_at TEXT)",
        "CREATE INDEX receipts_expense_idx ON receipts (expense_id)",
        "CREATE TABLE pending_ops (seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL "
        " UNIQUE, kind TEXT NOT NULL, id TEXT NOT NULL, base_version INTEGER NOT NULL, "
        " fields TEXT NOT NULL, created_at TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX pending_ops_id_idx ON pending_ops (id)",
        "CREATE TABLE reference_data (kind TEXT PRIMARY KEY, json TEXT NOT NULL)",
        "CREATE TABLE sync_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
        " kind TEXT NOT NULL, text TEXT NOT NULL)",
        "PRAGMA user_version = 1",
    };
    Tx tx(m_connection);
    for (const QString &sql : v1)
        if (!q.exec(sql))
            return fail(tr("Cannot create the local store: %1").arg(q.lastError().text()));
    return tx.commit() || fail(db.lastError().text());
}

// ---------------------------------------------------------------- queue

bool LocalStore::enqueue(const QString &kind, const QUuid &id, int baseVersion,
                         const QJsonObject &fields)
{
    // An unsent save of the same record is rewritten: the server has never seen its op_id.
    if (kind.endsWith(QLatin1String(".save"))) {
        Q find(m_connection,
               "SELECT op_id FROM pending_ops WHERE id = ? AND kind = ? AND sent = 0 "
               "ORDER BY seq DESC LIMIT 1",
               {uuidText(id), kind});
        if (!find.exec())
            return fail(find.error());
        if (find.q.next()) {
            Q upd(m_connection, "UPDATE pending_ops SET fields = ? WHERE op_id = ?",
                  {jsonText(fields), find.q.value(0)});
            return upd.exec() || fail(upd.error());
        }
    }
    Q ins(m_connection,
          "INSERT INTO pending_ops (op_id, kind, id, base_version, fields, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {uuidText(QUuid::createUuid()), kind, uuidText(id), baseVersion,
           QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)), nowText()});
    return ins.exec() || fail(ins.error());
}

QList<PendingOp> LocalStore::pendingOps(int limit) const
{
    QList<PendingOp> ops;
    Q q(m_connection,
        "SELECT op_id, kind, id, base_version, fields, created_at, sent FROM pending_ops "
        "ORDER BY seq LIMIT ?",
        {limit});
    if (!q.exec())
        return ops;
    while (q.q.next()) {
        PendingOp op;
        op.opId = QUuid::fromString(q.q.value(0).toString());
        op.kind = q.q.value(1).toString();
        op.id = QUuid::fromString(q.q.value(2).toString());
        op.baseVersion = q.q.value(3).toInt();
        op.fields = jsonObject(q.q.value(4));
        op.createdAt = QDateTime::fromString(q.q.value(5).toString(), Qt::ISODateWithMs);
        op.sent = q.q.value(6).toInt() != 0;
        ops.append(op);
    }
    return ops;
}

std::optional<PendingOp> LocalStore::op(const QUuid &opId) const
{
    Q q(m_connection,
        "SELECT op_id, kind, id, base_version, fields, created_at, sent FROM pending_ops "
        "WHERE op_id = ?",
        {uuidText(opId)});
    if (!q.exec() || !q.q.next())
        return std::nullopt;
    PendingOp op;
    op.opId = opId;
    op.kind = q.q.value(1).toString();
    op.id = QUuid::fromString(q.q.value(2).toString());
    op.baseVersion = q.q.value(3).toInt();
    op.fields = jsonObject(q.q.value(4));
    op.sent = q.q.value(6).toInt() != 0;
    return op;
}

int LocalStore::pendingOpCount() const
{
    Q q(m_connection, "SELECT count(*) FROM pending_ops");
    return q.exec() && q.q.next() ? q.q.value(0).toInt() : 0;
}

int LocalStore::unsyncedCount() const
{
    Q q(m_connection, "SELECT (SELECT count(*) FROM time_entries WHERE dirty = 1) + "
                      "(SELECT count(*) FROM expenses WHERE dirty = 1) + "
                      "(SELECT count(*) FROM receipts WHERE uploaded = 0)");
    return q.exec() && q.q.next() ? q.q.value(0).toInt() : 0;
}

bool LocalStore::markSent(const QList<QUuid> &opIds)
{
    Tx tx(m_connection);
    for (const QUuid &id : opIds) {
        Q q(m_connection, "UPDATE pending_ops SET sent = 1 WHERE op_id = ?", {uuidText(id)});
        if (!q.exec())
            return fail(q.error());
    }
    return tx.commit();
}

bool LocalStore::removeOp(const QUuid &opId)
{
    Q q(m_connection, "DELETE FROM pending_ops WHERE op_id = ?", {uuidText(opId)});
    return q.exec() || fail(q.error());
}

bool LocalStore::hasOps(const QUuid &id) const
{
    Q q(m_connection, "SELECT 1 FROM pending_ops WHERE id = ? LIMIT 1", {uuidText(id)});
    return q.exec() && q.q.next();
}

bool LocalStore::rebaseOps(const QUuid &id, int version)
{
    Q q(m_connection, "UPDATE pending_ops SET base_version = ? WHERE id = ? AND sent = 0",
        {version, uuidText(id)});
    return q.exec() || fail(q.error());
}

// ---------------------------------------------------------------- time entries

bool LocalStore::writeTimeEntry(const TimeEntry &e)
{
    Q q(m_connection,
        QStringLiteral("INSERT OR REPLACE INTO time_entries (%1) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(QLatin1String(TimeColumns)),
        {uuidText(e.id), e.workDate.toString(Qt::ISODate), e.projectId, e.taskId, e.projectName,
         e.taskName, e.hours, optionalBool(e.billable), e.notes, e.status, e.rejectionReason,
         int(e.outsideAssignment), e.version, int(e.dirty), int(e.deleted),
         syncStateName(e.syncState), e.syncMessage, jsonText(e.serverCopy),
         e.updatedAt.isValid() ? e.updatedAt.toString(Qt::ISODateWithMs) : nowText()});
    return q.exec() || fail(q.error());
}

QList<TimeEntry> LocalStore::queryTimeEntries(const QString &where, const QVariantList &binds) const
{
    QList<TimeEntry> out;
    Q q(m_connection,
        QStringLiteral("SELECT %1 FROM time_entries %2").arg(QLatin1String(TimeColumns), where),
        binds);
    if (!q.exec()) {
        qWarning("LocalStore: %s", qPrintable(q.error()));
        return out;
    }
    while (q.q.next()) {
        const QSqlQuery &r = q.q;
        TimeEntry e;
        e.id = QUuid::fromString(r.value(0).toString());
        e.workDate = QDate::fromString(r.value(1).toString(), Qt::ISODate);
        e.projectId = r.value(2).toLongLong();
        e.taskId = r.value(3).toLongLong();
        e.projectName = r.value(4).toString();
        e.taskName = r.value(5).toString();
        e.hours = r.value(6).toString();
        e.billable = optionalBoolFrom(r.value(7));
        e.notes = r.value(8).toString();
        e.status = r.value(9).toString();
        e.rejectionReason = r.value(10).toString();
        e.outsideAssignment = r.value(11).toInt() != 0;
        e.version = r.value(12).toInt();
        e.dirty = r.value(13).toInt() != 0;
        e.deleted = r.value(14).toInt() != 0;
        e.syncState = syncStateFromName(r.value(15).toString());
        e.syncMessage = r.value(16).toString();
        e.serverCopy = jsonObject(r.value(17));
        e.updatedAt = QDateTime::fromString(r.value(18).toString(), Qt::ISODateWithMs);
        out.append(e);
    }
    return out;
}

bool LocalStore::saveTimeEntry(TimeEntry &entry)
{
    const auto hours = Decimal::parse(entry.hours);
    if (!hours || hours->rounded(2) != *hours)
        return fail(tr("%1 is not a number of hours (at most two decimals).").arg(entry.hours));
    if (!entry.workDate.isValid() || entry.projectId == 0)
        return fail(tr("A time entry needs a date and a project."));
    if (entry.id.isNull())
        entry.id = QUuid::createUuid();
    if (entry.projectName.isEmpty())
        entry.projectName = projectName(entry.projectId);
    if (entry.taskName.isEmpty() && entry.taskId != 0)
        entry.taskName = taskName(entry.taskId);

    Tx tx(m_connection);
    if (!tx.ok())
        return fail(tr("The local store is busy."));
    const auto existing = timeEntry(entry.id);
    if (existing) {
        // What the server last told us stays; only the user's fields change.
        entry.version = existing->version;
        entry.status = existing->status;
        entry.rejectionReason = existing->rejectionReason;
        entry.outsideAssignment = existing->outsideAssignment;
        entry.serverCopy = existing->serverCopy;
        entry.syncState = existing->syncState;
        entry.syncMessage = existing->syncMessage;
        if (!existing->isEditable())
            return fail(tr("This entry is %1 and can no longer be changed.").arg(existing->status));
    }
    entry.dirty = true;
    entry.deleted = false;
    entry.updatedAt = QDateTime::currentDateTimeUtc();
    if (!writeTimeEntry(entry) ||
        !enqueue(QStringLiteral("time_entry.save"), entry.id, entry.version, entry.toFields()))
        return false;
    if (!tx.commit())
        return fail(tr("Cannot save the entry locally."));
    emit changed();
    return true;
}

bool LocalStore::deleteTimeEntry(const QUuid &id)
{
    Tx tx(m_connection);
    auto e = timeEntry(id);
    if (!e)
        return fail(tr("No such entry."));
    if (!e->isEditable())
        return fail(tr("This entry is %1 and can no longer be deleted.").arg(e->status));
    Q sent(m_connection, "SELECT 1 FROM pending_ops WHERE id = ? AND sent = 1", {uuidText(id)});
    const bool anySent = sent.exec() && sent.q.next();
    Q dropUnsent(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    if (!dropUnsent.exec())
        return fail(dropUnsent.error());
    if (e->version == 0 && !anySent) {
        // The server has never seen it: nothing to acknowledge.
        Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(id)});
        if (!del.exec())
            return fail(del.error());
    } else {
        e->deleted = true;
        e->dirty = true;
        e->updatedAt = QDateTime::currentDateTimeUtc();
        if (!writeTimeEntry(*e) ||
            !enqueue(QStringLiteral("time_entry.delete"), id, e->version, {}))
            return false;
    }
    if (!tx.commit())
        return fail(tr("Cannot delete the entry locally."));
    emit changed();
    return true;
}

std::optional<TimeEntry> LocalStore::timeEntry(const QUuid &id) const
{
    const auto list = queryTimeEntries(QStringLiteral("WHERE id = ?"), {uuidText(id)});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<TimeEntry> LocalStore::timeEntries(const QDate &from, const QDate &to) const
{
    return queryTimeEntries(
        QStringLiteral("WHERE deleted = 0 AND work_date BETWEEN ? AND ? ORDER BY work_date, id"),
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
}

QList<TimeEntry> LocalStore::problemTimeEntries() const
{
    return queryTimeEntries(
        QStringLiteral("WHERE sync_state <> 'synced' OR status = 'rejected' ORDER BY work_date"),
        {});
}

// ---------------------------------------------------------------- expenses

bool LocalStore::writeExpense(const Expense &e)
{
    Q q(m_connection,
        QStringLiteral("INSERT OR REPLACE INTO expenses (%1) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(QLatin1String(ExpenseColumns)),
        {uuidText(e.id),
         e.expenseDate.toString(Qt::ISODate),
         e.categoryId,
         e.categoryName,
         e.projectId,
         e.taskId,
         e.description,
         e.amount,
         e.currency,
         optionalBool(e.billable),
         e.justification,
         e.status,
         e.rejectionReason,
         e.policyBreach,
         jsonText(e.serverJson),
         e.version,
         int(e.dirty),
         int(e.deleted),
         syncStateName(e.syncState),
         e.syncMessage,
         jsonText(e.serverCopy),
         e.updatedAt.isValid() ? e.updatedAt.toString(Qt::ISODateWithMs) : nowText()});
    return q.exec() || fail(q.error());
}

QList<Expense> LocalStore::queryExpenses(const QString &where, const QVariantList &binds) const
{
    QList<Expense> out;
    Q q(m_connection,
        QStringLiteral("SELECT %1 FROM expenses %2").arg(QLatin1String(ExpenseColumns), where),
        binds);
    if (!q.exec()) {
        qWarning("LocalStore: %s", qPrintable(q.error()));
        return out;
    }
    while (q.q.next()) {
        const QSqlQuery &r = q.q;
        Expense e;
        e.id = QUuid::fromString(r.value(0).toString());
        e.expenseDate = QDate::fromString(r.value(1).toString(), Qt::ISODate);
        e.categoryId = r.value(2).toLongLong();
        e.categoryName = r.value(3).toString();
        e.projectId = r.value(4).toLongLong();
        e.taskId = r.value(5).toLongLong();
        e.description = r.value(6).toString();
        e.amount = r.value(7).toString();
        e.currency = r.value(8).toString();
        e.billable = optionalBoolFrom(r.value(9));
        e.justification = r.value(10).toString();
        e.status = r.value(11).toString();
        e.rejectionReason = r.value(12).toString();
        e.policyBreach = r.value(13).toString();
        e.serverJson = jsonObject(r.value(14));
        e.version = r.value(15).toInt();
        e.dirty = r.value(16).toInt() != 0;
        e.deleted = r.value(17).toInt() != 0;
        e.syncState = syncStateFromName(r.value(18).toString());
        e.syncMessage = r.value(19).toString();
        e.serverCopy = jsonObject(r.value(20));
        e.updatedAt = QDateTime::fromString(r.value(21).toString(), Qt::ISODateWithMs);
        out.append(e);
    }
    for (Expense &e : out)
        e.receipts = receipts(e.id);
    return out;
}

bool LocalStore::saveExpense(Expense &expense)
{
    const auto amount = Decimal::parse(expense.amount);
    if (!amount || !amount->isPositive())
        return fail(tr("%1 is not an amount.").arg(expense.amount));
    if (!expense.expenseDate.isValid() || expense.currency.size() != 3)
        return fail(tr("An expense needs a date and a currency."));
    if (expense.id.isNull())
        expense.id = QUuid::createUuid();
    Tx tx(m_connection);
    if (!tx.ok())
        return fail(tr("The local store is busy."));
    if (const auto existing = this->expense(expense.id)) {
        expense.version = existing->version;
        expense.status = existing->status;
        expense.rejectionReason = existing->rejectionReason;
        expense.policyBreach = existing->policyBreach;
        expense.serverJson = existing->serverJson;
        expense.serverCopy = existing->serverCopy;
        expense.syncState = existing->syncState;
        expense.syncMessage = existing->syncMessage;
        if (!existing->isEditable())
            return fail(
                tr("This expense is %1 and can no longer be changed.").arg(existing->status));
    }
    expense.dirty = true;
    expense.deleted = false;
    expense.updatedAt = QDateTime::currentDateTimeUtc();
    if (!writeExpense(expense) ||
        !enqueue(QStringLiteral("expense.save"), expense.id, expense.version, expense.toFields()))
        return false;
    if (!tx.commit())
        return fail(tr("Cannot save the expense locally."));
    expense.receipts = receipts(expense.id);
    emit changed();
    return true;
}

bool LocalStore::deleteExpense(const QUuid &id)
{
    Tx tx(m_connection);
    auto e = expense(id);
    if (!e)
        return fail(tr("No such expense."));
    if (!e->isEditable())
        return fail(tr("This expense is %1 and can no longer be deleted.").arg(e->status));
    Q sent(m_connection, "SELECT 1 FROM pending_ops WHERE id = ? AND sent = 1", {uuidText(id)});
    const bool anySent = sent.exec() && sent.q.next();
    Q dropUnsent(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    if (!dropUnsent.exec())
        return fail(dropUnsent.error());
    if (e->version == 0 && !anySent) {
        Q del(m_connection, "DELETE FROM expenses WHERE id = ?", {uuidText(id)});
        Q delR(m_connection, "DELETE FROM receipts WHERE expense_id = ?", {uuidText(id)});
        if (!del.exec() || !delR.exec())
            return fail(del.error());
    } else {
        e->deleted = true;
        e->dirty = true;
        e->updatedAt = QDateTime::currentDateTimeUtc();
        if (!writeExpense(*e) || !enqueue(QStringLiteral("expense.delete"), id, e->version, {}))
            return false;
    }
    if (!tx.commit())
        return fail(tr("Cannot delete the expense locally."));
    emit changed();
    return true;
}

std::optional<Expense> LocalStore::expense(const QUuid &id) const
{
    const auto list = queryExpenses(QStringLiteral("WHERE id = ?"), {uuidText(id)});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<Expense> LocalStore::expenses(const QDate &from, const QDate &to) const
{
    return queryExpenses(
        QStringLiteral("WHERE deleted = 0 AND expense_date >= ? AND expense_date <= ? "
                       "ORDER BY expense_date DESC, id"),
        {from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("0000-01-01"),
         to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-12-31")});
}

bool LocalStore::attachReceipt(const QUuid &expenseId, const QString &fileName,
                               const QString &mimeType, const QByteArray &content, QUuid *receiptId)
{
    static const QStringList allowed = {"image/jpeg", "image/png", "application/pdf"};
    if (!allowed.contains(mimeType))
        return fail(tr("Receipts must be JPEG, PNG or PDF files."));
    if (content.isEmpty() || content.size() > 10 * 1024 * 1024)
        return fail(tr("A receipt must be between 1 byte and 10 MiB."));
    if (!expense(expenseId))
        return fail(tr("No such expense."));
    const QUuid id = QUuid::createUuid();
    Q q(m_connection,
        "INSERT INTO receipts (id, expense_id, file_name, mime_type, size_bytes, content, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {uuidText(id), uuidText(expenseId), fileName, mimeType, qint64(content.size()), content,
         nowText()});
    if (!q.exec())
        return fail(q.error());
    if (receiptId)
        *receiptId = id;
    emit changed();
    return true;
}

bool LocalStore::removeReceipt(const QUuid &receiptId)
{
    Q q(m_connection, "DELETE FROM receipts WHERE id = ? AND uploaded = 0", {uuidText(receiptId)});
    if (!q.exec())
        return fail(q.error());
    if (q.q.numRowsAffected() == 0)
        return fail(tr("The receipt is already on the server."));
    emit changed();
    return true;
}

QList<Receipt> LocalStore::receipts(const QUuid &expenseId) const
{
    QList<Receipt> out;
    Q q(m_connection,
        "SELECT id, expense_id, file_name, mime_type, size_bytes, uploaded FROM receipts "
        "WHERE expense_id = ? ORDER BY created_at, id",
        {uuidText(expenseId)});
    if (!q.exec())
        return out;
    while (q.q.next())
        out.append({QUuid::fromString(q.q.value(0).toString()),
                    QUuid::fromString(q.q.value(1).toString()), q.q.value(2).toString(),
                    q.q.value(3).toString(), q.q.value(4).toLongLong(), q.q.value(5).toBool()});
    return out;
}

QByteArray LocalStore::receiptContent(const QUuid &receiptId) const
{
    Q q(m_connection, "SELECT content FROM receipts WHERE id = ?", {uuidText(receiptId)});
    return q.exec() && q.q.next() ? q.q.value(0).toByteArray() : QByteArray();
}

QList<Receipt> LocalStore::pendingReceipts() const
{
    QList<Receipt> out;
    Q q(m_connection,
        "SELECT r.id, r.expense_id, r.file_name, r.mime_type, r.size_bytes FROM receipts r "
        "JOIN expenses e ON e.id = r.expense_id WHERE r.uploaded = 0 AND e.version > 0 "
        "AND e.deleted = 0 ORDER BY r.created_at");
    if (!q.exec())
        return out;
    while (q.q.next())
        out.append({QUuid::fromString(q.q.value(0).toString()),
                    QUuid::fromString(q.q.value(1).toString()), q.q.value(2).toString(),
                    q.q.value(3).toString(), q.q.value(4).toLongLong(), false});
    return out;
}

bool LocalStore::markReceiptUploaded(const QUuid &receiptId)
{
    Q q(m_connection, "UPDATE receipts SET uploaded = 1 WHERE id = ?", {uuidText(receiptId)});
    if (!q.exec())
        return fail(q.error());
    emit changed();
    return true;
}

// ---------------------------------------------------------------- results

bool LocalStore::applyApplied(const QUuid &opId, int version, const QJsonObject &server)
{
    Tx tx(m_connection);
    const auto o = op(opId);
    if (!o)
        return true; // answered before (a replayed batch)
    if (!removeOp(opId) || !rebaseOps(o->id, version))
        return false;
    const bool more = hasOps(o->id);
    const bool isDelete = o->kind.endsWith(QLatin1String(".delete"));
    if (isTimeKind(o->kind)) {
        auto e = timeEntry(o->id);
        if (e && isDelete && !more) {
            Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(o->id)});
            if (!del.exec())
                return fail(del.error());
        } else if (e) {
            e->version = version;
            if (!server.isEmpty()) {
                const TimeEntry s = TimeEntry::fromServerJson(server);
                e->status = s.status;
                e->rejectionReason = s.rejectionReason;
                e->outsideAssignment = s.outsideAssignment;
                if (!s.projectName.isEmpty())
                    e->projectName = s.projectName;
                if (!s.taskName.isEmpty())
                    e->taskName = s.taskName;
                if (!more && !e->billable)
                    e->billable = s.billable;
            }
            if (!more) {
                e->dirty = false;
                e->syncState = SyncState::Synced;
                e->syncMessage.clear();
                e->serverCopy = {};
            }
            if (!writeTimeEntry(*e))
                return false;
        }
    } else {
        auto e = expense(o->id);
        if (e && isDelete && !more) {
            Q del(m_connection, "DELETE FROM expenses WHERE id = ?", {uuidText(o->id)});
            Q delR(m_connection, "DELETE FROM receipts WHERE expense_id = ?", {uuidText(o->id)});
            if (!del.exec() || !delR.exec())
                return fail(del.error());
        } else if (e) {
            e->version = version;
            if (!server.isEmpty()) {
                const Expense s = Expense::fromServerJson(server);
                e->status = s.status;
                e->rejectionReason = s.rejectionReason;
                e->policyBreach = s.policyBreach;
                e->serverJson = server;
                if (!s.categoryName.isEmpty())
                    e->categoryName = s.categoryName;
            }
            if (!more) {
                e->dirty = false;
                e->syncState = SyncState::Synced;
                e->syncMessage.clear();
                e->serverCopy = {};
            }
            if (!writeExpense(*e))
                return false;
        }
    }
    if (!tx.commit())
        return fail(tr("Cannot record the server's answer."));
    emit changed();
    return true;
}

bool LocalStore::applyRejected(const QUuid &opId, const QString &reason)
{
    Tx tx(m_connection);
    const auto o = op(opId);
    if (!o)
        return true;
    if (!removeOp(opId))
        return false;
    if (isTimeKind(o->kind)) {
        if (auto e = timeEntry(o->id)) {
            e->deleted = false; // a refused delete: the entry is still there
            e->syncState = SyncState::Rejected;
            e->syncMessage = reason;
            if (!writeTimeEntry(*e))
                return false;
        }
    } else if (auto e = expense(o->id)) {
        e->deleted = false;
        e->syncState = SyncState::Rejected;
        e->syncMessage = reason;
        if (!writeExpense(*e))
            return false;
    }
    if (!tx.commit())
        return fail(tr("Cannot record the server's answer."));
    emit changed();
    return true;
}

bool LocalStore::applyConflict(const QUuid &opId, const QJsonObject &server, const QString &reason)
{
    Tx tx(m_connection);
    const auto o = op(opId);
    if (!o)
        return true;
    // Later unsent changes of the record would meet the same conflict; the row keeps them.
    Q drop(m_connection, "DELETE FROM pending_ops WHERE op_id = ? OR (id = ? AND sent = 0)",
           {uuidText(opId), uuidText(o->id)});
    if (!drop.exec())
        return fail(drop.error());
    if (isTimeKind(o->kind)) {
        if (auto e = timeEntry(o->id)) {
            e->deleted = false;
            e->syncState = SyncState::Conflict;
            e->syncMessage = reason;
            e->serverCopy = server;
            if (!server.isEmpty())
                e->status = server.value("status").toString(e->status);
            if (!writeTimeEntry(*e))
                return false;
        }
    } else if (auto e = expense(o->id)) {
        e->deleted = false;
        e->syncState = SyncState::Conflict;
        e->syncMessage = reason;
        e->serverCopy = server;
        if (!server.isEmpty())
            e->status = server.value("status").toString(e->status);
        if (!writeExpense(*e))
            return false;
    }
    if (!tx.commit())
        return fail(tr("Cannot record the server's answer."));
    emit changed();
    return true;
}

bool LocalStore::mergeServerTimeEntry(const QJsonObject &json)
{
    const TimeEntry s = TimeEntry::fromServerJson(json);
    if (s.id.isNull())
        return false;
    Tx tx(m_connection);
    const auto local = timeEntry(s.id);
    bool ok = true;
    if (local && local->dirty) {
        // The user's unsynced change wins locally; the server decides the status.
        TimeEntry e = *local;
        e.status = s.status;
        e.rejectionReason = s.rejectionReason;
        ok = writeTimeEntry(e);
    } else if (s.status == QLatin1String("deleted")) {
        Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(s.id)});
        ok = del.exec();
    } else {
        TimeEntry e = s;
        e.updatedAt = QDateTime::currentDateTimeUtc();
        ok = writeTimeEntry(e);
    }
    if (!ok || !tx.commit())
        return false;
    return true;
}

bool LocalStore::mergeServerExpense(const QJsonObject &json)
{
    const Expense s = Expense::fromServerJson(json);
    if (s.id.isNull())
        return false;
    Tx tx(m_connection);
    const auto local = expense(s.id);
    bool ok = true;
    if (local && local->dirty) {
        Expense e = *local;
        e.status = s.status;
        e.rejectionReason = s.rejectionReason;
        e.policyBreach = s.policyBreach;
        ok = writeExpense(e);
    } else if (s.status == QLatin1String("deleted")) {
        Q del(m_connection, "DELETE FROM expenses WHERE id = ?", {uuidText(s.id)});
        ok = del.exec();
    } else {
        Expense e = s;
        e.updatedAt = QDateTime::currentDateTimeUtc();
        ok = writeExpense(e);
        // Receipts the server holds are uploaded by definition.
        for (const QJsonValue &r : json.value("receipts").toArray()) {
            Q up(m_connection, "UPDATE receipts SET uploaded = 1 WHERE id = ?",
                 {r.toObject().value("id").toString()});
            up.exec();
        }
    }
    if (!ok || !tx.commit())
        return false;
    return true;
}

// ---------------------------------------------------------------- resolution

QUuid LocalStore::keepMineAsNew(const QUuid &id)
{
    Tx tx(m_connection);
    const auto local = timeEntry(id);
    if (!local) {
        fail(tr("No such entry."));
        return {};
    }
    TimeEntry mine = *local;
    mine.id = QUuid::createUuid();
    mine.version = 0;
    mine.status = QStringLiteral("draft");
    mine.rejectionReason.clear();
    mine.syncState = SyncState::Synced;
    mine.syncMessage.clear();
    mine.serverCopy = {};
    mine.deleted = false;
    Q drop(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    if (!drop.exec()) {
        fail(drop.error());
        return {};
    }
    bool ok = true;
    if (!local->serverCopy.isEmpty()) {
        TimeEntry theirs = TimeEntry::fromServerJson(local->serverCopy);
        ok = writeTimeEntry(theirs);
    } else if (local->version > 0) {
        // A rejected edit of an entry the server holds: its copy comes back with a full pull.
        Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(id)});
        Q cursor(m_connection, "DELETE FROM meta WHERE key = 'cursor'");
        ok = del.exec() && cursor.exec();
    } else {
        Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(id)});
        ok = del.exec();
    }
    mine.dirty = true;
    mine.updatedAt = QDateTime::currentDateTimeUtc();
    if (!ok || !writeTimeEntry(mine) ||
        !enqueue(QStringLiteral("time_entry.save"), mine.id, 0, mine.toFields()) || !tx.commit()) {
        fail(tr("Cannot keep the entry as a new one."));
        return {};
    }
    appendLog(QStringLiteral("info"),
              tr("Kept your %1 h on %2 as a new entry.")
                  .arg(mine.hours, QLocale().toString(mine.workDate, QLocale::ShortFormat)));
    emit changed();
    return mine.id;
}

bool LocalStore::takeServers(const QUuid &id)
{
    Tx tx(m_connection);
    const auto local = timeEntry(id);
    if (!local)
        return fail(tr("No such entry."));
    Q drop(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    bool ok = drop.exec();
    if (!local->serverCopy.isEmpty()) {
        ok = ok && writeTimeEntry(TimeEntry::fromServerJson(local->serverCopy));
    } else {
        Q del(m_connection, "DELETE FROM time_entries WHERE id = ?", {uuidText(id)});
        ok = ok && del.exec();
        if (local->version > 0) {
            Q cursor(m_connection, "DELETE FROM meta WHERE key = 'cursor'");
            ok = ok && cursor.exec();
        }
    }
    if (!ok || !tx.commit())
        return fail(tr("Cannot take the server's version."));
    appendLog(QStringLiteral("info"),
              tr("Dropped your change of %1 h on %2; the server's version stands.")
                  .arg(local->hours, QLocale().toString(local->workDate, QLocale::ShortFormat)));
    emit changed();
    return true;
}

QUuid LocalStore::keepMyExpenseAsNew(const QUuid &id)
{
    Tx tx(m_connection);
    const auto local = expense(id);
    if (!local) {
        fail(tr("No such expense."));
        return {};
    }
    Expense mine = *local;
    mine.id = QUuid::createUuid();
    mine.version = 0;
    mine.status = QStringLiteral("draft");
    mine.rejectionReason.clear();
    mine.policyBreach.clear();
    mine.serverJson = {};
    mine.syncState = SyncState::Synced;
    mine.syncMessage.clear();
    mine.serverCopy = {};
    mine.deleted = false;
    mine.dirty = true;
    Q drop(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    bool ok = drop.exec();
    // Receipts not yet on the server travel with the new expense.
    Q moveR(m_connection,
            "UPDATE receipts SET expense_id = ? WHERE expense_id = ? AND uploaded = 0",
            {uuidText(mine.id), uuidText(id)});
    ok = ok && moveR.exec();
    if (!local->serverCopy.isEmpty()) {
        ok = ok && writeExpense(Expense::fromServerJson(local->serverCopy));
    } else {
        Q del(m_connection, "DELETE FROM expenses WHERE id = ?", {uuidText(id)});
        ok = ok && del.exec();
        if (local->version > 0) {
            Q cursor(m_connection, "DELETE FROM meta WHERE key = 'cursor'");
            ok = ok && cursor.exec();
        }
    }
    if (!ok || !writeExpense(mine) ||
        !enqueue(QStringLiteral("expense.save"), mine.id, 0, mine.toFields()) || !tx.commit()) {
        fail(tr("Cannot keep the expense as a new one."));
        return {};
    }
    emit changed();
    return mine.id;
}

bool LocalStore::takeServersExpense(const QUuid &id)
{
    Tx tx(m_connection);
    const auto local = expense(id);
    if (!local)
        return fail(tr("No such expense."));
    Q drop(m_connection, "DELETE FROM pending_ops WHERE id = ? AND sent = 0", {uuidText(id)});
    bool ok = drop.exec();
    if (!local->serverCopy.isEmpty()) {
        ok = ok && writeExpense(Expense::fromServerJson(local->serverCopy));
    } else {
        Q del(m_connection, "DELETE FROM expenses WHERE id = ?", {uuidText(id)});
        Q delR(m_connection, "DELETE FROM receipts WHERE expense_id = ? AND uploaded = 0",
               {uuidText(id)});
        ok = ok && del.exec() && delR.exec();
        if (local->version > 0) {
            Q cursor(m_connection, "DELETE FROM meta WHERE key = 'cursor'");
            ok = ok && cursor.exec();
        }
    }
    if (!ok || !tx.commit())
        return fail(tr("Cannot take the server's version."));
    emit changed();
    return true;
}

// ---------------------------------------------------------------- reference data

bool LocalStore::setReference(const QJsonObject &reference)
{
    Tx tx(m_connection);
    for (auto it = reference.begin(); it != reference.end(); ++it) {
        // Wrapped so arrays (projects) and objects (employee) and strings (today) all fit.
        Q q(m_connection, "INSERT OR REPLACE INTO reference_data (kind, json) VALUES (?, ?)",
            {it.key(),
             QString::fromUtf8(
                 QJsonDocument(QJsonObject{{"v", it.value()}}).toJson(QJsonDocument::Compact))});
        if (!q.exec())
            return fail(q.error());
    }
    if (!tx.commit())
        return fail(tr("Cannot store the reference data."));
    emit changed();
    return true;
}

QJsonObject LocalStore::reference() const
{
    QJsonObject out;
    Q q(m_connection, "SELECT kind, json FROM reference_data");
    if (q.exec())
        while (q.q.next())
            out.insert(
                q.q.value(0).toString(),
                QJsonDocument::fromJson(q.q.value(1).toString().toUtf8()).object().value("v"));
    return out;
}

QJsonValue LocalStore::referenceValue(const QString &kind) const
{
    Q q(m_connection, "SELECT json FROM reference_data WHERE kind = ?", {kind});
    if (!q.exec() || !q.q.next())
        return {};
    return QJsonDocument::fromJson(q.q.value(0).toString().toUtf8()).object().value("v");
}

QJsonArray LocalStore::projects() const
{
    return referenceValue(QStringLiteral("projects")).toArray();
}

QJsonArray LocalStore::tasks(qint64 projectId) const
{
    const QJsonArray all = referenceValue(QStringLiteral("tasks")).toArray();
    if (projectId == 0)
        return all;
    QJsonArray out;
    for (const QJsonValue &t : all)
        if (idFrom(t.toObject().value("project_id")) == projectId)
            out.append(t);
    return out;
}

QJsonArray LocalStore::assignments() const
{
    return referenceValue(QStringLiteral("assignments")).toArray();
}

QJsonArray LocalStore::categories() const
{
    // GET /sync/reference calls them expense_categories.
    const QJsonValue v = referenceValue(QStringLiteral("expense_categories"));
    return v.isArray() ? v.toArray() : referenceValue(QStringLiteral("categories")).toArray();
}

Decimal LocalStore::weeklyCapacityHours() const
{
    const QJsonValue v =
        referenceValue(QStringLiteral("employee")).toObject().value("weekly_capacity_hours");
    const auto d = Decimal::parse(v.isString() ? v.toString() : QString::number(v.toInt()));
    return d && d->isPositive() ? *d : Decimal::fromInt(40);
}

QString LocalStore::projectName(qint64 projectId) const
{
    for (const QJsonValue &p : projects()) {
        const QJsonObject o = p.toObject();
        if (idFrom(o.value("id")) == projectId)
            return o.value("name").toString();
    }
    return {};
}

QString LocalStore::taskName(qint64 taskId) const
{
    for (const QJsonValue &t : tasks()) {
        const QJsonObject o = t.toObject();
        if (idFrom(o.value("id")) == taskId)
            return o.value("name").toString();
    }
    return {};
}

// ---------------------------------------------------------------- meta and log

QString LocalStore::value(const QString &key) const
{
    Q q(m_connection, "SELECT value FROM meta WHERE key = ?", {key});
    return q.exec() && q.q.next() ? q.q.value(0).toString() : QString();
}

bool LocalStore::setValue(const QString &key, const QString &value)
{
    Q q(m_connection, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", {key, value});
    return q.exec() || fail(q.error());
}

QString LocalStore::syncCursor() const
{
    return value(QStringLiteral("cursor"));
}

bool LocalStore::setSyncCursor(const QString &cursor)
{
    return setValue(QStringLiteral("cursor"), cursor) &&
           setValue(QStringLiteral("last_sync_at"), nowText());
}

QDateTime LocalStore::lastSyncAt() const
{
    return QDateTime::fromString(value(QStringLiteral("last_sync_at")), Qt::ISODateWithMs);
}

QJsonObject LocalStore::cachedIdentity() const
{
    return QJsonDocument::fromJson(value(QStringLiteral("identity")).toUtf8()).object();
}

bool LocalStore::setCachedIdentity(const QJsonObject &identity)
{
    return setValue(QStringLiteral("identity"), jsonText(identity));
}

bool LocalStore::appendLog(const QString &kind, const QString &text)
{
    const QDateTime at = QDateTime::currentDateTimeUtc();
    Q q(m_connection, "INSERT INTO sync_log (at, kind, text) VALUES (?, ?, ?)",
        {at.toString(Qt::ISODateWithMs), kind, text});
    if (!q.exec())
        return fail(q.error());
    // Keep the log readable and the file small.
    Q trim(m_connection, "DELETE FROM sync_log WHERE seq < (SELECT max(seq) - 2000 FROM sync_log)");
    trim.exec();
    emit logAppended({at, kind, text});
    return true;
}

QList<SyncLogLine> LocalStore::log(int limit) const
{
    QList<SyncLogLine> out;
    Q q(m_connection, "SELECT at, kind, text FROM sync_log ORDER BY seq DESC LIMIT ?", {limit});
    if (q.exec())
        while (q.q.next())
            out.append({QDateTime::fromString(q.q.value(0).toString(), Qt::ISODateWithMs),
                        q.q.value(1).toString(), q.q.value(2).toString()});
    return out;
}

} // namespace keel::offline
