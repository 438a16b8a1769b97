// A client killed with SIGKILL after saving a week locally (before any push), or after its
// push reached the server but before it recorded the answer: on restart the entries are in
// the store, the sync sends them (the same operation ids) and the server holds each entry
// exactly once.
#include "local_store.h"
#include "session.h"
#include "sync_engine.h"
#include "tst_time_fixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace keel;
using namespace keel::offline;
using namespace keel::test;

class TestTimeKilled : public QObject
{
    Q_OBJECT
    TimeFixture f;
    qint64 lake = 0, build = 0;

private slots:
    void init()
    {
        f.setUpTime(QTest::currentTestFunction());
        lake = f.project(f.pmId, "Data lake");
        build = f.task(lake, "Build");
    }
    void cleanup() { f.tearDown(); }

    void killed_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("after the local save") << "saved";
        QTest::newRow("after the server answered the push") << "sent";
    }

    void killed()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath("consultant.sqlite");
        const QDate monday = TimeFixture::lastMonday();
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        helper.start(QStringLiteral(KEEL_TIME_KILLED_HELPER),
                     {path, QString::number(lake), QString::number(build),
                      monday.toString(Qt::ISODate), mode, f.server->baseUrl().toString(),
                      "consultant", "consultant password"});
        QVERIFY(helper.waitForStarted());
        const QByteArray expected = mode == "saved" ? "saved" : "answered";
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains(expected) && t.elapsed() < 20000) {
            helper.waitForReadyRead(500);
            out += helper.readAllStandardOutput();
            QVERIFY2(helper.state() == QProcess::Running, out.constData());
        }
        QVERIFY2(out.contains(expected), out.constData());
        helper.kill(); // SIGKILL: no clean-up, no destructor
        QVERIFY(helper.waitForFinished());
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), mode == "saved" ? 0 : 5);

        // Restart: everything is still there and still queued.
        LocalStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.timeEntries(monday, monday.addDays(6)).size(), 5);
        QCOMPARE(store.pendingOpCount(), 5);
        QCOMPARE(store.unsyncedCount(), 5);

        Session session;
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(f.server->baseUrl(), "consultant", "consultant password");
        QVERIFY(signedIn.wait(10000));
        SyncEngine engine(&store, session.api());
        QSignalSpy round(&engine, &SyncEngine::roundFinished);
        engine.setEnabled(true);
        QVERIFY(round.wait(15000));
        QCOMPARE(round.first().at(0).toBool(), true);

        QCOMPARE(store.unsyncedCount(), 0);
        QCOMPARE(store.pendingOpCount(), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 5);
        QCOMPARE(f.scalar("SELECT count(DISTINCT (work_date, hours)) FROM time_entries"), 5);
        QCOMPARE(f.text("SELECT sum(hours)::text FROM time_entries"), QString("33.75"));
        for (const TimeEntry &e : store.timeEntries(monday, monday.addDays(6))) {
            QCOMPARE(f.scalar("SELECT count(*) FROM time_entries WHERE id = ?::uuid",
                              {e.id.toString(QUuid::WithoutBraces)}),
                     1);
            QVERIFY(!e.dirty);
            QCOMPARE(e.version, 1);
        }
    }
};

QTEST_MAIN(TestTimeKilled)
#include "tst_time_killed.moc"
