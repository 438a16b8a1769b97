#include "tst_sync_fixture.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace keel;
using namespace keel::test;

// GET /sync/pull: the cursor never loses a change that a slower transaction commits late, never
// shows an aborted one, pages big answers without skipping or repeating rows that share one
// transaction, and answers an idle consultant fast.
class SyncCursorTest : public QObject
{
    Q_OBJECT
    SyncFixture f;

    QString cursorOf(const HttpResult &r) { return r.json().value("cursor").toString(); }

private Q_SLOTS:
    void init() { f.setUpSync(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void interleavedTransactionsLoseNothing()
    {
        auto me = f.client("consultant", "consultant password");
        HttpResult r = SyncFixture::pull(*me);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value("time_entries").toArray().isEmpty());
        QCOMPARE(r.json().value("more").toBool(), false);
        const QString c0 = cursorOf(r);
        QVERIFY(!c0.isEmpty());

        QSqlDatabase t1 = db::open(f.db->config(), QStringLiteral("sync_t1"));
        QSqlDatabase t2 = db::open(f.db->config(), QStringLiteral("sync_t2"));
        // T1 writes A first (the older xid) and stays open; T2 writes B later and commits.
        db::exec(t1, "BEGIN");
        const QString a = f.insertEntry(t1, SyncFixture::day(0));
        db::exec(t2, "BEGIN");
        const QString b = f.insertEntry(t2, SyncFixture::day(1));
        db::exec(t2, "COMMIT");

        r = SyncFixture::pull(*me, c0);
        QCOMPARE(r.status, 200);
        const QSet<QString> first = SyncFixture::ids(r.json().value("time_entries").toArray());
        QVERIFY(!first.contains(a)); // not committed: invisible
        const QString c1 = cursorOf(r);

        db::exec(t1, "COMMIT");
        r = SyncFixture::pull(*me, c1);
        QCOMPARE(r.status, 200);
        const QSet<QString> second = SyncFixture::ids(r.json().value("time_entries").toArray());
        QVERIFY2(second.contains(a), "the late commit of the older transaction was skipped");
        QVERIFY(first.contains(b) || second.contains(b));
        const QJsonObject entry = r.json().value("time_entries").toArray().at(0).toObject();
        QCOMPARE(entry.value("hours").toString(), QStringLiteral("1.00"));
        QCOMPARE(entry.value("project_name").toString(), QStringLiteral("Data lake"));
        QCOMPARE(entry.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(entry.value("version").toInt(), 1);

        // Pulling the same cursor again answers the same rows; the next cursor has nothing.
        QCOMPARE(
            SyncFixture::ids(SyncFixture::pull(*me, c1).json().value("time_entries").toArray()),
            second);
        const QString c2 = cursorOf(r);
        r = SyncFixture::pull(*me, c2);
        QVERIFY(r.json().value("time_entries").toArray().isEmpty());
        // The bound follows the whole cluster's transactions (other test databases included), so
        // an empty pull may move it on, but never back.
        bool okBefore = false, okAfter = false;
        QVERIFY(cursorOf(r).toULongLong(&okAfter) >= c2.toULongLong(&okBefore));
        QVERIFY(okBefore && okAfter);

        t1 = QSqlDatabase();
        t2 = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("sync_t1"));
        QSqlDatabase::removeDatabase(QStringLiteral("sync_t2"));
    }

    void abortedChangesNeverAppearAndApprovalsDo()
    {
        auto me = f.client("consultant", "consultant password");
        const QString kept = f.insertEntry(f.db->sql(), SyncFixture::day(0));
        const QString c0 = cursorOf(SyncFixture::pull(*me));

        QSqlDatabase t1 = db::open(f.db->config(), QStringLiteral("sync_abort"));
        db::exec(t1, "BEGIN");
        const QString lost = f.insertEntry(t1, SyncFixture::day(2));
        db::query(t1, "UPDATE time_entries SET hours = 9, version = version + 1 WHERE id = ?::uuid",
                  {kept});
        QVERIFY(SyncFixture::pull(*me, c0).json().value("time_entries").toArray().isEmpty());
        db::exec(t1, "ROLLBACK");
        t1 = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("sync_abort"));

        HttpResult r = SyncFixture::pull(*me, c0);
        QVERIFY(r.json().value("time_entries").toArray().isEmpty());
        const QString c1 = cursorOf(r);

        // A project manager's decision is a change of the consultant's entry: it is pulled.
        db::query(f.db->sql(),
                  "UPDATE time_entries SET status = 'rejected', rejection_reason = 'wrong task', "
                  "version = version + 1 WHERE id = ?::uuid",
                  {kept});
        r = SyncFixture::pull(*me, c1);
        const QJsonArray rows = r.json().value("time_entries").toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value("id").toString(), kept);
        QCOMPARE(rows.at(0).toObject().value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(rows.at(0).toObject().value("rejection_reason").toString(),
                 QStringLiteral("wrong task"));
        QCOMPARE(rows.at(0).toObject().value("hours").toString(), QStringLiteral("1.00"));
        QVERIFY(!SyncFixture::ids(rows).contains(lost));
    }

    // 4,500 rows written by one transaction share one xid: pages of 2,000 resume after the
    // last row sent, so every row comes exactly once.
    void pagesOfOneTransactionNeitherSkipNorRepeat()
    {
        auto me = f.client("consultant", "consultant password");
        const QString c0 = cursorOf(SyncFixture::pull(*me));
        QSqlDatabase sql = f.db->sql();
        db::exec(sql, "BEGIN");
        db::query(sql,
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable) SELECT gen_random_uuid(), ?, le.id, ?, "
                  "current_date - (g % 100), 0.25, true FROM legal_entities le, "
                  "generate_series(1, 4500) g WHERE le.code = 'UK'",
                  {f.consultantEmployee, f.project});
        db::exec(sql, "COMMIT");
        const QString late = f.insertEntry(sql, SyncFixture::day(3));

        QSet<QString> seen;
        int pages = 0;
        int rows = 0;
        QString cursor = c0;
        bool more = true;
        while (more && pages < 10) {
            const HttpResult r = SyncFixture::pull(*me, cursor);
            QCOMPARE(r.status, 200);
            const QJsonArray page = r.json().value("time_entries").toArray();
            QVERIFY(page.size() <= 2000);
            rows += page.size();
            seen.unite(SyncFixture::ids(page));
            more = r.json().value("more").toBool();
            cursor = cursorOf(r);
            ++pages;
        }
        QCOMPARE(rows, 4501);
        QCOMPARE(seen.size(), 4501);
        QVERIFY(seen.contains(late));
        QCOMPARE(pages, 3);
        QVERIFY(SyncFixture::pull(*me, cursor).json().value("time_entries").toArray().isEmpty());
    }

    // No cursor: the last 120 days, without entries deleted before the client knew them, in
    // pages that keep that window.
    void firstPullIsTheLast120Days()
    {
        auto me = f.client("consultant", "consultant password");
        QSqlDatabase sql = f.db->sql();
        db::query(sql,
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable, status) SELECT gen_random_uuid(), ?, le.id, ?, "
                  "current_date - (g % 300), 0.5, true, CASE WHEN g % 7 = 0 THEN 'deleted' ELSE "
                  "'approved' END FROM legal_entities le, generate_series(1, 6000) g "
                  "WHERE le.code = 'UK'",
                  {f.consultantEmployee, f.project});
        const int expected = int(
            f.scalar("SELECT count(*) FROM time_entries WHERE status <> 'deleted' AND work_date >= "
                     "current_date - 120"));
        QVERIFY(expected > 2000);

        QSet<QString> seen;
        QString cursor;
        bool more = true;
        bool first = true;
        while (more) {
            const HttpResult r = SyncFixture::pull(*me, cursor);
            QCOMPARE(r.status, 200);
            if (first)
                QVERIFY(r.json().value("reference_changed").toBool());
            first = false;
            for (const QJsonValue &v : r.json().value("time_entries").toArray()) {
                const QJsonObject e = v.toObject();
                QVERIFY(e.value("status").toString() != QLatin1String("deleted"));
                QVERIFY(QDate::fromString(e.value("work_date").toString(), Qt::ISODate) >=
                        QDate::currentDate().addDays(-120));
                QVERIFY(!seen.contains(e.value("id").toString()));
                seen.insert(e.value("id").toString());
            }
            more = r.json().value("more").toBool();
            cursor = cursorOf(r);
        }
        QCOMPARE(seen.size(), expected);
        // Deleting an entry after that is a change like any other.
        const QString gone = *seen.cbegin();
        db::query(sql, "UPDATE time_entries SET status = 'deleted' WHERE id = ?::uuid", {gone});
        const QJsonArray rows =
            SyncFixture::pull(*me, cursor).json().value("time_entries").toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value("status").toString(), QStringLiteral("deleted"));
    }

    void badCursorsAre422()
    {
        auto me = f.client("consultant", "consultant password");
        for (const char *bad : {"abc", "-5", "12:x:0b7e1c3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c",
                                "12:t:nope", "12:t:0b7e1c3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c:2026-02-30",
                                "99999999999999999999999", "999999999999"}) {
            const HttpResult r = SyncFixture::pull(*me, QString::fromLatin1(bad));
            QVERIFY2(r.status == 422, bad);
            QVERIFY2(r.fieldCodes().startsWith(QLatin1String("cursor:")), bad);
        }
        // Someone without an employee record keeps no time.
        auto seller = f.client("seller", "seller password");
        QCOMPARE(SyncFixture::pull(*seller).status, 403);
        auto anon = HttpClient(f.server->baseUrl());
        QCOMPARE(SyncFixture::pull(anon).status, 401);
    }

    void referenceChangesAreFlagged()
    {
        auto me = f.client("consultant", "consultant password");
        f.insertEntry(f.db->sql(), SyncFixture::day(0));
        QString cursor = cursorOf(SyncFixture::pull(*me));
        HttpResult r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), false);
        cursor = cursorOf(r);

        // Actuals booked on a task are not reference data; a renamed task is.
        db::query(f.db->sql(), "UPDATE project_tasks SET actual_hours = 3 WHERE id = ?",
                  {f.taskId});
        r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), false);
        cursor = cursorOf(r);
        db::query(f.db->sql(), "UPDATE project_tasks SET name = 'Build and test' WHERE id = ?",
                  {f.taskId});
        r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), true);
        cursor = cursorOf(r);
        QCOMPARE(SyncFixture::pull(*me, cursor).json().value("reference_changed").toBool(), false);

        // Another person's project is none of this consultant's business.
        const qint64 other = f.TimeFixture::project(f.pm2Id, "Elsewhere");
        r = SyncFixture::pull(*me, cursor);
        cursor = cursorOf(r);
        db::query(f.db->sql(), "UPDATE projects SET name = 'Elsewhere 2' WHERE id = ?", {other});
        r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), false);
        cursor = cursorOf(r);

        // An assignment given, then taken away.
        db::query(f.db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, current_date, current_date + 30, 20, "
                  "'hard')",
                  {f.consultantEmployee, other});
        r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), true);
        cursor = cursorOf(r);
        db::query(f.db->sql(), "DELETE FROM assignments WHERE project_id = ?", {other});
        r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("reference_changed").toBool(), true);
    }

    // A client looks at reference_changed on the last page only: a change seen on the first
    // page of a long answer is carried to the last one.
    void referenceChangeSurvivesPaging()
    {
        auto me = f.client("consultant", "consultant password");
        QString cursor = cursorOf(SyncFixture::pull(*me));
        db::query(f.db->sql(), "UPDATE projects SET status = 'on_hold' WHERE id = ?", {f.project});
        db::query(f.db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable) SELECT gen_random_uuid(), ?, le.id, ?, "
                  "current_date - (g % 50), 0.25, true FROM legal_entities le, "
                  "generate_series(1, 2500) g WHERE le.code = 'UK'",
                  {f.consultantEmployee, f.project});
        HttpResult r = SyncFixture::pull(*me, cursor);
        QCOMPARE(r.json().value("more").toBool(), true);
        r = SyncFixture::pull(*me, cursorOf(r));
        QCOMPARE(r.json().value("more").toBool(), false);
        QCOMPARE(r.json().value("time_entries").toArray().size(), 500);
        QCOMPARE(r.json().value("reference_changed").toBool(), true);
        QCOMPARE(SyncFixture::pull(*me, cursorOf(r)).json().value("reference_changed").toBool(),
                 false);
    }

    void pullWithNothingNewIsFast()
    {
        auto me = f.client("consultant", "consultant password");
        // Someone else's two years of time: the consultant's pull must not read through it.
        db::query(f.db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable) SELECT gen_random_uuid(), e.id, e.legal_entity_id, "
                  "?, current_date - (g % 700), 2, true FROM employees e, generate_series(1, "
                  "20000) g WHERE e.user_id = ?",
                  {f.project, f.pmId});
        f.insertEntry(f.db->sql(), SyncFixture::day(0));
        db::exec(f.db->sql(), "ANALYZE");
        QString cursor = cursorOf(SyncFixture::pull(*me));
        QList<qint64> times;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer t;
            t.start();
            const HttpResult r = SyncFixture::pull(*me, cursor);
            times.append(t.nsecsElapsed() / 1000);
            QCOMPARE(r.status, 200);
            QVERIFY(r.json().value("time_entries").toArray().isEmpty());
            cursor = r.json().value("cursor").toString();
        }
        std::sort(times.begin(), times.end());
        const qint64 median = times.at(times.size() / 2);
        qInfo("pull_empty_ms median %.2f (HTTP round trip included)", median / 1000.0);
        QVERIFY2(median < 20000, qPrintable(QString::number(median / 1000.0)));
    }
};

QTEST_GUILESS_MAIN(SyncCursorTest)
#include "tst_sync_cursor.moc"
