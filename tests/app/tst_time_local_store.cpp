// The offline store alone (SQLite, no server): saving queues an operation in the same
// transaction, answers clear or mark records, conflicts are resolved by the user, and nothing
// is dropped before the server acknowledged it.
#include "local_store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace keel::offline;

class TestTimeLocalStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void saveQueuesOneOperationPerChange();
    void unsentSavesCoalesceSentOnesStay();
    void appliedClearsDirtyAndRebasesLaterOps();
    void rejectedKeepsTheEntryWithTheReason();
    void conflictKeepsBothUntilResolved_keepMine();
    void conflictTakeServers();
    void deleteWaitsForTheServer();
    void pullNeverOverwritesDirtyRows();
    void survivesReopen();
    void expensesAndReceipts();
    void badHoursAreRefused();
    void identityReferenceAndLog();

private:
    TimeEntry entry(const QDate &date, const QString &hours) const;
    QTemporaryDir *m_dir = nullptr;
    LocalStore *m_store = nullptr;
};

void TestTimeLocalStore::init()
{
    m_dir = new QTemporaryDir;
    m_store = new LocalStore;
    QVERIFY(m_store->openFor(QUrl("http://127.0.0.1:1"), "alice", m_dir->path()));
    QVERIFY(m_store->setReference(QJsonObject{
        {"projects", QJsonArray{QJsonObject{{"id", "7"}, {"name", "Apollo rollout"}}}},
        {"tasks", QJsonArray{QJsonObject{{"id", "70"}, {"project_id", "7"}, {"name", "Build"}}}}}));
}

void TestTimeLocalStore::cleanup()
{
    delete m_store;
    delete m_dir;
}

TimeEntry TestTimeLocalStore::entry(const QDate &date, const QString &hours) const
{
    TimeEntry e;
    e.workDate = date;
    e.projectId = 7;
    e.taskId = 70;
    e.hours = hours;
    e.notes = QStringLiteral("work");
    return e;
}

void TestTimeLocalStore::saveQueuesOneOperationPerChange()
{
    QSignalSpy changed(m_store, &LocalStore::changed);
    TimeEntry e = entry(QDate(2026, 11, 23), "7.50");
    QVERIFY(m_store->saveTimeEntry(e));
    QVERIFY(!e.id.isNull());
    QCOMPARE(changed.count(), 1);
    const auto stored = m_store->timeEntry(e.id);
    QVERIFY(stored);
    QCOMPARE(stored->hours, QString("7.50"));
    QCOMPARE(stored->projectName, QString("Apollo rollout"));
    QCOMPARE(stored->taskName, QString("Build"));
    QVERIFY(stored->dirty);
    QCOMPARE(stored->version, 0);
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].kind, QString("time_entry.save"));
    QCOMPARE(ops[0].id, e.id);
    QCOMPARE(ops[0].baseVersion, 0);
    QCOMPARE(ops[0].fields.value("hours").toString(), QString("7.50"));
    QCOMPARE(ops[0].fields.value("project_id").toString(), QString("7"));
    QCOMPARE(ops[0].fields.value("work_date").toString(), QString("2026-11-23"));
    QCOMPARE(m_store->unsyncedCount(), 1);
}

void TestTimeLocalStore::unsentSavesCoalesceSentOnesStay()
{
    TimeEntry e = entry(QDate(2026, 11, 23), "1");
    QVERIFY(m_store->saveTimeEntry(e));
    e.hours = "2";
    QVERIFY(m_store->saveTimeEntry(e));
    QCOMPARE(m_store->pendingOpCount(), 1);
    QCOMPARE(m_store->pendingOps()[0].fields.value("hours").toString(), QString("2"));
    // Once sent, the server may hold its result under that op_id: a new change is a new op.
    QVERIFY(m_store->markSent({m_store->pendingOps()[0].opId}));
    e.hours = "3";
    QVERIFY(m_store->saveTimeEntry(e));
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops[0].fields.value("hours").toString(), QString("2"));
    QCOMPARE(ops[1].fields.value("hours").toString(), QString("3"));
}

void TestTimeLocalStore::appliedClearsDirtyAndRebasesLaterOps()
{
    TimeEntry e = entry(QDate(2026, 11, 23), "4");
    QVERIFY(m_store->saveTimeEntry(e));
    const QUuid first = m_store->pendingOps()[0].opId;
    QVERIFY(m_store->markSent({first}));
    e.hours = "5";
    QVERIFY(m_store->saveTimeEntry(e));

    QVERIFY(m_store->applyApplied(first, 1,
                                  QJsonObject{{"id", e.id.toString(QUuid::WithoutBraces)},
                                              {"status", "draft"},
                                              {"hours", "4.00"},
                                              {"version", 1}}));
    auto stored = m_store->timeEntry(e.id);
    QVERIFY(stored->dirty); // the second change is still on its way
    QCOMPARE(stored->hours, QString("5"));
    QCOMPARE(stored->version, 1);
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].baseVersion, 1);

    QVERIFY(m_store->applyApplied(ops[0].opId, 2, {}));
    stored = m_store->timeEntry(e.id);
    QVERIFY(!stored->dirty);
    QCOMPARE(stored->version, 2);
    QCOMPARE(m_store->unsyncedCount(), 0);
    // A replayed answer changes nothing.
    QVERIFY(m_store->applyApplied(ops[0].opId, 2, {}));
    QCOMPARE(m_store->timeEntry(e.id)->version, 2);
}

void TestTimeLocalStore::rejectedKeepsTheEntryWithTheReason()
{
    TimeEntry e = entry(QDate(2026, 10, 5), "8");
    QVERIFY(m_store->saveTimeEntry(e));
    const QUuid op = m_store->pendingOps()[0].opId;
    QVERIFY(m_store->applyRejected(op, "October 2026 is closed for time entry."));
    const auto stored = m_store->timeEntry(e.id);
    QVERIFY(stored);
    QVERIFY(stored->dirty);
    QCOMPARE(stored->syncState, SyncState::Rejected);
    QCOMPARE(stored->syncMessage, QString("October 2026 is closed for time entry."));
    QCOMPARE(stored->hours, QString("8"));
    QCOMPARE(m_store->pendingOpCount(), 0);
    QCOMPARE(m_store->unsyncedCount(), 1);
    QCOMPARE(m_store->problemTimeEntries().size(), 1);
    // Editing again queues a new attempt; the mark stays until the server accepts it.
    e.hours = "6";
    QVERIFY(m_store->saveTimeEntry(e));
    QCOMPARE(m_store->timeEntry(e.id)->syncState, SyncState::Rejected);
    QVERIFY(m_store->applyApplied(m_store->pendingOps()[0].opId, 1, {}));
    QCOMPARE(m_store->timeEntry(e.id)->syncState, SyncState::Synced);
}

void TestTimeLocalStore::conflictKeepsBothUntilResolved_keepMine()
{
    TimeEntry e = entry(QDate(2026, 11, 24), "3");
    QVERIFY(m_store->saveTimeEntry(e));
    QVERIFY(m_store->applyApplied(m_store->pendingOps()[0].opId, 1, {}));
    e.hours = "6";
    QVERIFY(m_store->saveTimeEntry(e));
    const QJsonObject server{{"id", e.id.toString(QUuid::WithoutBraces)},
                             {"work_date", "2026-11-24"},
                             {"project_id", "7"},
                             {"task_id", "70"},
                             {"hours", "3.00"},
                             {"notes", "work"},
                             {"status", "approved"},
                             {"version", 3}};
    QVERIFY(m_store->applyConflict(m_store->pendingOps()[0].opId, server,
                                   "The entry was approved on the server meanwhile."));
    auto stored = m_store->timeEntry(e.id);
    QCOMPARE(stored->syncState, SyncState::Conflict);
    QCOMPARE(stored->hours, QString("6")); // mine, kept
    QCOMPARE(stored->serverCopy.value("hours").toString(), QString("3.00"));
    QCOMPARE(stored->status, QString("approved"));

    const QUuid mine = m_store->keepMineAsNew(e.id);
    QVERIFY(!mine.isNull());
    QVERIFY(mine != e.id);
    const auto theirs = m_store->timeEntry(e.id);
    QCOMPARE(theirs->hours, QString("3.00"));
    QCOMPARE(theirs->status, QString("approved"));
    QVERIFY(!theirs->dirty);
    const auto copy = m_store->timeEntry(mine);
    QCOMPARE(copy->hours, QString("6"));
    QCOMPARE(copy->status, QString("draft"));
    QVERIFY(copy->dirty);
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].id, mine);
    QCOMPARE(ops[0].baseVersion, 0);
}

void TestTimeLocalStore::conflictTakeServers()
{
    TimeEntry e = entry(QDate(2026, 11, 24), "3");
    QVERIFY(m_store->saveTimeEntry(e));
    QVERIFY(m_store->applyApplied(m_store->pendingOps()[0].opId, 1, {}));
    e.hours = "6";
    QVERIFY(m_store->saveTimeEntry(e));
    QJsonObject server = TimeEntry(e).toFields();
    server.insert("id", e.id.toString(QUuid::WithoutBraces));
    server.insert("hours", "3.00");
    server.insert("status", "submitted");
    server.insert("version", 2);
    QVERIFY(m_store->applyConflict(m_store->pendingOps()[0].opId, server, "Submitted meanwhile."));
    QVERIFY(m_store->takeServers(e.id));
    const auto stored = m_store->timeEntry(e.id);
    QCOMPARE(stored->hours, QString("3.00"));
    QCOMPARE(stored->status, QString("submitted"));
    QCOMPARE(stored->version, 2);
    QVERIFY(!stored->dirty);
    QCOMPARE(m_store->pendingOpCount(), 0);
    QCOMPARE(m_store->unsyncedCount(), 0);
}

void TestTimeLocalStore::deleteWaitsForTheServer()
{
    // Never pushed: nothing to acknowledge, gone at once.
    TimeEntry local = entry(QDate(2026, 11, 25), "1");
    QVERIFY(m_store->saveTimeEntry(local));
    QVERIFY(m_store->deleteTimeEntry(local.id));
    QVERIFY(!m_store->timeEntry(local.id));
    QCOMPARE(m_store->pendingOpCount(), 0);

    TimeEntry e = entry(QDate(2026, 11, 25), "2");
    QVERIFY(m_store->saveTimeEntry(e));
    QVERIFY(m_store->applyApplied(m_store->pendingOps()[0].opId, 1, {}));
    QVERIFY(m_store->deleteTimeEntry(e.id));
    auto stored = m_store->timeEntry(e.id);
    QVERIFY(stored); // still there, marked, until the server says so
    QVERIFY(stored->deleted);
    QVERIFY(m_store->timeEntries(QDate(2026, 11, 23), QDate(2026, 11, 29)).isEmpty());
    const auto ops = m_store->pendingOps();
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].kind, QString("time_entry.delete"));
    QCOMPARE(ops[0].baseVersion, 1);
    QVERIFY(m_store->applyApplied(ops[0].opId, 2, {}));
    QVERIFY(!m_store->timeEntry(e.id));
}

void TestTimeLocalStore::pullNeverOverwritesDirtyRows()
{
    TimeEntry e = entry(QDate(2026, 11, 23), "5");
    QVERIFY(m_store->saveTimeEntry(e));
    QVERIFY(m_store->applyApplied(m_store->pendingOps()[0].opId, 1, {}));
    e.hours = "6";
    QVERIFY(m_store->saveTimeEntry(e));
    QJsonObject server{{"id", e.id.toString(QUuid::WithoutBraces)},
                       {"work_date", "2026-11-23"},
                       {"project_id", "7"},
                       {"hours", "5.00"},
                       {"status", "rejected"},
                       {"rejection_reason", "Wrong task"},
                       {"version", 2}};
    QVERIFY(m_store->mergeServerTimeEntry(server));
    auto stored = m_store->timeEntry(e.id);
    QCOMPARE(stored->hours, QString("6"));
    QCOMPARE(stored->status, QString("rejected")); // the server decides the status
    QCOMPARE(stored->rejectionReason, QString("Wrong task"));

    // A clean row takes the server's copy whole; an entry new to us arrives.
    TimeEntry clean = entry(QDate(2026, 11, 24), "2");
    QVERIFY(m_store->saveTimeEntry(clean));
    QVERIFY(m_store->applyApplied(m_store->pendingOps().last().opId, 1, {}));
    QVERIFY(
        m_store->mergeServerTimeEntry(QJsonObject{{"id", clean.id.toString(QUuid::WithoutBraces)},
                                                  {"work_date", "2026-11-24"},
                                                  {"project_id", "7"},
                                                  {"hours", "2.00"},
                                                  {"status", "approved"},
                                                  {"version", 3}}));
    QCOMPARE(m_store->timeEntry(clean.id)->status, QString("approved"));
    QCOMPARE(m_store->timeEntry(clean.id)->version, 3);
    QVERIFY(!m_store->timeEntry(clean.id)->isEditable());
    TimeEntry approvedEdit = *m_store->timeEntry(clean.id);
    approvedEdit.hours = "9";
    QVERIFY(!m_store->saveTimeEntry(approvedEdit));
}

void TestTimeLocalStore::survivesReopen()
{
    TimeEntry e = entry(QDate(2026, 11, 23), "7.25");
    QVERIFY(m_store->saveTimeEntry(e));
    const QString path = m_store->filePath();
    m_store->close();
    LocalStore again;
    QVERIFY(again.open(path));
    QCOMPARE(again.timeEntry(e.id)->hours, QString("7.25"));
    QCOMPARE(again.pendingOpCount(), 1);
    QCOMPARE(again.unsyncedCount(), 1);
}

void TestTimeLocalStore::expensesAndReceipts()
{
    Expense x;
    x.expenseDate = QDate(2026, 11, 20);
    x.categoryId = 3;
    x.description = "Train to Leeds";
    x.amount = "84.20";
    x.currency = "GBP";
    QVERIFY(m_store->saveExpense(x));
    QUuid rid;
    QVERIFY(m_store->attachReceipt(x.id, "ticket.pdf", "application/pdf", "%PDF-1.4 ticket", &rid));
    QVERIFY(!m_store->attachReceipt(x.id, "ticket.gif", "image/gif", "GIF89a"));
    QCOMPARE(m_store->expenses().size(), 1);
    QCOMPARE(m_store->expenses()[0].receipts.size(), 1);
    QCOMPARE(m_store->receiptContent(rid), QByteArray("%PDF-1.4 ticket"));
    QVERIFY(m_store->pendingReceipts().isEmpty()); // the server does not know the expense yet
    const auto op = m_store->pendingOps()[0];
    QCOMPARE(op.kind, QString("expense.save"));
    QCOMPARE(op.fields.value("amount").toObject().value("amount").toString(), QString("84.20"));
    QCOMPARE(m_store->unsyncedCount(), 2); // the expense and its receipt
    QVERIFY(m_store->applyApplied(op.opId, 1, {}));
    QCOMPARE(m_store->pendingReceipts().size(), 1);
    QVERIFY(m_store->markReceiptUploaded(rid));
    QCOMPARE(m_store->unsyncedCount(), 0);
}

void TestTimeLocalStore::badHoursAreRefused()
{
    for (const char *bad : {"", "abc", "1.234", "7,5", "1e2"}) {
        TimeEntry e = entry(QDate(2026, 11, 23), bad);
        QVERIFY2(!m_store->saveTimeEntry(e), bad);
    }
    QCOMPARE(m_store->pendingOpCount(), 0);
}

void TestTimeLocalStore::identityReferenceAndLog()
{
    QVERIFY(m_store->setCachedIdentity(QJsonObject{{"username", "alice"}}));
    QCOMPARE(m_store->cachedIdentity().value("username").toString(), QString("alice"));
    QCOMPARE(m_store->tasks(7).size(), 1);
    QCOMPARE(m_store->tasks(8).size(), 0);
    QVERIFY(m_store->setSyncCursor("123"));
    QCOMPARE(m_store->syncCursor(), QString("123"));
    QVERIFY(m_store->lastSyncAt().isValid());
    QVERIFY(m_store->appendLog("applied", "Saved 7.50 h"));
    QVERIFY(m_store->appendLog("rejected", "Refused"));
    const auto log = m_store->log();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log[0].text, QString("Refused"));
}

QTEST_GUILESS_MAIN(TestTimeLocalStore)
#include "tst_time_local_store.moc"
