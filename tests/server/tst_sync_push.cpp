#include "tst_sync_fixture.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace keel;
using namespace keel::test;

// POST /sync/push: per-operation outcomes (applied, rejected with the reason, conflict with the
// server's copy), one operation's failure never undoes the others, and a replayed batch
// answers the same and changes nothing.
class SyncPushTest : public QObject
{
    Q_OBJECT
    SyncFixture f;

    QJsonObject fields(const QString &date, const char *hours, const QString &notes = "work")
    {
        return SyncFixture::entryBody(f.project, f.taskId, date, hours, notes);
    }

    static QJsonObject byOp(const QJsonArray &results, const QString &opId)
    {
        for (const QJsonValue &v : results)
            if (v.toObject().value("op_id").toString() == opId)
                return v.toObject();
        return {};
    }

    qint64 count(const QString &table) { return f.scalar("SELECT count(*) FROM " + table); }

private Q_SLOTS:
    void init() { f.setUpSync(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void appliedThenReplayedChangesNothing()
    {
        auto me = f.client("consultant", "consultant password");
        const QString x = SyncFixture::newId();
        const QString y = SyncFixture::newId();
        const QString op1 = SyncFixture::newId(), op2 = SyncFixture::newId(),
                      op3 = SyncFixture::newId(), op4 = SyncFixture::newId();
        // Created offline, edited offline, a second entry, and the second one deleted.
        const QJsonArray ops{
            SyncFixture::saveOp(op1, x, 0, fields(SyncFixture::day(0), "7.5")),
            SyncFixture::saveOp(op2, x, 1, fields(SyncFixture::day(0), "8.25")),
            SyncFixture::saveOp(op3, y, 0, fields(SyncFixture::day(1), "2")),
            QJsonObject{
                {"op_id", op4}, {"kind", "time_entry.delete"}, {"id", y}, {"base_version", 1}}};
        HttpResult r = SyncFixture::push(*me, ops);
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.size(), 4);
        for (const QJsonValue &v : results)
            QCOMPARE(v.toObject().value("outcome").toString(), QStringLiteral("applied"));
        QCOMPARE(byOp(results, op1).value("version").toInt(), 1);
        QCOMPARE(byOp(results, op2).value("version").toInt(), 2);
        QCOMPARE(byOp(results, op2).value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(byOp(results, op2).value("id").toString(), x);
        QCOMPARE(byOp(results, op4).value("status").toString(), QStringLiteral("deleted"));
        QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid", {x}),
                 QStringLiteral("8.25"));
        QCOMPARE(f.status(y), QStringLiteral("deleted"));

        const qint64 audits = count("audit_log");
        const qint64 stored = count("sync_operations");
        const QString before = f.text("SELECT string_agg(id || ':' || version || ':' || status || "
                                      "':' || hours || ':' || change_xid, ',' ORDER BY id) FROM "
                                      "time_entries");
        r = SyncFixture::push(*me, ops);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("results").toArray(), results);
        QCOMPARE(count("audit_log"), audits);
        QCOMPARE(count("sync_operations"), stored);
        QCOMPARE(f.text("SELECT string_agg(id || ':' || version || ':' || status || ':' || hours "
                        "|| ':' || change_xid, ',' ORDER BY id) FROM time_entries"),
                 before);

        // What was pushed comes back on the pull, as the time routes show it.
        const HttpResult pr = SyncFixture::pull(*me);
        const QJsonArray pulled = pr.json().value("time_entries").toArray();
        QCOMPARE(pulled.size(), 1); // a first pull leaves out the deleted one
        QCOMPARE(pulled.at(0).toObject(),
                 me->get("/api/v1/time/entries?from=" + SyncFixture::day(0) +
                         "&to=" + SyncFixture::day(0))
                     .json()
                     .value("items")
                     .toArray()
                     .at(0)
                     .toObject());
    }

    void staleOrMovedOnIsAConflictWithTheServerCopy()
    {
        auto me = f.client("consultant", "consultant password");
        const QString x = SyncFixture::newId();
        QCOMPARE(SyncFixture::push(*me, {SyncFixture::saveOp(SyncFixture::newId(), x, 0,
                                                             fields(SyncFixture::day(0), "4"))})
                     .json()
                     .value("results")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("outcome")
                     .toString(),
                 QStringLiteral("applied"));
        // Edited on the web meanwhile: the laptop's edit of version 1 is stale.
        QJsonObject web = fields(SyncFixture::day(0), "5");
        web.insert("version", 1);
        QCOMPARE(SyncFixture::putEntry(*me, x, web).status, 200);
        const QString stale = SyncFixture::newId();
        HttpResult r = SyncFixture::push(
            *me, {SyncFixture::saveOp(stale, x, 1, fields(SyncFixture::day(0), "6"))});
        QJsonObject o = r.json().value("results").toArray().at(0).toObject();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("conflict"));
        QCOMPARE(o.value("problem").toObject().value("status").toInt(), 412);
        QCOMPARE(o.value("server").toObject().value("version").toInt(), 2);
        QCOMPARE(o.value("server").toObject().value("hours").toString(), QStringLiteral("5.00"));

        // Approved by the project manager meanwhile: no longer the consultant's to edit.
        db::query(f.db->sql(),
                  "UPDATE time_entries SET status = 'approved', version = version + 1 WHERE id = "
                  "?::uuid",
                  {x});
        r = SyncFixture::push(
            *me, {SyncFixture::saveOp(SyncFixture::newId(), x, 3, fields(SyncFixture::day(0), "6")),
                  QJsonObject{{"op_id", SyncFixture::newId()},
                              {"kind", "time_entry.delete"},
                              {"id", x},
                              {"base_version", 3}}});
        for (const QJsonValue &v : r.json().value("results").toArray()) {
            o = v.toObject();
            QCOMPARE(o.value("outcome").toString(), QStringLiteral("conflict"));
            QCOMPARE(o.value("problem").toObject().value("status").toInt(), 409);
            QCOMPARE(o.value("server").toObject().value("status").toString(),
                     QStringLiteral("approved"));
        }
        QCOMPARE(f.text("SELECT hours::text FROM time_entries WHERE id = ?::uuid", {x}),
                 QStringLiteral("5.00"));
        // The conflict is the stored answer too.
        QCOMPARE(SyncFixture::push(
                     *me, {SyncFixture::saveOp(stale, x, 1, fields(SyncFixture::day(0), "6"))})
                     .json()
                     .value("results")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("server")
                     .toObject()
                     .value("version")
                     .toInt(),
                 2);
    }

    void oneBadOpDoesNotUndoTheOthers()
    {
        auto me = f.client("consultant", "consultant password");
        const QDate lastMonth = QDate::currentDate().addMonths(-1);
        const QDate closedStart(lastMonth.year(), lastMonth.month(), 1);
        db::query(f.db->sql(),
                  "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                  "status) SELECT id, ?::date, (?::date + interval '1 month' - interval '1 "
                  "day')::date, 'soft_closed' FROM legal_entities WHERE code = 'UK'",
                  {closedStart, closedStart});
        const QString a = SyncFixture::newId(), closed = SyncFixture::newId(),
                      tooMuch = SyncFixture::newId(), c = SyncFixture::newId();
        const QString opClosed = SyncFixture::newId(), opTooMuch = SyncFixture::newId();
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const HttpResult r = SyncFixture::push(
            *me, {SyncFixture::saveOp(SyncFixture::newId(), a, 0, fields(today, "3")),
                  SyncFixture::saveOp(opClosed, closed, 0,
                                      fields(closedStart.addDays(2).toString(Qt::ISODate), "3")),
                  SyncFixture::saveOp(opTooMuch, tooMuch, 0, fields(today, "22")),
                  SyncFixture::saveOp(SyncFixture::newId(), c, 0, fields(today, "4.5"))});
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.at(0).toObject().value("outcome").toString(), QStringLiteral("applied"));
        QCOMPARE(results.at(3).toObject().value("outcome").toString(), QStringLiteral("applied"));
        const QJsonObject rejected = byOp(results, opClosed);
        QCOMPARE(rejected.value("outcome").toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value("problem").toObject().value("status").toInt(), 423);
        QVERIFY(!rejected.value("problem").toObject().value("detail").toString().isEmpty());
        QVERIFY(!rejected.contains("server"));
        // 3 + 22 hours on one day: the rule names the field.
        const QJsonObject day = byOp(results, opTooMuch);
        QCOMPARE(day.value("outcome").toString(), QStringLiteral("rejected"));
        QCOMPARE(day.value("problem").toObject().value("status").toInt(), 422);
        QVERIFY(!day.value("problem").toObject().value("errors").toArray().isEmpty());

        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 2);
        QCOMPARE(
            f.scalar("SELECT count(*) FROM time_entries WHERE id IN (?::uuid, ?::uuid)", {a, c}),
            2);
        QCOMPARE(f.text("SELECT sum(hours)::text FROM time_entries"), QStringLiteral("7.50"));
    }

    void anotherUsersOpIdIsRejected()
    {
        auto me = f.client("consultant", "consultant password");
        auto pm = f.client("pm", "pm password");
        const QString op = SyncFixture::newId();
        const QString mine = SyncFixture::newId();
        QCOMPARE(SyncFixture::push(
                     *me, {SyncFixture::saveOp(op, mine, 0, fields(SyncFixture::day(0), "1"))})
                     .status,
                 200);
        const QString theirs = SyncFixture::newId();
        const HttpResult r = SyncFixture::push(
            *pm, {SyncFixture::saveOp(op, theirs, 0, fields(SyncFixture::day(0), "1"))});
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json().value("results").toArray().at(0).toObject();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("rejected"));
        QCOMPARE(
            o.value("problem").toObject().value("errors").toArray().at(0).toObject().value("field"),
            QJsonValue("op_id"));
        QVERIFY(!o.contains("server"));
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries WHERE id = ?::uuid", {theirs}), 0);
        // Nor does it learn anything about the consultant's entry.
        QVERIFY(!QJsonDocument(o).toJson().contains(mine.toLatin1()));

        // Nor through the entry's id: someone else's entry is refused, without a copy.
        const HttpResult taken = SyncFixture::push(
            *pm,
            {SyncFixture::saveOp(SyncFixture::newId(), mine, 0, fields(SyncFixture::day(0), "1"))});
        const QJsonObject t = taken.json().value("results").toArray().at(0).toObject();
        QCOMPARE(t.value("outcome").toString(), QStringLiteral("rejected"));
        QVERIFY(!t.contains("server"));
        QCOMPARE(
            f.scalar("SELECT count(*) FROM time_entries WHERE id = ?::uuid AND employee_id = ?",
                     {mine, f.consultantEmployee}),
            1);
    }

    void badBatchesAreRefusedWhole()
    {
        auto me = f.client("consultant", "consultant password");
        HttpResult r = me->send("POST", "/api/v1/sync/push", "{\"ops\": [",
                                {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(me->post("/api/v1/sync/push", {}).fieldCodes(), QStringLiteral("ops:required"));
        QCOMPARE(me->post("/api/v1/sync/push", {{"ops", 5}}).status, 422);

        const QString id = SyncFixture::newId();
        r = SyncFixture::push(*me, {QJsonObject{}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.fieldCodes().contains("ops/0/op_id:required"));
        QVERIFY(r.fieldCodes().contains("ops/0/kind:required"));
        QVERIFY(r.fieldCodes().contains("ops/0/id:required"));
        const QString op = SyncFixture::newId();
        r = SyncFixture::push(
            *me,
            {SyncFixture::saveOp(op, id, 0, fields(SyncFixture::day(0), "1")),
             QJsonObject{{"op_id", SyncFixture::newId()},
                         {"kind", "time_entry.save"},
                         {"id", id},
                         {"base_version", 0}},
             QJsonObject{{"op_id", SyncFixture::newId()}, {"kind", "time_entry.move"}, {"id", id}},
             QJsonObject{{"op_id", "not-a-uuid"}, {"kind", "expense.delete"}, {"id", id}},
             SyncFixture::saveOp(op, id, -1, fields(SyncFixture::day(0), "1")), QString("op")});
        QCOMPARE(r.status, 422);
        const QString codes = r.fieldCodes();
        QVERIFY2(codes.contains("ops/1/fields:required"), qPrintable(codes));
        QVERIFY2(codes.contains("ops/2/kind:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("ops/3/op_id:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("ops/4/op_id:duplicate"), qPrintable(codes));
        QVERIFY2(codes.contains("ops/4/base_version:invalid_value"), qPrintable(codes));
        QVERIFY2(codes.contains("ops/5:invalid_type"), qPrintable(codes));
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM sync_operations"), 0);

        QJsonArray many;
        for (int i = 0; i < 2001; ++i)
            many.append(QJsonObject{{"op_id", SyncFixture::newId()},
                                    {"kind", "time_entry.delete"},
                                    {"id", SyncFixture::newId()},
                                    {"base_version", 1}});
        r = SyncFixture::push(*me, many);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QStringLiteral("ops:too_many"));

        auto seller = f.client("seller", "seller password");
        QCOMPARE(SyncFixture::push(*seller, {}).status, 403);
    }

    void expensesTravelTheSameWay()
    {
        auto me = f.client("consultant", "consultant password");
        const qint64 category =
            f.scalar("INSERT INTO expense_categories (legal_entity_id, code, name) SELECT id, "
                     "'TRAIN', 'Train' FROM legal_entities WHERE code = 'UK' RETURNING id");
        const QString cursor = SyncFixture::pull(*me).json().value("cursor").toString();
        const QString x = SyncFixture::newId();
        const QJsonObject expense{{"category_id", QString::number(category)},
                                  {"expense_date", SyncFixture::day(1)},
                                  {"description", "Train to the client"},
                                  {"amount", QJsonObject{{"amount", "42.10"}, {"currency", "GBP"}}},
                                  {"project_id", QString::number(f.project)}};
        HttpResult r = SyncFixture::push(*me, {QJsonObject{{"op_id", SyncFixture::newId()},
                                                           {"kind", "expense.save"},
                                                           {"id", x},
                                                           {"base_version", 0},
                                                           {"fields", expense}}});
        QCOMPARE(r.status, 200);
        QJsonObject o = r.json().value("results").toArray().at(0).toObject();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("applied"));
        QCOMPARE(o.value("version").toInt(), 1);

        r = SyncFixture::pull(*me, cursor);
        const QJsonArray expenses = r.json().value("expenses").toArray();
        QCOMPARE(expenses.size(), 1);
        QCOMPARE(expenses.at(0).toObject().value("id").toString(), x);
        QCOMPARE(expenses.at(0).toObject().value("amount").toObject().value("amount").toString(),
                 QStringLiteral("42.10"));
        QCOMPARE(expenses.at(0).toObject().value("category_name").toString(),
                 QStringLiteral("Train"));
        QVERIFY(r.json().value("time_entries").toArray().isEmpty());

        // A stale delete is a conflict with the server's copy; the right one applies.
        r = SyncFixture::push(*me, {QJsonObject{{"op_id", SyncFixture::newId()},
                                                {"kind", "expense.delete"},
                                                {"id", x},
                                                {"base_version", 7}},
                                    QJsonObject{{"op_id", SyncFixture::newId()},
                                                {"kind", "expense.delete"},
                                                {"id", x},
                                                {"base_version", 1}}});
        o = r.json().value("results").toArray().at(0).toObject();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("conflict"));
        QCOMPARE(o.value("server").toObject().value("version").toInt(), 1);
        o = r.json().value("results").toArray().at(1).toObject();
        QCOMPARE(o.value("outcome").toString(), QStringLiteral("applied"));
        QCOMPARE(o.value("status").toString(), QStringLiteral("deleted"));
    }

    // A client retrying while its first attempt is still being applied: the second attempt
    // waits for the first, changes nothing, and asks to be sent again; then it reads the first
    // attempt's answers.
    void aConcurrentPushOfTheSameOpsChangesNothing()
    {
        HttpClient http{f.server->baseUrl()};
        const QByteArray token = http.login("consultant", "consultant password")
                                     .json()
                                     .value("access_token")
                                     .toString()
                                     .toLatin1();
        const QString op = SyncFixture::newId();
        const QString id = SyncFixture::newId();
        const QJsonObject first{
            {"op_id", op}, {"id", id}, {"outcome", "applied"}, {"version", 1}, {"status", "draft"}};
        QSqlDatabase t1 = db::open(f.db->config(), QStringLiteral("sync_same_op"));
        db::exec(t1, "BEGIN");
        db::query(t1,
                  "INSERT INTO sync_operations (op_id, user_id, result) VALUES (?::uuid, ?, "
                  "?::jsonb)",
                  {op, f.consultantId, QString::fromUtf8(QJsonDocument(first).toJson())});

        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(f.server->baseUrl().toString() + "/api/v1/sync/push"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = manager.post(
            request,
            QJsonDocument(QJsonObject{{"ops", QJsonArray{SyncFixture::saveOp(
                                                  op, id, 0, fields(SyncFixture::day(0), "2"))}}})
                .toJson());
        QTRY_VERIFY_WITH_TIMEOUT(f.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                          "current_database() AND wait_event_type = 'Lock'") > 0,
                                 10000);
        db::exec(t1, "COMMIT");
        t1 = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("sync_same_op"));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
        reply->deleteLater();
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);

        const HttpResult again = SyncFixture::push(
            http, {SyncFixture::saveOp(op, id, 0, fields(SyncFixture::day(0), "2"))});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("results").toArray().at(0).toObject(), first);
    }

    void pushOf1000EntriesIsQuick()
    {
        auto me = f.client("consultant", "consultant password");
        QJsonArray ops;
        for (int i = 0; i < 1000; ++i)
            ops.append(SyncFixture::saveOp(
                SyncFixture::newId(), SyncFixture::newId(), 0,
                fields(QDate::currentDate().addDays(-(i % 100)).toString(Qt::ISODate), "0.5")));
        QElapsedTimer t;
        t.start();
        const HttpResult r = SyncFixture::push(*me, ops);
        const qint64 ms = t.elapsed();
        QCOMPARE(r.status, 200);
        int applied = 0;
        for (const QJsonValue &v : r.json().value("results").toArray())
            applied += v.toObject().value("outcome").toString() == QLatin1String("applied");
        QCOMPARE(applied, 1000);
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 1000);
        qInfo("sync_push_1000_ms %lld", ms);
    }
};

QTEST_GUILESS_MAIN(SyncPushTest)
#include "tst_sync_push.moc"
