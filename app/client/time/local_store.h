#pragma once

#include "decimal.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace keel::offline {

// Where a locally changed record stands with the server, beside the server's own status.
enum class SyncState
{
    Synced,   // nothing pending, or pending and not yet answered
    Rejected, // the server refused the change (syncMessage says why); kept locally
    Conflict  // the server moved on (serverCopy holds its version); kept locally
};

QString syncStateName(SyncState state);
SyncState syncStateFromName(const QString &name);

struct TimeEntry
{
    QUuid id; // client-generated; null on save = a new entry gets one
    QDate workDate;
    qint64 projectId = 0;
    qint64 taskId = 0; // 0 = no task
    QString projectName;
    QString taskName;
    QString hours;                // decimal string, at most 2 decimals ("7.5", "0.25")
    std::optional<bool> billable; // unset = the task's default (the server decides)
    QString notes;
    QString status = QStringLiteral("draft"); // the server's status (authoritative)
    QString rejectionReason;                  // the approver's comment when status rejected
    bool outsideAssignment = false;
    int version = 0; // last version the server acknowledged; 0 = never
    bool dirty = false;
    bool deleted = false; // deleted locally, waiting for the server to acknowledge
    SyncState syncState = SyncState::Synced;
    QString syncMessage;    // the rejection or conflict, in words
    QJsonObject serverCopy; // a conflict: the server's entry
    QDateTime updatedAt;    // local modification time (UTC)

    // Fields of a push operation (work_date, project_id, task_id, hours, billable, notes).
    QJsonObject toFields() const;
    // From the server's entry JSON (server/timeexpense/README.md).
    static TimeEntry fromServerJson(const QJsonObject &json);
    bool isEditable() const; // draft or rejected on the server, and not deleted
};

struct Receipt
{
    QUuid id;
    QUuid expenseId;
    QString fileName;
    QString mimeType;
    qint64 sizeBytes = 0;
    bool uploaded = false;
};

struct Expense
{
    QUuid id;
    QDate expenseDate;
    qint64 categoryId = 0;
    QString categoryName;
    qint64 projectId = 0; // 0 = none
    qint64 taskId = 0;
    QString description;
    QString amount; // decimal string
    QString currency;
    std::optional<bool> billable;
    QString justification;
    QString status = QStringLiteral("draft");
    QString rejectionReason;
    QString policyBreach;
    QJsonObject serverJson; // the last server copy (functional amount, report, …)
    int version = 0;
    bool dirty = false;
    bool deleted = false;
    SyncState syncState = SyncState::Synced;
    QString syncMessage;
    QJsonObject serverCopy;
    QDateTime updatedAt;
    QList<Receipt> receipts; // filled by expense() / expenses()

    QJsonObject toFields() const;
    static Expense fromServerJson(const QJsonObject &json);
    bool isEditable() const;
};

// One queued change, oldest first. Sent ops are never rewritten (the server may already hold
// their result under op_id); unsent ones are coalesced per record.
struct PendingOp
{
    QUuid opId;
    QString kind; // time_entry.save | time_entry.delete | expense.save | expense.delete
    QUuid id;
    int baseVersion = 0;
    QJsonObject fields;
    QDateTime createdAt;
    bool sent = false;

    QJsonObject toJson() const;
};

struct SyncLogLine
{
    QDateTime at;
    QString kind; // applied | rejected | conflict | info | error
    QString text; // in words
};

// The client's offline copy of its own time entries and expenses (with receipts), the
// reference data it needs to enter them, the sync queue and log, and the cached identity for
// starting offline. One SQLite file per server and user. Every change is one transaction that
// writes the record and queues its operation; nothing leaves the store before the server
// acknowledged it.
class LocalStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 1;

    explicit LocalStore(QObject *parent = nullptr);
    ~LocalStore() override;

    // <AppDataLocation>/offline unless `directory` (tests) is given.
    static QString defaultDirectory();
    static QString fileNameFor(const QUrl &server, const QString &username);

    bool open(const QString &filePath);
    bool openFor(const QUrl &server, const QString &username, const QString &directory = {});
    void close();
    bool isOpen() const;
    QString filePath() const { return m_filePath; }
    QString errorString() const { return m_error; }

    // --- time entries
    // Writes the entry (dirty) and queues time_entry.save; a null id gets a new uuid.
    bool saveTimeEntry(TimeEntry &entry);
    // Marks deleted and queues time_entry.delete; an entry the server never saw is dropped.
    bool deleteTimeEntry(const QUuid &id);
    std::optional<TimeEntry> timeEntry(const QUuid &id) const;
    // Not deleted, work_date within [from, to], ordered by date.
    QList<TimeEntry> timeEntries(const QDate &from, const QDate &to) const;
    QList<TimeEntry> problemTimeEntries() const; // rejected or in conflict

    // --- expenses
    bool saveExpense(Expense &expense);
    bool deleteExpense(const QUuid &id);
    std::optional<Expense> expense(const QUuid &id) const;
    // Not deleted; invalid dates = no bound; newest first.
    QList<Expense> expenses(const QDate &from = {}, const QDate &to = {}) const;
    // Keeps the file in the store; uploaded once the server holds the expense.
    bool attachReceipt(const QUuid &expenseId, const QString &fileName, const QString &mimeType,
                       const QByteArray &content, QUuid *receiptId = nullptr);
    bool removeReceipt(const QUuid &receiptId); // only while not uploaded
    QList<Receipt> receipts(const QUuid &expenseId) const;
    QByteArray receiptContent(const QUuid &receiptId) const;
    QList<Receipt> pendingReceipts() const; // not uploaded, their expense known to the server
    bool markReceiptUploaded(const QUuid &receiptId);

    // --- queue and results (SyncEngine)
    QList<PendingOp> pendingOps(int limit = 500) const;
    int pendingOpCount() const;
    // Changes not yet on the server: dirty records and receipts not uploaded.
    int unsyncedCount() const;
    bool markSent(const QList<QUuid> &opIds);
    bool applyApplied(const QUuid &opId, int version, const QJsonObject &server);
    bool applyRejected(const QUuid &opId, const QString &reason);
    bool applyConflict(const QUuid &opId, const QJsonObject &server, const QString &reason);
    // A pulled record: replaces a clean local row; a dirty one only takes the server's status.
    bool mergeServerTimeEntry(const QJsonObject &json);
    bool mergeServerExpense(const QJsonObject &json);
    // Merges are silent (a pull merges many rows); the caller announces the batch once.
    void announceChanges() { emit changed(); }

    // --- resolving a rejection or conflict
    // The local version becomes a new entry (new uuid, queued); the old id takes the server's
    // copy (or disappears when the server never had it). Returns the new id.
    QUuid keepMineAsNew(const QUuid &id);
    // Drops the local change: the server's copy (if any) replaces it.
    bool takeServers(const QUuid &id);
    QUuid keepMyExpenseAsNew(const QUuid &id);
    bool takeServersExpense(const QUuid &id);

    // --- reference data (GET /sync/reference), replaced as a whole
    bool setReference(const QJsonObject &reference);
    QJsonObject reference() const;
    QJsonArray projects() const;
    QJsonArray tasks(qint64 projectId = 0) const; // 0 = all
    QJsonArray assignments() const;
    QJsonArray categories() const; // expense categories with their policy
    QJsonValue referenceValue(const QString &kind) const;
    // From the reference's employee; 40 when unknown.
    Decimal weeklyCapacityHours() const;
    QString projectName(qint64 projectId) const;
    QString taskName(qint64 taskId) const;

    // --- sync state, identity, log
    QString syncCursor() const;
    bool setSyncCursor(const QString &cursor);
    QDateTime lastSyncAt() const;
    // {"server": url, "username", "me": /me JSON, "saved_at"}
    QJsonObject cachedIdentity() const;
    bool setCachedIdentity(const QJsonObject &identity);
    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value);
    bool appendLog(const QString &kind, const QString &text);
    QList<SyncLogLine> log(int limit = 500) const; // newest first

signals:
    // Any local record or the queue changed (UI refresh, unsynced count).
    void changed();
    void logAppended(const keel::offline::SyncLogLine &line);

private:
    class Tx;
    bool migrate();
    bool fail(const QString &what);
    bool enqueue(const QString &kind, const QUuid &id, int baseVersion, const QJsonObject &fields);
    bool writeTimeEntry(const TimeEntry &entry);
    bool writeExpense(const Expense &expense);
    QList<TimeEntry> queryTimeEntries(const QString &where, const QVariantList &binds) const;
    QList<Expense> queryExpenses(const QString &where, const QVariantList &binds) const;
    std::optional<PendingOp> op(const QUuid &opId) const;
    bool removeOp(const QUuid &opId);
    bool rebaseOps(const QUuid &id, int version);
    bool hasOps(const QUuid &id) const;

    QString m_connection;
    QString m_filePath;
    QString m_error;
};

} // namespace keel::offline
