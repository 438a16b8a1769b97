#include "uuid.h"

#include <QSet>
#include <QTest>

using namespace keel;

class TestUuid : public QObject
{
    Q_OBJECT

private slots:
    void parseCanonical_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("lower") << "0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f"
                               << "0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f";
        QTest::newRow("upper") << "0B7E54C2-4F9A-4D2E-9C61-1A2B3C4D5E6F"
                               << "0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f";
        QTest::newRow("nil") << "00000000-0000-0000-0000-000000000000"
                             << "00000000-0000-0000-0000-000000000000";
    }
    void parseCanonical()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        Result<Uuid> u = Uuid::parse(text);
        QVERIFY(u.ok());
        QCOMPARE(u->toString(), canonical);
        QCOMPARE(u->toQUuid(), QUuid::fromString(canonical));
    }

    void parseRejects()
    {
        for (const char *s :
             {"", "{0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f}", "0b7e54c24f9a4d2e9c611a2b3c4d5e6f",
              "urn:uuid:0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f",
              " 0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f", "0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6g",
              "0b7e54c2_4f9a-4d2e-9c61-1a2b3c4d5e6f", "0b7e54c-24f9a-4d2e-9c61-1a2b3c4d5e6f",
              "not-a-uuid"}) {
            Result<Uuid> u = Uuid::parse(QString::fromLatin1(s));
            QVERIFY2(!u.ok(), s);
            QCOMPARE(u.error().code, QStringLiteral("invalid_format"));
        }
    }

    void createV4()
    {
        const Uuid a = Uuid::createV4();
        const Uuid b = Uuid::createV4();
        QVERIFY(!a.isNull());
        QVERIFY(!(a == b));
        QCOMPARE(a.toQUuid().version(), QUuid::Random);
        const QString s = a.toString();
        QCOMPARE(s.size(), 36);
        QCOMPARE(s, s.toLower());
        QCOMPARE(Uuid::parse(s).value(), a);
        QSet<Uuid> set{a, b, a};
        QCOMPARE(set.size(), 2);
        QVERIFY(Uuid().isNull());
    }
};

QTEST_GUILESS_MAIN(TestUuid)
#include "tst_uuid.moc"
