#include "db/migrator.h"
#include "test_database.h"

#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

class MigrationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migratesAnEmptyDatabase()
    {
        auto database = TestDatabase::createEmpty(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        QCOMPARE(Migrator::schemaVersion(db), 0);
        const auto available = Migrator::available();
        QVERIFY(available.size() >= 2);
        QCOMPARE(Migrator::migrate(db), int(available.size()));
        QCOMPARE(Migrator::schemaVersion(db), available.last().version);
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT count(*) FROM roles"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 9);
    }

    void rerunAppliesNothing()
    {
        auto database = TestDatabase::createEmpty(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        Migrator::migrate(db);
        const int version = Migrator::schemaVersion(db);
        QCOMPARE(Migrator::migrate(db), 0);
        QCOMPARE(Migrator::schemaVersion(db), version);
    }

    void changedAppliedMigrationIsAnError()
    {
        auto database = TestDatabase::createEmpty(QTest::currentTestFunction());
        QSqlDatabase db = database.sql();
        Migrator::migrate(db);
        db::exec(db, QStringLiteral("UPDATE schema_migrations SET checksum = 'edited' "
                                    "WHERE version = 1"));
        QVERIFY_THROWS_EXCEPTION(DbError, Migrator::migrate(db));
    }

    void versionsAreNumberedWithoutGaps()
    {
        int expected = 1;
        for (const Migration &m : Migrator::available())
            QCOMPARE(m.version, expected++);
    }
};

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
