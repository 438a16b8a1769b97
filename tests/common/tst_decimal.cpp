#include "decimal.h"

#include <QTest>

using namespace keel;

namespace {
Decimal dec(const char *s)
{
    Result<Decimal> r = Decimal::parse(QString::fromLatin1(s));
    if (!r)
        qFatal("bad literal in test: %s", s);
    return *r;
}
} // namespace

class TestDecimal : public QObject
{
    Q_OBJECT

private slots:
    void parseFormatRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("mantissa");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("int") << "12" << qint64(12'000'000) << "12";
        QTest::newRow("neg half") << "-0.5" << qint64(-500'000) << "-0.5";
        QTest::newRow("six places") << "1234.567890" << qint64(1'234'567'890) << "1234.56789";
        QTest::newRow("tiny neg") << "-0.000001" << qint64(-1) << "-0.000001";
        QTest::newRow("zero") << "0" << qint64(0) << "0";
        QTest::newRow("neg zero") << "-0.000" << qint64(0) << "0";
        QTest::newRow("leading zeros") << "007.50" << qint64(7'500'000) << "7.5";
        QTest::newRow("one point five") << "1.5" << qint64(1'500'000) << "1.5";
        QTest::newRow("9e12") << "9000000000000.000001" << qint64(9'000'000'000'000'000'001)
                              << "9000000000000.000001";
    }
    void parseFormatRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(qint64, mantissa);
        QFETCH(QString, formatted);
        Result<Decimal> d = Decimal::parse(text);
        QVERIFY(d.ok());
        QCOMPARE(qint64(d->mantissa()), mantissa);
        QCOMPARE(d->toString(), formatted);
        Result<Decimal> again = Decimal::parse(d->toString());
        QVERIFY(again.ok());
        QCOMPARE(*again, *d);
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << ""
                               << "invalid_format";
        QTest::newRow("exp") << "1e5"
                             << "invalid_format";
        QTest::newRow("comma") << "1,5"
                               << "invalid_format";
        QTest::newRow("lead space") << " 1"
                                    << "invalid_format";
        QTest::newRow("trail space") << "1 "
                                     << "invalid_format";
        QTest::newRow("abc") << "abc"
                             << "invalid_format";
        QTest::newRow("plus") << "+1"
                              << "invalid_format";
        QTest::newRow("minus only") << "-"
                                    << "invalid_format";
        QTest::newRow("dot end") << "1."
                                 << "invalid_format";
        QTest::newRow("dot start") << ".5"
                                   << "invalid_format";
        QTest::newRow("two dots") << "1.2.3"
                                  << "invalid_format";
        QTest::newRow("seven places") << "0.1234567"
                                      << "too_many_decimals";
        QTest::newRow("seven zero places") << "1.0000000"
                                           << "too_many_decimals";
        QTest::newRow("too big") << "1000000000000000000000000.000001"
                                 << "out_of_range";
        QTest::newRow("way too big") << "99999999999999999999999999999999999999999999"
                                     << "out_of_range";
        QTest::newRow("too small") << "-1000000000000000000000001"
                                   << "out_of_range";
    }
    void parseRejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        Result<Decimal> d = Decimal::parse(text);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, code);
        QVERIFY(!d.error().message.isEmpty());
    }

    void rangeLimitsInclusive()
    {
        Result<Decimal> max = Decimal::parse(u"1000000000000000000000000");
        QVERIFY(max.ok());
        QCOMPARE(max->mantissa(), Decimal::MaxMantissa);
        QCOMPARE(max->negated().toString(), QStringLiteral("-1000000000000000000000000"));
    }

    void toStringMinDecimals()
    {
        QCOMPARE(dec("1.5").toString(2), QStringLiteral("1.50"));
        QCOMPARE(dec("12").toString(2), QStringLiteral("12.00"));
        QCOMPARE(dec("-0.000001").toString(2), QStringLiteral("-0.000001"));
        QCOMPARE(dec("3.25").toString(9), QStringLiteral("3.250000"));
        QCOMPARE(dec("3.25").toString(-1), QStringLiteral("3.25"));
    }

    void addSubtract()
    {
        QCOMPARE(dec("0.1").add(dec("0.2"))->toString(), QStringLiteral("0.3"));
        QCOMPARE(dec("1").subtract(dec("1.000001"))->toString(), QStringLiteral("-0.000001"));
        QCOMPARE(dec("-2.5").add(dec("2.5"))->toString(), QStringLiteral("0"));
    }

    void multiplyExact()
    {
        QCOMPARE(dec("1.5").multiply(dec("2"))->toString(), QStringLiteral("3"));
        QCOMPARE(dec("-7.5").multiply(dec("0.2"))->toString(), QStringLiteral("-1.5"));
        QCOMPARE(dec("1.1").multiply(dec("1.1"))->toString(), QStringLiteral("1.21"));
    }

    void multiplyRoundsHalfAwayFromZero_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("product");
        // 0.000001 * 0.5 = 0.0000005 -> exactly half
        QTest::newRow("half up") << "0.000001"
                                 << "0.5"
                                 << "0.000001";
        QTest::newRow("half neg") << "-0.000001"
                                  << "0.5"
                                  << "-0.000001";
        QTest::newRow("half neg other") << "0.000001"
                                        << "-0.5"
                                        << "-0.000001";
        QTest::newRow("below half") << "0.000001"
                                    << "0.499999"
                                    << "0";
        QTest::newRow("below half neg") << "-0.000001"
                                        << "0.499999"
                                        << "0";
        QTest::newRow("above half") << "0.000001"
                                    << "0.500001"
                                    << "0.000001";
        QTest::newRow("1.5 half") << "0.000003"
                                  << "0.5"
                                  << "0.000002";
        QTest::newRow("-1.5 half") << "-0.000003"
                                   << "0.5"
                                   << "-0.000002";
        QTest::newRow("thirds") << "1"
                                << "0.333333"
                                << "0.333333";
        QTest::newRow("fx") << "1234.56"
                            << "1.085432"
                            << "1340.03093";
    }
    void multiplyRoundsHalfAwayFromZero()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, product);
        Result<Decimal> p = Decimal::parse(a)->multiply(*Decimal::parse(b));
        QVERIFY(p.ok());
        QCOMPARE(p->toString(), product);
    }

    void divide()
    {
        QCOMPARE(dec("1").divide(dec("3"))->toString(), QStringLiteral("0.333333"));
        QCOMPARE(dec("2").divide(dec("3"))->toString(), QStringLiteral("0.666667"));
        QCOMPARE(dec("-2").divide(dec("3"))->toString(), QStringLiteral("-0.666667"));
        QCOMPARE(dec("10").divide(dec("4"))->toString(), QStringLiteral("2.5"));
        Result<Decimal> z = dec("1").divide(Decimal());
        QVERIFY(!z.ok());
        QCOMPARE(z.error().code, QStringLiteral("division_by_zero"));
    }

    void rounded_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("places");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0.125@2") << "0.125" << 2 << "0.13";
        QTest::newRow("-0.125@2") << "-0.125" << 2 << "-0.13";
        QTest::newRow("0.124999@2") << "0.124999" << 2 << "0.12";
        QTest::newRow("-0.124999@2") << "-0.124999" << 2 << "-0.12";
        QTest::newRow("2.5@0") << "2.5" << 0 << "3";
        QTest::newRow("-2.5@0") << "-2.5" << 0 << "-3";
        QTest::newRow("1.4999995@6") << "1.499999" << 6 << "1.499999";
        QTest::newRow("0.0005@3") << "0.0005" << 3 << "0.001";
        QTest::newRow("max@0") << "1000000000000000000000000" << 0 << "1000000000000000000000000";
        QTest::newRow("clamp neg places") << "7.5" << -3 << "8";
    }
    void rounded()
    {
        QFETCH(QString, value);
        QFETCH(int, places);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::parse(value)->rounded(places).toString(), expected);
    }

    void overflowIsAnError()
    {
        const Decimal max = dec("1000000000000000000000000");
        Result<Decimal> s = max.add(dec("0.000001"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("out_of_range"));
        QVERIFY(!max.negated().subtract(dec("0.000001")).ok());
        QVERIFY(max.add(dec("-0.000001")).ok());
        Result<Decimal> p = max.multiply(max); // raw product overflows 128 bits
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("out_of_range"));
        QVERIFY(!max.multiply(dec("1.000001")).ok());
        QVERIFY(max.multiply(dec("1")).ok());
        QVERIFY(!max.divide(dec("0.5")).ok());
        QVERIFY(!Decimal::fromMantissa(Decimal::MaxMantissa + 1).ok());
        QVERIFY(Decimal::fromMantissa(-Decimal::MaxMantissa).ok());
        // 9e12 * 9e12 = 8.1e25 > 1e24
        QVERIFY(!dec("9000000000000").multiply(dec("9000000000000")).ok());
    }

    void comparison()
    {
        QVERIFY(dec("1.5") < dec("1.500001"));
        QVERIFY(dec("-1") < dec("0"));
        QVERIFY(dec("2.50") == dec("2.5"));
        QVERIFY(dec("2.5") != dec("2.6"));
        QVERIFY(dec("10") > dec("9.999999"));
        QVERIFY(Decimal() == dec("0"));
        QCOMPARE(Decimal::fromInt(-42).toString(), QStringLiteral("-42"));
        QCOMPARE(dec("-3").sign(), -1);
        QCOMPARE(dec("-3").abs().toString(), QStringLiteral("3"));
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
