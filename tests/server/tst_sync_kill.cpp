#include "tst_sync_fixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

using namespace keel;
using namespace keel::test;

// The real keel-server process killed (SIGKILL) while a big push is being applied: after a
// restart the client sends the same batch again, and the database ends up with exactly one
// copy of each entry and every operation answered applied.
class SyncKillTest : public QObject
{
    Q_OBJECT
    SyncFixture f;
    QTemporaryDir m_dir;

    QString start(QProcess &server)
    {
        const QString file = m_dir.filePath(QStringLiteral("url"));
        QFile::remove(file);
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(QStringLiteral(KEEL_SERVER_BIN),
                     {QStringLiteral("-d"), f.db->url(), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet"),
                      QStringLiteral("--url-file"), file});
        if (!server.waitForStarted())
            return {};
        for (int i = 0; i < 200; ++i) {
            QFile url(file);
            if (url.open(QIODevice::ReadOnly))
                return QString::fromUtf8(url.readAll()).trimmed();
            if (server.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(50);
        }
        return {};
    }

    // Transactions of the server process that have written and not yet ended.
    qint64 writing()
    {
        return f.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND backend_xid IS NOT NULL AND pid <> "
                        "pg_backend_pid()");
    }

private Q_SLOTS:
    void init() { f.setUpSync(QTest::currentTestFunction()); }
    void cleanup() { f.tearDown(); }

    void killedMidPushKeepsExactlyOneCopy()
    {
        f.server->stop(); // users and projects are in; from here on the real process serves
        QJsonArray ops;
        for (int i = 0; i < 2000; ++i)
            ops.append(SyncFixture::saveOp(
                SyncFixture::newId(), SyncFixture::newId(), 0,
                SyncFixture::entryBody(
                    f.project, f.taskId,
                    QDate::currentDate().addDays(-(i % 100)).toString(Qt::ISODate), "0.25")));
        const QByteArray body = QJsonDocument(QJsonObject{{"ops", ops}}).toJson();

        QProcess first;
        const QString url = start(first);
        QVERIFY(!url.isEmpty());
        HttpClient http{QUrl(url)};
        const HttpResult login = http.login("consultant", "consultant password");
        QCOMPARE(login.status, 200);
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(url + "/api/v1/sync/push"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization",
                             "Bearer " + login.json().value("access_token").toString().toLatin1());
        QNetworkReply *reply = manager.post(request, body);
        // Wait until the push is writing, let it get some way in, then pull the plug.
        QElapsedTimer waited;
        waited.start();
        while (writing() == 0 && !reply->isFinished() && waited.elapsed() < 20000)
            QTest::qWait(5);
        QTest::qWait(150);
        QVERIFY2(!reply->isFinished(), "the push finished before the kill");
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QVERIFY(reply->error() != QNetworkReply::NoError);
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(writing(), 0, 10000); // PostgreSQL rolled the push back
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM sync_operations"), 0);

        // The client retries the same batch against the restarted server.
        QProcess second;
        const QString url2 = start(second);
        QVERIFY(!url2.isEmpty());
        HttpClient retry{QUrl(url2)};
        QCOMPARE(retry.login("consultant", "consultant password").status, 200);
        HttpResult r =
            retry.send("POST", "/api/v1/sync/push", body, {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.size(), 2000);
        for (qsizetype i = 0; i < results.size(); ++i) {
            const QJsonObject o = results.at(i).toObject();
            QCOMPARE(o.value("outcome").toString(), QStringLiteral("applied"));
            QCOMPARE(o.value("op_id"), ops.at(i).toObject().value("op_id"));
        }
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 2000);
        QCOMPARE(f.scalar("SELECT count(DISTINCT id) FROM time_entries"), 2000);
        QCOMPARE(f.text("SELECT sum(hours)::text FROM time_entries"), QStringLiteral("500.00"));

        // And once more, as a client that never saw the answer would: nothing changes.
        r = retry.send("POST", "/api/v1/sync/push", body, {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("results").toArray(), results);
        QCOMPARE(f.scalar("SELECT count(*) FROM time_entries"), 2000);

        ::kill(pid_t(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(SyncKillTest)
#include "tst_sync_kill.moc"
