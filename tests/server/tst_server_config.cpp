#include "config/server_config.h"
#include "http/json_body.h"

#include <QTest>

using namespace keel;

class ServerConfigTest : public QObject
{
    Q_OBJECT

    static std::optional<ServerConfig> parse(QStringList args, QString *error)
    {
        args.prepend(QStringLiteral("keel-server"));
        args << QStringLiteral("--database-url")
             << QStringLiteral("postgresql://u@localhost:5433/keel");
        return ServerConfig::fromArguments(args, error);
    }

private Q_SLOTS:
    void defaultsAreLoopbackAndTenMebibytes()
    {
        QString error;
        const auto c = parse({}, &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(c->address.isLoopback());
        QCOMPARE(c->bodyLimit, 10 * 1024 * 1024);
        QCOMPARE(c->database.port, 5433);
        QCOMPARE(c->database.database, QStringLiteral("keel"));
        QCOMPARE(c->database.user, QStringLiteral("u"));
    }

    void nonLoopbackWithoutTlsIsRefused()
    {
        QString error;
        QVERIFY(!parse({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:8080")}, &error));
        QVERIFY(error.contains(QStringLiteral("without TLS")));
        QVERIFY(parse({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:8080"),
                       QStringLiteral("--allow-insecure")},
                      &error));
        QVERIFY(parse({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:8443"),
                       QStringLiteral("--tls-cert"), QStringLiteral("c.pem"),
                       QStringLiteral("--tls-key"), QStringLiteral("k.pem")},
                      &error));
    }

    void badValuesAreErrors()
    {
        QString error;
        QVERIFY(!parse({QStringLiteral("--listen"), QStringLiteral("nowhere")}, &error));
        QVERIFY(!parse({QStringLiteral("--threads"), QStringLiteral("0")}, &error));
        QVERIFY(!parse({QStringLiteral("--tls-cert"), QStringLiteral("c.pem")}, &error));
        QVERIFY(!ServerConfig::fromArguments({QStringLiteral("keel-server"),
                                              QStringLiteral("--database-url"),
                                              QStringLiteral("mysql://x/y")},
                                             &error));
    }

    void socketUrlIsUnderstood()
    {
        const auto c = DbConfig::fromUrl(
            QStringLiteral("postgresql:///keel?host=/tmp/sock&port=54329&user=postgres"));
        QVERIFY(c);
        QCOMPARE(c->host, QStringLiteral("/tmp/sock"));
        QCOMPARE(c->port, 54329);
        QCOMPARE(c->user, QStringLiteral("postgres"));
        QCOMPARE(DbConfig::fromUrl(c->toUrl())->key(), c->key());
    }

    void utf8ValidatorFindsTheFirstBadByte()
    {
        QCOMPARE(firstInvalidUtf8("plain ascii"), -1);
        QCOMPARE(firstInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC"), -1);
        QCOMPARE(firstInvalidUtf8("ab\xC0\xAF"), 2);     // overlong '/'
        QCOMPARE(firstInvalidUtf8("ab\xED\xA0\x80"), 2); // surrogate
        QCOMPARE(firstInvalidUtf8("abc\xE2\x82"), 3);    // truncated
        QCOMPARE(firstInvalidUtf8("\xFF"), 0);
    }
};

QTEST_GUILESS_MAIN(ServerConfigTest)
#include "tst_server_config.moc"
