#include "audit/audit_log.h"
#include "test_database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace keel;
using namespace keel::test;

// The audit log is append-only in the database itself, and its hash chain exposes tampering.
class AuditLogTest : public QObject
{
    Q_OBJECT

    static void append(QSqlDatabase db, int n)
    {
        for (int i = 0; i < n; ++i) {
            AuditEntry e;
            e.actorName = QStringLiteral("tester");
            e.action = QStringLiteral("thing.change");
            e.recordType = QStringLiteral("thing");
            e.recordId = QString::number(i);
            e.before = {{"amount", "10.00"}};
            e.after = {{"amount", QStringLiteral("%1.00").arg(i)}};
            appendAudit(db, e);
        }
    }

    static QVariant verify(QSqlDatabase db)
    {
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT audit_log_verify()"));
        q.next();
        return q.value(0);
    }

private Q_SLOTS:
    void updateDeleteAndTruncateAreRefused()
    {
        auto database = TestDatabase::create(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        append(db, 3);
        for (const char *sql : {"UPDATE audit_log SET actor_name = 'mallory'",
                                "DELETE FROM audit_log WHERE id = 1", "TRUNCATE audit_log"}) {
            QSqlQuery q(db);
            QVERIFY2(!q.exec(QString::fromLatin1(sql)), sql);
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
            QVERIFY(q.lastError().databaseText().contains(QStringLiteral("append-only")));
        }
        QSqlQuery q =
            db::exec(db, QStringLiteral("SELECT count(*), min(actor_name) FROM audit_log"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 3);
        QCOMPARE(q.value(1).toString(), QStringLiteral("tester"));
    }

    void chainLinksEveryRow()
    {
        auto database = TestDatabase::create(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        append(db, 5);
        QVERIFY(verify(db).isNull());
        QSqlQuery q =
            db::exec(db, QStringLiteral("SELECT count(*) FROM audit_log a JOIN audit_log b "
                                        "ON b.id = a.id + 1 WHERE b.prev_hash = a.hash"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 4);
        q = db::exec(db,
                     QStringLiteral("SELECT length(prev_hash) FROM audit_log ORDER BY id LIMIT 1"));
        q.next();
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // Writers in concurrent transactions used to draw their ids before taking the chain's lock,
    // so the chain could run against id order and verify as broken. The id is now drawn under
    // the lock.
    void concurrentWritersKeepOneChainInIdOrder()
    {
        auto database = TestDatabase::create(QTest::currentTestFunction());
        const DbConfig config = database.config();
        constexpr int kWriters = 4;
        constexpr int kTransactions = 25;
        QList<QThread *> threads;
        QAtomicInt failures = 0;
        for (int w = 0; w < kWriters; ++w) {
            threads.append(QThread::create([config, w, &failures] {
                try {
                    QSqlDatabase db = db::open(config, QStringLiteral("audit-writer-%1").arg(w));
                    for (int t = 0; t < kTransactions; ++t) {
                        db::Transaction tx(db);
                        append(db, 3);
                        tx.commit();
                    }
                    db.close();
                } catch (const std::exception &) {
                    failures.fetchAndAddRelaxed(1);
                }
            }));
        }
        for (QThread *t : std::as_const(threads))
            t->start();
        for (QThread *t : std::as_const(threads)) {
            t->wait();
            delete t;
        }
        QCOMPARE(failures.loadRelaxed(), 0);
        QSqlDatabase db = database.sql();
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        q.next();
        QCOMPARE(q.value(0).toInt(), kWriters * kTransactions * 3);
        QVERIFY(verify(db).isNull());
    }

    // A batch holds its entries until flush(): the rolled-back operation's entry is dropped, the
    // rest are written in order, chained, with their content intact.
    void batchWritesInOrderAndDropsRolledBackEntries()
    {
        auto database = TestDatabase::create(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        db::Transaction tx(db);
        {
            AuditBatch batch(db);
            append(db, 2); // record ids 0, 1
            const qsizetype mark = batch.mark();
            append(db, 1); // an operation that failed
            batch.rollbackTo(mark);
            AuditEntry e;
            e.actorName = QStringLiteral("tester");
            e.action = QStringLiteral("thing.create");
            e.recordType = QStringLiteral("thing");
            e.recordId = QStringLiteral("9");
            e.after = {{"amount", "1234.50"}};
            appendAudit(db, e);
            QSqlQuery none = db::exec(db, QStringLiteral("SELECT count(*) FROM audit_log"));
            none.next();
            QCOMPARE(none.value(0).toInt(), 0);
            batch.flush();
        }
        tx.commit();
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT string_agg(record_id, ',' ORDER BY id), "
                                                  "count(before), max(after->>'amount') "
                                                  "FILTER (WHERE record_id = '9') FROM audit_log"));
        q.next();
        QCOMPARE(q.value(0).toString(), QStringLiteral("0,1,9"));
        QCOMPARE(q.value(1).toInt(), 2); // the create has no "before"
        QCOMPARE(q.value(2).toString(), QStringLiteral("1234.50"));
        QVERIFY(verify(db).isNull());
    }

    void tamperingBehindTheTriggersIsDetected()
    {
        auto database = TestDatabase::create(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        append(db, 5);
        // A superuser who disables the guard can change a row, but not forge the chain.
        db::exec(db, QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;"
                                    "UPDATE audit_log SET after = '{\"amount\":\"999.00\"}' "
                                    "WHERE record_id = '2';"
                                    "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"));
        QSqlQuery q =
            db::exec(db, QStringLiteral("SELECT id FROM audit_log WHERE record_id = '2'"));
        q.next();
        QCOMPARE(verify(db).toLongLong(), q.value(0).toLongLong());
    }
};

QTEST_GUILESS_MAIN(AuditLogTest)
#include "tst_audit_log.moc"
