// TokenStore against the desktop's secret service. Registered twice: once without any D-Bus
// session (every operation must say "Unavailable", never store in plain text) and once
// inside dbus-run-session with an unlocked gnome-keyring (round trip).
#include "token_store.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace keel;

class TestTokenStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void unavailableWithoutSecretService();
    void roundTripWithKeyring();

private:
    bool m_keyring = false;
};

void TestTokenStore::initTestCase()
{
    m_keyring = qEnvironmentVariable("KEEL_TEST_KEYRING") == QLatin1String("1");
}

void TestTokenStore::unavailableWithoutSecretService()
{
    if (m_keyring)
        QSKIP("a secret service is running in this configuration");
    TokenStore store(QStringLiteral("keel-test"));
    const QUrl server("http://127.0.0.1:8080");

    QSignalSpy availability(&store, &TokenStore::availabilityChecked);
    store.checkAvailability();
    QVERIFY(availability.wait(10000));
    QCOMPARE(availability.first().at(0).toBool(), false);
    const QString message = availability.first().at(1).toString();
    QVERIFY2(message.contains("secret service"), qPrintable(message));
    QVERIFY(store.knownUnavailable());

    QSignalSpy saved(&store, &TokenStore::saved);
    store.save(server, "consultant", "secret-refresh-token");
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Unavailable);
    QVERIFY(!saved.first().at(1).toString().isEmpty());

    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load(server, "consultant");
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Unavailable);
    QVERIFY(loaded.first().at(1).toString().isEmpty()); // nothing came back from anywhere
}

void TestTokenStore::roundTripWithKeyring()
{
    if (!m_keyring)
        QSKIP("needs KEEL_TEST_KEYRING=1 (run through with_keyring.sh)");
    TokenStore store(QStringLiteral("keel-test"));
    const QUrl server("http://127.0.0.1:8080/");

    QSignalSpy availability(&store, &TokenStore::availabilityChecked);
    store.checkAvailability();
    QVERIFY(availability.wait(10000));
    QVERIFY2(availability.first().at(0).toBool(),
             qPrintable(availability.first().at(1).toString()));

    QSignalSpy saved(&store, &TokenStore::saved);
    store.save(server, "Consultant", "refresh-1");
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);

    // Same server without the trailing slash, user name in other case: the same entry.
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load(QUrl("http://127.0.0.1:8080"), "consultant");
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);
    QCOMPARE(loaded.first().at(1).toString(), QString("refresh-1"));

    // Another server keeps its own entry.
    loaded.clear();
    store.load(QUrl("http://127.0.0.1:9090"), "consultant");
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).value<TokenStore::Status>(), TokenStore::Status::NotFound);

    QSignalSpy removed(&store, &TokenStore::removed);
    store.remove(server, "consultant");
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.first().at(0).value<TokenStore::Status>(), TokenStore::Status::Ok);
    loaded.clear();
    store.load(server, "consultant");
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).value<TokenStore::Status>(), TokenStore::Status::NotFound);
}

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_token_store.moc"
