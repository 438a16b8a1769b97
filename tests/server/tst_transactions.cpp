#include "test_database.h"

#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

// One state change, one transaction, even when a service runs inside another's transaction.
class TransactionsTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;

    QStringList rows()
    {
        QSqlQuery q = db::exec(m_db->sql(), QStringLiteral("SELECT v FROM t ORDER BY v"));
        QStringList out;
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }

    void insert(const QString &v)
    {
        db::query(m_db->sql(), QStringLiteral("INSERT INTO t (v) VALUES (?)"), {v});
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        db::exec(m_db->sql(), QStringLiteral("CREATE TABLE t (v text PRIMARY KEY)"));
    }

    void cleanup() { m_db.reset(); }

    void innerRollbackKeepsOuterWork()
    {
        db::Transaction outer(m_db->sql());
        insert(QStringLiteral("outer"));
        {
            db::Transaction inner(m_db->sql());
            insert(QStringLiteral("inner"));
        } // not committed: back to the savepoint
        outer.commit();
        QCOMPARE(rows(), QStringList{QStringLiteral("outer")});
    }

    void innerCommitWaitsForOuter()
    {
        {
            db::Transaction outer(m_db->sql());
            insert(QStringLiteral("outer"));
            db::Transaction inner(m_db->sql());
            insert(QStringLiteral("inner"));
            inner.commit();
        } // outer not committed: everything goes
        QCOMPARE(rows(), QStringList());
    }

    void failedStatementInInnerLeavesOuterUsable()
    {
        db::Transaction outer(m_db->sql());
        insert(QStringLiteral("a"));
        try {
            db::Transaction inner(m_db->sql());
            insert(QStringLiteral("a")); // duplicate key
            inner.commit();
            QFAIL("the duplicate should have failed");
        } catch (const DbError &e) {
            QVERIFY(e.isUniqueViolation());
        }
        insert(QStringLiteral("b"));
        outer.commit();
        QCOMPARE(rows(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void sequentialTransactionsAreIndependent()
    {
        {
            db::Transaction first(m_db->sql());
            insert(QStringLiteral("1"));
            first.commit();
        }
        {
            db::Transaction second(m_db->sql());
            insert(QStringLiteral("2"));
        }
        QCOMPARE(rows(), QStringList{QStringLiteral("1")});
    }
};

QTEST_GUILESS_MAIN(TransactionsTest)
#include "tst_transactions.moc"
