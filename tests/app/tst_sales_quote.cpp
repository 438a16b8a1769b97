// The quote editor's arithmetic, without a server: role lines (hours × rate, cost at the cost
// rate) and fixed items, a discount, and the totals, margin and margin % to the cent, as the
// user types them into the lines model.
#include "quote_calculator.h"
#include "quote_lines_model.h"

#include <QSignalSpy>
#include <QTest>

using namespace keel;
using namespace keel::sales;

namespace {
Currency eur()
{
    return *Currency::fromCode(u"EUR");
}
Money m(const char *amount)
{
    return *Money::parse(QString::fromLatin1(amount), eur());
}
Decimal d(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}
} // namespace

class TestSalesQuote : public QObject
{
    Q_OBJECT
private slots:
    void calculatorToTheCent();
    void calculatorRefusesWhatCannotBeRight();
    void modelRecalculatesAsYouType();
    void modelAcceptsGermanAndGroupedInput();
    void modelJsonRoundTrip();
};

void TestSalesQuote::calculatorToTheCent()
{
    QuoteLine senior;
    senior.role = "senior_consultant";
    senior.hours = d("37.5");
    senior.rate = d("145.50");
    senior.costRate = d("82.35");
    QuoteLine dev;
    dev.role = "developer";
    dev.hours = d("12.25");
    dev.rate = d("99.99");
    dev.costRate = d("61.10");
    QuoteLine workshop;
    workshop.kind = QuoteLine::Kind::Fixed;
    workshop.description = "Discovery workshop";
    workshop.price = m("2500.00");
    workshop.cost = m("1200.00");

    const QuoteTotals t = calculateQuote({senior, dev, workshop}, d("12.5"), eur());
    QVERIFY2(t.ok, qPrintable(t.error));
    QCOMPARE(t.lines.size(), 3);
    QCOMPARE(t.lines[0].amount.toString(), QString("5456.25"));
    QCOMPARE(t.lines[0].cost.toString(), QString("3088.13"));   // 3088.125 half away from zero
    QCOMPARE(t.lines[1].amount.toString(), QString("1224.88")); // 1224.8775
    QCOMPARE(t.lines[1].cost.toString(), QString("748.48"));    // 748.475
    QCOMPARE(t.lines[2].amount.toString(), QString("2500.00"));
    QCOMPARE(t.subtotal.toString(), QString("9181.13"));
    QCOMPARE(t.discount.toString(), QString("1147.64")); // 1147.64125
    QCOMPARE(t.total.toString(), QString("8033.49"));
    QCOMPARE(t.cost.toString(), QString("5036.61"));
    QCOMPARE(t.margin.toString(), QString("2996.88"));
    QCOMPARE(t.marginPct.toString(), QString("37.3")); // 37.3048… at two places
    QCOMPARE(t.total.currency().code(), QString("EUR"));

    // No lines: zero everywhere, a margin % of 0 rather than a division by zero.
    const QuoteTotals empty = calculateQuote({}, Decimal(), eur());
    QVERIFY(empty.ok);
    QCOMPARE(empty.total.toString(), QString("0.00"));
    QCOMPARE(empty.marginPct, Decimal());

    // A loss: the margin and its percentage are negative.
    QuoteLine cheap = senior;
    cheap.rate = d("80.00");
    const QuoteTotals loss = calculateQuote({cheap}, Decimal(), eur());
    QVERIFY(loss.ok);
    QCOMPARE(loss.total.toString(), QString("3000.00"));
    QCOMPARE(loss.margin.toString(), QString("-88.13"));
    QCOMPARE(loss.marginPct.toString(), QString("-2.94")); // -2.9376…
}

void TestSalesQuote::calculatorRefusesWhatCannotBeRight()
{
    QuoteLine usd;
    usd.kind = QuoteLine::Kind::Fixed;
    usd.price = *Money::parse(u"100.00", u"USD");
    const QuoteTotals mixed = calculateQuote({usd}, Decimal(), eur());
    QVERIFY(!mixed.ok);
    QVERIFY(mixed.error.contains("USD"));

    QVERIFY(!calculateQuote({}, d("100.5"), eur()).ok);
    QVERIFY(!calculateQuote({}, d("-1"), eur()).ok);
    QVERIFY(!calculateQuote({}, d("10.12345"), eur()).ok); // at most 4 places, as the server

    // Rates may carry more places than the currency: rounded once, on the line amount.
    QuoteLine precise;
    precise.hours = d("3");
    precise.rate = d("33.335");
    const QuoteTotals p = calculateQuote({precise}, Decimal(), eur());
    QVERIFY(p.ok);
    QCOMPARE(p.total.toString(), QString("100.01")); // 100.005 -> 100.01
    QuoteLine negative;
    negative.hours = d("-2");
    negative.rate = d("10.00");
    QVERIFY(!calculateQuote({negative}, Decimal(), eur()).ok);
}

void TestSalesQuote::modelRecalculatesAsYouType()
{
    QuoteLinesModel model;
    model.setCurrency(eur());
    QSignalSpy totals(&model, &QuoteLinesModel::totalsChanged);
    model.addRoleLine("senior_consultant", "37.5", "145.50", "82.35");
    model.addRoleLine("developer", "", "99.99", "61.10");
    model.addFixedLine("Discovery workshop", "2500.00", "1200.00");
    QCOMPARE(model.totals().total.toString(), QString("7956.25"));

    // Typing "12.25" into the developer's hours, one key at a time: every keystroke that
    // forms a number updates the totals; the half-typed "12." is flagged, not guessed.
    const QModelIndex hours = model.index(1, QuoteLinesModel::HoursColumn);
    const QStringList keystrokes{"1", "12", "12.", "12.2", "12.25"};
    QStringList seen;
    for (const QString &text : keystrokes) {
        totals.clear();
        QVERIFY(model.setData(hours, text));
        QCOMPARE(totals.size(), 1);
        seen.append(model.isValid() ? model.totals().total.toString() : QString("error"));
    }
    QCOMPARE(seen, (QStringList{"8056.24", "9156.13", "error", "9176.13", "9181.13"}));
    QVERIFY(model.data(hours, QuoteLinesModel::ErrorRole).toString().isEmpty());

    // The discount as typed.
    model.setDiscountText("12.5");
    QVERIFY(model.isValid());
    QCOMPARE(model.totals().discount.toString(), QString("1147.64"));
    QCOMPARE(model.totals().total.toString(), QString("8033.49"));
    QCOMPARE(model.totals().margin.toString(), QString("2996.88"));
    QCOMPARE(model.totals().marginPct.toString(), QString("37.3"));
    QCOMPARE(model.data(model.index(1, QuoteLinesModel::AmountColumn)).toString(),
             QString("1,224.88"));

    // A rate that is not a number is an input error named by line; the old figures go away.
    QVERIFY(model.setData(model.index(0, QuoteLinesModel::RateColumn), "145.5x"));
    QVERIFY(!model.isValid());
    QVERIFY2(model.inputError().startsWith("Line 1"), qPrintable(model.inputError()));
    QVERIFY(!model.data(model.index(0, QuoteLinesModel::RateColumn), QuoteLinesModel::ErrorRole)
                 .toString()
                 .isEmpty());
    QVERIFY(model.setData(model.index(0, QuoteLinesModel::RateColumn), "145.50"));
    QVERIFY(model.isValid());

    model.removeLine(2);
    QCOMPARE(model.totals().subtotal.toString(), QString("6681.13"));
    // A fixed line has no hours to edit.
    model.addFixedLine("Licence", "10.00");
    // A fixed price has the currency's places, no more.
    QVERIFY(model.setData(model.index(2, QuoteLinesModel::RateColumn), "10.005"));
    QVERIFY(!model.isValid());
    QVERIFY(model.setData(model.index(2, QuoteLinesModel::RateColumn), "10.00"));
    QVERIFY(model.isValid());
    QVERIFY(!(model.flags(model.index(2, QuoteLinesModel::HoursColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(2, QuoteLinesModel::RateColumn)) & Qt::ItemIsEditable);
    model.setReadOnly(true);
    QVERIFY(!model.setData(model.index(2, QuoteLinesModel::RateColumn), "20.00"));
}

void TestSalesQuote::modelAcceptsGermanAndGroupedInput()
{
    QuoteLinesModel model;
    model.setCurrency(eur());
    model.addRoleLine("architect", "7,5", "1.250,50");
    QVERIFY2(model.isValid(), qPrintable(model.inputError()));
    QCOMPARE(model.totals().total.toString(), QString("9378.75"));
    model.addFixedLine("Travel", "1,250.00");
    QCOMPARE(model.totals().total.toString(), QString("10628.75"));
}

void TestSalesQuote::modelJsonRoundTrip()
{
    const QJsonObject quote{
        {"currency", "GBP"},
        {"discount_pct", "5"},
        {"lines", QJsonArray{QJsonObject{{"kind", "role"},
                                         {"job_role", "CONSULTANT"},
                                         {"hours", "10"},
                                         {"rate", "120.00"},
                                         {"cost_rate", "70.00"}},
                             QJsonObject{{"kind", "fixed"},
                                         {"description", "Licences"},
                                         {"price", QJsonObject{{"amount", "300.00"},
                                                               {"currency", "GBP"}}}}}}};
    QuoteLinesModel model;
    model.loadJson(quote);
    QCOMPARE(model.currency().code(), QString("GBP"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totals().subtotal.toString(), QString("1500.00"));
    QCOMPARE(model.totals().discount.toString(), QString("75.00"));
    QCOMPARE(model.totals().margin.toString(), QString("725.00"));
    const QJsonArray lines = model.linesJson();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].toObject().value("hours").toString(), QString("10"));
    QCOMPARE(lines[0].toObject().value("job_role").toString(), QString("CONSULTANT"));
    QCOMPARE(lines[0].toObject().value("rate").toString(), QString("120.00"));
    QVERIFY(!lines[0].toObject().contains("cost_rate"));
    QCOMPARE(lines[1].toObject().value("price").toObject().value("currency").toString(),
             QString("GBP"));
}

QTEST_GUILESS_MAIN(TestSalesQuote)
#include "tst_sales_quote.moc"
