// Quote pricing to the cent: line extension, discount, cost, margin and margin %, rounded half
// away from zero per line at the currency's minor unit (server/crm/quote_pricing).
#include "quote_pricing.h"

#include <QTest>

using namespace keel;
using namespace keel::pricing;

namespace {
Decimal dec(const char *text)
{
    return Decimal::parse(QString::fromLatin1(text)).value();
}
Currency cur(const char *code)
{
    return Currency::fromCode(QString::fromLatin1(code)).value();
}
Money money(const char *amount, const char *code)
{
    return Money::parse(QString::fromLatin1(amount), cur(code)).value();
}
Line role(const char *hours, const char *rate, const char *cost)
{
    Line l;
    l.kind = Line::Kind::Role;
    l.hours = dec(hours);
    l.billRate = dec(rate);
    l.costRate = dec(cost);
    return l;
}
Line fixed(Money price, std::optional<Money> cost = std::nullopt)
{
    Line l;
    l.kind = Line::Kind::Fixed;
    l.fixedPrice = price;
    l.fixedCost = cost;
    return l;
}
} // namespace

class QuotePricingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeLinesWithDiscountToTheCent()
    {
        const auto t = price(cur("EUR"),
                             {role("120", "150", "80"), role("37.5", "133.3333", "71.1111"),
                              fixed(money("2500.00", "EUR"), money("1000.00", "EUR"))},
                             dec("12.5"));
        QVERIFY(t.ok());
        QCOMPARE(t->lines.size(), 3);
        QCOMPARE(t->lines[0].list.toString(), QStringLiteral("18000.00"));
        QCOMPARE(t->lines[0].cost.toString(), QStringLiteral("9600.00"));
        // 4999.99875 -> 5000.00; 2666.66625 -> 2666.67 (per line, half away from zero)
        QCOMPARE(t->lines[1].list.toString(), QStringLiteral("5000.00"));
        QCOMPARE(t->lines[1].cost.toString(), QStringLiteral("2666.67"));
        QCOMPARE(t->lines[2].list.toString(), QStringLiteral("2500.00"));
        QCOMPARE(t->lines[2].cost.toString(), QStringLiteral("1000.00"));
        QCOMPARE(t->list.toString(), QStringLiteral("25500.00"));
        QCOMPARE(t->discount.toString(), QStringLiteral("3187.50"));
        QCOMPARE(t->net.toString(), QStringLiteral("22312.50"));
        QCOMPARE(t->cost.toString(), QStringLiteral("13266.67"));
        QCOMPARE(t->margin.toString(), QStringLiteral("9045.83"));
        QVERIFY(t->marginPct.has_value());
        QCOMPARE(t->marginPct->toString(2), QStringLiteral("40.54"));
        QCOMPARE(t->net.currency().code(), QStringLiteral("EUR"));
    }

    void halfAwayFromZeroPerLine()
    {
        QCOMPARE(extend(dec("0.5"), dec("0.25"), cur("EUR"))->toString(), QStringLiteral("0.13"));
        QCOMPARE(extend(dec("0.5"), dec("0.24"), cur("EUR"))->toString(), QStringLiteral("0.12"));
        // Two lines of 0.125 each: 0.13 + 0.13, not round(0.25) = 0.25.
        const auto t =
            price(cur("EUR"), {role("0.5", "0.25", "0"), role("0.5", "0.25", "0")}, Decimal());
        QCOMPARE(t->list.toString(), QStringLiteral("0.26"));
        // Discount rounds once: 5% of 0.10 = 0.005 -> 0.01.
        const auto d = price(cur("EUR"), {fixed(money("0.10", "EUR"))}, dec("5"));
        QCOMPARE(d->discount.toString(), QStringLiteral("0.01"));
        QCOMPARE(d->net.toString(), QStringLiteral("0.09"));
    }

    void negativeMargin()
    {
        const auto t = price(cur("GBP"), {role("10", "100", "120")}, Decimal());
        QVERIFY(t.ok());
        QCOMPARE(t->net.toString(), QStringLiteral("1000.00"));
        QCOMPARE(t->cost.toString(), QStringLiteral("1200.00"));
        QCOMPARE(t->margin.toString(), QStringLiteral("-200.00"));
        QCOMPARE(t->marginPct->toString(2), QStringLiteral("-20.00"));
        // -1/3 of a percent rounds away from zero too: -0.33.
        const auto small =
            price(cur("GBP"), {fixed(money("300.00", "GBP"), money("301.00", "GBP"))}, Decimal());
        QCOMPARE(small->marginPct->toString(2), QStringLiteral("-0.33"));
    }

    void japaneseYenHasNoDecimals()
    {
        const auto t = price(cur("JPY"), {role("7.5", "13333.3333", "8888.8889")}, dec("12.5"));
        QVERIFY(t.ok());
        QCOMPARE(t->lines[0].list.toString(), QStringLiteral("100000")); // 99999.99975
        QCOMPARE(t->lines[0].cost.toString(), QStringLiteral("66667"));  // 66666.66675
        QCOMPARE(t->discount.toString(), QStringLiteral("12500"));
        QCOMPARE(t->net.toString(), QStringLiteral("87500"));
        QCOMPARE(t->margin.toString(), QStringLiteral("20833"));
        QCOMPARE(t->marginPct->toString(2), QStringLiteral("23.81"));
        // 12.5% of 3 yen = 0.375 -> 0
        const auto d = price(cur("JPY"), {fixed(money("3", "JPY"))}, dec("12.5"));
        QCOMPARE(d->discount.toString(), QStringLiteral("0"));
        const auto e = price(cur("JPY"), {fixed(money("4", "JPY"))}, dec("12.5"));
        QCOMPARE(e->discount.toString(), QStringLiteral("1")); // 0.5 -> 1
    }

    void fullDiscountHasNoMarginPercent()
    {
        const auto t = price(cur("EUR"), {role("10", "100", "50")}, dec("100"));
        QVERIFY(t.ok());
        QCOMPARE(t->net.toString(), QStringLiteral("0.00"));
        QCOMPARE(t->margin.toString(), QStringLiteral("-500.00"));
        QVERIFY(!t->marginPct.has_value());
    }

    void badInputFails()
    {
        QCOMPARE(price(cur("EUR"), {}, dec("100.01")).error().code,
                 QString::fromLatin1(ValueErrorCode::OutOfRange));
        QCOMPARE(price(cur("EUR"), {}, dec("-1")).error().code,
                 QString::fromLatin1(ValueErrorCode::OutOfRange));
        QCOMPARE(price(cur("EUR"), {}, dec("12.34567")).error().code,
                 QString::fromLatin1(ValueErrorCode::TooManyDecimals));
        QCOMPARE(price(cur("EUR"), {fixed(money("1.00", "USD"))}, Decimal()).error().code,
                 QString::fromLatin1(ValueErrorCode::CurrencyMismatch));
        QCOMPARE(price(cur("EUR"), {role("-1", "100", "50")}, Decimal()).error().code,
                 QString::fromLatin1(ValueErrorCode::OutOfRange));
        QVERIFY(!extend(dec("1000000000000"), dec("1000000000000"), cur("EUR")).ok());
        const auto empty = price(cur("EUR"), {}, Decimal());
        QVERIFY(empty.ok());
        QCOMPARE(empty->list.toString(), QStringLiteral("0.00"));
    }
};

QTEST_GUILESS_MAIN(QuotePricingTest)
#include "tst_quote_pricing.moc"
