#include "money.h"

#include <QTest>

#include <limits>

using namespace keel;

namespace {
Currency cur(const char *code)
{
    return Currency::fromCode(QString::fromLatin1(code)).value();
}

Money money(const char *amount, const char *code = "EUR")
{
    Result<Money> r = Money::parse(QString::fromLatin1(amount), cur(code));
    if (!r)
        qFatal("bad literal in test: %s %s", amount, code);
    return *r;
}

Decimal dec(const char *s)
{
    return Decimal::parse(QString::fromLatin1(s)).value();
}

QStringList strings(const QList<Money> &parts)
{
    QStringList out;
    for (const Money &m : parts)
        out.append(m.toString());
    return out;
}

constexpr qint64 Max = std::numeric_limits<qint64>::max();
} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void currencies()
    {
        QCOMPARE(cur("EUR").minorUnits(), 2);
        QCOMPARE(cur("JPY").minorUnits(), 0);
        QCOMPARE(cur("KWD").minorUnits(), 3);
        QCOMPARE(cur("BHD").minorUnits(), 3);
        QCOMPARE(cur("BHD").minorFactor(), qint64(1000));
        QCOMPARE(cur("USD").minorFactor(), qint64(100));
        for (const char *c : {"USD", "EUR", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK",
                              "CAD", "AUD", "INR", "SGD", "BHD", "KWD"})
            QVERIFY2(Currency::isKnown(QString::fromLatin1(c)), c);
        for (const char *c : {"eur", "Eur", " EUR", "EUR ", "EURO", "EU", "", "XYZ", "123"}) {
            Result<Currency> r = Currency::fromCode(QString::fromLatin1(c));
            QVERIFY2(!r.ok(), c);
            QCOMPARE(r.error().code, QStringLiteral("invalid_currency"));
        }
        QVERIFY(!Currency().isValid());
        QVERIFY(cur("EUR") == cur("EUR"));
        QVERIFY(!(cur("EUR") == cur("USD")));
        QVERIFY(Currency::all().size() >= 16);
    }

    void parseFormat_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("eur") << "1234.50"
                             << "EUR" << qint64(123450) << "1234.50";
        QTest::newRow("eur one place") << "1234.5"
                                       << "EUR" << qint64(123450) << "1234.50";
        QTest::newRow("eur int") << "7"
                                 << "EUR" << qint64(700) << "7.00";
        QTest::newRow("eur neg cents") << "-0.05"
                                       << "EUR" << qint64(-5) << "-0.05";
        QTest::newRow("eur zero") << "0"
                                  << "EUR" << qint64(0) << "0.00";
        QTest::newRow("eur neg zero") << "-0.00"
                                      << "EUR" << qint64(0) << "0.00";
        QTest::newRow("jpy") << "1234"
                             << "JPY" << qint64(1234) << "1234";
        QTest::newRow("kwd") << "1.5"
                             << "KWD" << qint64(1500) << "1.500";
        QTest::newRow("kwd neg") << "-0.001"
                                 << "KWD" << qint64(-1) << "-0.001";
        QTest::newRow("max") << "92233720368547758.07"
                             << "EUR" << Max << "92233720368547758.07";
        QTest::newRow("min") << "-92233720368547758.07"
                             << "EUR" << -Max << "-92233720368547758.07";
    }
    void parseFormat()
    {
        QFETCH(QString, amount);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        QFETCH(QString, formatted);
        Result<Money> m = Money::parse(amount, currency);
        QVERIFY(m.ok());
        QCOMPARE(m->minorUnits(), minor);
        QCOMPARE(m->currency().code(), currency);
        QCOMPARE(m->toString(), formatted);
        QCOMPARE(Money::parse(m->toString(), m->currency()).value(), *m);
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("code");
        QTest::newRow("3 places eur") << "1234.505"
                                      << "EUR"
                                      << "too_many_decimals";
        QTest::newRow("3 zero places eur") << "1.000"
                                           << "EUR"
                                           << "too_many_decimals";
        QTest::newRow("jpy decimals") << "12.0"
                                      << "JPY"
                                      << "too_many_decimals";
        QTest::newRow("kwd 4") << "1.0001"
                               << "KWD"
                               << "too_many_decimals";
        QTest::newRow("empty") << ""
                               << "EUR"
                               << "invalid_format";
        QTest::newRow("comma") << "1,50"
                               << "EUR"
                               << "invalid_format";
        QTest::newRow("exp") << "1e2"
                             << "EUR"
                             << "invalid_format";
        QTest::newRow("space") << " 1.50"
                               << "EUR"
                               << "invalid_format";
        QTest::newRow("symbol") << "€1.50"
                                << "EUR"
                                << "invalid_format";
        QTest::newRow("overflow") << "92233720368547758.08"
                                  << "EUR"
                                  << "out_of_range";
        QTest::newRow("int64 min") << "-92233720368547758.08"
                                   << "EUR"
                                   << "out_of_range";
        QTest::newRow("huge") << "1000000000000000000000000000000000000000"
                              << "JPY"
                              << "out_of_range";
        QTest::newRow("bad currency") << "1.00"
                                      << "eur"
                                      << "invalid_currency";
    }
    void parseRejects()
    {
        QFETCH(QString, amount);
        QFETCH(QString, currency);
        QFETCH(QString, code);
        Result<Money> m = Money::parse(amount, currency);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, code);
    }

    void addSubtract()
    {
        QCOMPARE(money("0.10").add(money("0.20"))->toString(), QStringLiteral("0.30"));
        QCOMPARE(money("0.10").subtract(money("0.25"))->minorUnits(), qint64(-15));
        QCOMPARE(money("5").negated().toString(), QStringLiteral("-5.00"));
        QCOMPARE(money("-5").abs().toString(), QStringLiteral("5.00"));
        Result<Money> s = Money::sum({money("1.10"), money("2.20"), money("-0.30")}, cur("EUR"));
        QCOMPARE(s->toString(), QStringLiteral("3.00"));
        QVERIFY(!Money::sum({money("1.10"), money("1", "USD")}, cur("EUR")).ok());
    }

    void currencyMismatch()
    {
        Result<Money> r = money("1.00", "EUR").add(money("1.00", "USD"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("currency_mismatch"));
        QVERIFY(r.error().message.contains(QStringLiteral("USD")));
        QCOMPARE(money("1.00").subtract(money("1", "JPY")).error().code,
                 QStringLiteral("currency_mismatch"));
        QCOMPARE(Money().add(money("1.00")).error().code, QStringLiteral("invalid_currency"));
        // different currencies are unordered, never silently compared
        const Money e = money("1.00", "EUR"), u = money("2.00", "USD");
        QVERIFY(!(e < u));
        QVERIFY(!(e > u));
        QVERIFY(!(e == u));
        QVERIFY(money("1.00") < money("1.01"));
        QVERIFY(money("-1.00") < money("0.00"));
        QVERIFY(money("1.0") == money("1.00"));
    }

    void overflow()
    {
        const Money max = Money::fromMinor(Max, cur("EUR")).value();
        Result<Money> r = max.add(Money::fromMinor(1, cur("EUR")).value());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("out_of_range"));
        QVERIFY(!max.negated().subtract(Money::fromMinor(1, cur("EUR")).value()).ok());
        QCOMPARE(max.add(max.negated())->minorUnits(), qint64(0));
        QVERIFY(!max.subtract(max.negated()).ok());
        QCOMPARE(Money::fromMinor(std::numeric_limits<qint64>::min(), cur("EUR")).error().code,
                 QStringLiteral("out_of_range"));
        Result<Money> twice = max.multiply(dec("2"));
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("out_of_range"));
        QVERIFY(!max.multiply(dec("1.000001")).ok());
        QCOMPARE(max.multiply(dec("1"))->minorUnits(), Max);
        QCOMPARE(max.multiply(dec("-1"))->minorUnits(), -Max);
        // raw 128-bit product overflows: still an error, not garbage
        QVERIFY(!max.multiply(dec("1000000000000000000000000")).ok());
        QVERIFY(!max.convert(dec("1000000000000000000000000"), cur("JPY")).ok());
        QVERIFY(!Money::fromDecimal(dec("92233720368547758.075"), cur("EUR")).ok());
        QCOMPARE(Money::fromDecimal(dec("92233720368547758.074"), cur("EUR"))->minorUnits(), Max);
    }

    void multiplyRounding_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("factor");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0.125 up") << "0.25"
                                  << "0.5"
                                  << "0.13";
        QTest::newRow("-0.125 away") << "-0.25"
                                     << "0.5"
                                     << "-0.13";
        QTest::newRow("-0.125 neg factor") << "0.25"
                                           << "-0.5"
                                           << "-0.13";
        QTest::newRow("0.124999 down") << "1.00"
                                       << "0.124999"
                                       << "0.12";
        QTest::newRow("-0.124999 down") << "-1.00"
                                        << "0.124999"
                                        << "-0.12";
        QTest::newRow("0.125001 up") << "1.00"
                                     << "0.125001"
                                     << "0.13";
        QTest::newRow("hours") << "1000.00"
                               << "0.333333"
                               << "333.33";
        QTest::newRow("rate x hours") << "150.00"
                                      << "7.5"
                                      << "1125.00";
        QTest::newRow("vat") << "123.45"
                             << "1.17"
                             << "144.44";
        QTest::newRow("vat half") << "0.50"
                                  << "0.25"
                                  << "0.13";
        QTest::newRow("zero") << "99.99"
                              << "0"
                              << "0.00";
    }
    void multiplyRounding()
    {
        QFETCH(QString, amount);
        QFETCH(QString, factor);
        QFETCH(QString, expected);
        Result<Money> m = Money::parse(amount, cur("EUR"))->multiply(*Decimal::parse(factor));
        QVERIFY(m.ok());
        QCOMPARE(m->toString(), expected);
    }

    void jpyAndKwdRounding()
    {
        QCOMPARE(money("101", "JPY").multiply(dec("0.5"))->toString(), QStringLiteral("51"));
        QCOMPARE(money("-101", "JPY").multiply(dec("0.5"))->toString(), QStringLiteral("-51"));
        QCOMPARE(money("0.001", "KWD").multiply(dec("0.5"))->toString(), QStringLiteral("0.001"));
    }

    void convertAndDecimal()
    {
        // 100.00 EUR at 161.235 JPY/EUR = 16123.5 -> 16124 JPY
        QCOMPARE(money("100.00").convert(dec("161.235"), cur("JPY"))->toString(),
                 QStringLiteral("16124"));
        QCOMPARE(money("-100.00").convert(dec("161.235"), cur("JPY"))->toString(),
                 QStringLiteral("-16124"));
        // one rounding only: 0.01 * 0.4999995 would be 0.005 after rounding the rate product
        // to 6 places first; the exact value 0.004999995 rounds to 0.00
        QCOMPARE(money("0.01").convert(dec("0.499999"), cur("USD"))->toString(),
                 QStringLiteral("0.00"));
        QCOMPARE(money("1234", "JPY").convert(dec("0.006123"), cur("EUR"))->toString(),
                 QStringLiteral("7.56"));
        QCOMPARE(money("1234.56").toDecimal().toString(), QStringLiteral("1234.56"));
        QCOMPARE(Money::fromDecimal(dec("0.125"), cur("EUR"))->toString(), QStringLiteral("0.13"));
        QCOMPARE(Money::fromDecimal(dec("-0.125"), cur("EUR"))->toString(),
                 QStringLiteral("-0.13"));
        QCOMPARE(Money::fromDecimal(dec("-0.124999"), cur("EUR"))->toString(),
                 QStringLiteral("-0.12"));
        QCOMPARE(Money::fromDecimal(dec("2.5"), cur("JPY"))->toString(), QStringLiteral("3"));
        QCOMPARE(Money::fromDecimal(dec("1"), Currency()).error().code,
                 QStringLiteral("invalid_currency"));
    }

    void allocate_data()
    {
        QTest::addColumn<QString>("total");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("100 / 3") << "100.00" << QList<qint64>{1, 1, 1}
                                 << QStringList{"33.34", "33.33", "33.33"};
        QTest::newRow("-100 / 3") << "-100.00" << QList<qint64>{1, 1, 1}
                                  << QStringList{"-33.34", "-33.33", "-33.33"};
        QTest::newRow("-0.05 / 3")
            << "-0.05" << QList<qint64>{1, 1, 1} << QStringList{"-0.02", "-0.02", "-0.01"};
        QTest::newRow("0.01 / 7") << "0.01" << QList<qint64>{1, 1, 1, 1, 1, 1, 1}
                                  << QStringList{"0.01", "0.00", "0.00", "0.00",
                                                 "0.00", "0.00", "0.00"};
        QTest::newRow("largest remainder")
            << "1.00" << QList<qint64>{1, 2, 3} << QStringList{"0.17", "0.33", "0.50"};
        QTest::newRow("zero weight")
            << "10.00" << QList<qint64>{0, 1, 0, 2} << QStringList{"0.00", "3.33", "0.00", "6.67"};
        QTest::newRow("zero total") << "0.00" << QList<qint64>{1, 1} << QStringList{"0.00", "0.00"};
        QTest::newRow("single") << "12.34" << QList<qint64>{5} << QStringList{"12.34"};
        QTest::newRow("max / 2") << "92233720368547758.07" << QList<qint64>{1, 1}
                                 << QStringList{"46116860184273879.04", "46116860184273879.03"};
        QTest::newRow("huge weights")
            << "1.00" << QList<qint64>{Max, Max, Max} << QStringList{"0.34", "0.33", "0.33"};
    }
    void allocate()
    {
        QFETCH(QString, total);
        QFETCH(QList<qint64>, weights);
        QFETCH(QStringList, parts);
        const Money t = Money::parse(total, cur("EUR")).value();
        Result<QList<Money>> r = t.allocate(weights);
        QVERIFY(r.ok());
        QCOMPARE(strings(*r), parts);
        QCOMPARE(Money::sum(*r, cur("EUR")).value(), t);
    }

    void allocateDecimalWeights()
    {
        Result<QList<Money>> r = money("1000.00").allocate(
            QList<Decimal>{dec("0.333333"), dec("0.333333"), dec("0.333334")});
        QVERIFY(r.ok());
        QCOMPARE(strings(*r), (QStringList{"333.33", "333.33", "333.34"}));
        r = money("-0.07", "EUR").allocate(QList<Decimal>{dec("1.5"), dec("0"), dec("2.5")});
        QCOMPARE(strings(*r), (QStringList{"-0.03", "0.00", "-0.04"}));
        r = money("0.01").allocate(
            QList<Decimal>{dec("1000000000000000000000000"), dec("1000000000000000000000000")});
        QCOMPARE(strings(*r), (QStringList{"0.01", "0.00"}));
    }

    void allocateRejects()
    {
        QCOMPARE(money("1.00").allocate(QList<qint64>{}).error().code,
                 QStringLiteral("invalid_weights"));
        QCOMPARE(money("1.00").allocate(QList<qint64>{0, 0}).error().code,
                 QStringLiteral("invalid_weights"));
        QCOMPARE(money("1.00").allocate(QList<qint64>{2, -1}).error().code,
                 QStringLiteral("invalid_weights"));
        QCOMPARE(money("1.00").allocate(QList<Decimal>{dec("0"), dec("0")}).error().code,
                 QStringLiteral("invalid_weights"));
        QCOMPARE(money("1.00").allocate(QList<Decimal>{dec("-0.5"), dec("1.5")}).error().code,
                 QStringLiteral("invalid_weights"));
        QCOMPARE(Money().allocate(QList<qint64>{1}).error().code,
                 QStringLiteral("invalid_currency"));
    }

    void resultAccess()
    {
        Result<Money> bad = Money::parse(u"x", cur("EUR"));
        QVERIFY(!bad);
        QVERIFY_THROWS_EXCEPTION(std::bad_variant_access, bad.value());
        QCOMPARE(bad.valueOr(money("1.00")).toString(), QStringLiteral("1.00"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
