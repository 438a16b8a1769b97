#include "db/migrator.h"
#include "http_client.h"
#include "test_database.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace keel;
using namespace keel::test;

// keel-server as an operator runs it: a separate process, configured by its command line.
class ServerProcessTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString waitForUrl(QProcess &server)
    {
        const QString file = m_dir.filePath(QStringLiteral("url"));
        for (int i = 0; i < 100; ++i) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                return QString::fromUtf8(f.readAll()).trimmed();
            if (server.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(50);
        }
        return {};
    }

    void startServer(QProcess &server, const TestDatabase &db, QStringList extra)
    {
        QFile::remove(m_dir.filePath(QStringLiteral("url")));
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(QStringLiteral(KEEL_SERVER_BIN),
                     QStringList{QStringLiteral("-d"), db.url(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet"),
                                 QStringLiteral("--url-file"),
                                 m_dir.filePath(QStringLiteral("url"))} +
                         extra);
        QVERIFY(server.waitForStarted());
    }

private Q_SLOTS:
    void servesAndStopsGracefullyOnSigterm()
    {
        auto db = TestDatabase::create(QTest::currentTestFunction());
        QProcess server;
        startServer(server, db, {});
        const QString url = waitForUrl(server);
        QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));
        HttpClient http{QUrl(url)};
        const HttpResult health = http.get(QStringLiteral("/api/v1/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(health.json().value("schema_version").toInt(),
                 Migrator::available().last().version);
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void refusesPlainHttpOnANonLoopbackAddress()
    {
        QProcess server;
        server.start(QStringLiteral(KEEL_SERVER_BIN),
                     {QStringLiteral("-d"), QStringLiteral("postgresql://x@localhost/keel"),
                      QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QVERIFY(server.waitForFinished(5000));
        QCOMPARE(server.exitCode(), 2);
        QVERIFY(server.readAllStandardError().contains("without TLS"));
    }

    void servesHttpsWithCertificateAndKey()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);

        auto db = TestDatabase::create(QTest::currentTestFunction());
        QProcess server;
        startServer(server, db,
                    {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        const QString url = waitForUrl(server);
        QVERIFY(url.startsWith(QStringLiteral("https://127.0.0.1:")));

        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url + "/api/v1/health")));
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply] { reply->ignoreSslErrors(); }); // self-signed, made just now
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->readAll().contains("\"status\":\"ok\""));
        reply->deleteLater();

        // Plain HTTP to the TLS port gets no answer.
        HttpClient plain{
            QUrl(QString(url).replace(QStringLiteral("https:"), QStringLiteral("http:")))};
        QVERIFY(plain.get(QStringLiteral("/api/v1/health")).status != 200);
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(5000));
    }
};

QTEST_GUILESS_MAIN(ServerProcessTest)
#include "tst_server_process.moc"
