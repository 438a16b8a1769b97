// The run's rules that need no database: the tax code per invoice (tax_rules) and the retainer's
// drawdown allowance per month (billing_run_retainer), case by case.

#include "billing/billing_run_retainer.h"
#include "billing/tax_rules.h"

#include <QTest>

using namespace keel;

class BillingRunRulesTest : public QObject
{
    Q_OBJECT

    static Decimal d(const char *text) { return Decimal::parse(QString::fromLatin1(text)).value(); }

    // "YYYY-MM room" per month of the answer, in month order.
    static QString show(QList<billing_retainer::Month> rooms)
    {
        std::sort(rooms.begin(), rooms.end(),
                  [](const auto &a, const auto &b) { return a.month < b.month; });
        QStringList out;
        for (const auto &r : rooms)
            out << r.month.toString("yyyy-MM") + u' ' + r.hours.toString(2);
        return out.join(QStringLiteral(", "));
    }

private slots:
    void taxCodes()
    {
        using tax_rules::codeFor;
        QCOMPARE(codeFor("US", "US", "US_STANDARD"), QString("US_STANDARD"));
        QCOMPARE(codeFor("US", "US", "US_EXEMPT"), QString("US_EXEMPT"));
        QCOMPARE(codeFor("US", "DE", "STANDARD"), QString("US_STANDARD"));
        QCOMPARE(codeFor("GB", "GB", "UK_VAT_STANDARD"), QString("UK_VAT_STANDARD"));
        QCOMPARE(codeFor("GB", "GB", "UK_VAT_ZERO"), QString("UK_VAT_ZERO"));
        QCOMPARE(codeFor("GB", "FR", "STANDARD"), QString("EXPORT_EXEMPT")); // not in the EU
        QCOMPARE(codeFor("DE", "DE", "EU_REVERSE_CHARGE"), QString("DE_UST_STANDARD"));
        QCOMPARE(codeFor("DE", "FR", "STANDARD"), QString("EU_REVERSE_CHARGE"));
        QCOMPARE(codeFor("DE", "CH", "STANDARD"), QString("EXPORT_EXEMPT"));
        QCOMPARE(codeFor("DE", "GB", "STANDARD"), QString("EXPORT_EXEMPT"));
    }

    void drawdownWithRollover()
    {
        const billing_retainer::Line line{7, d("40"), true, QDate(2026, 3, 1), QDate(2026, 6, 1)};
        // March drew 30 h before: April has 40 + 10.
        QCOMPARE(show(billing_retainer::rooms({line}, {{7, QDate(2026, 3, 1), d("30")}},
                                              {{7, QDate(2026, 4, 1), d("55")}})),
                 QString("2026-04 50.00"));
        // A late March entry (5 h) and April's 55 h in one run: March has 10 h left and draws
        // 5, so April gets 40 + (40 - 35) = 45.
        QCOMPARE(show(billing_retainer::rooms(
                     {line}, {{7, QDate(2026, 3, 1), d("30")}},
                     {{7, QDate(2026, 3, 1), d("5")}, {7, QDate(2026, 4, 1), d("55")}})),
                 QString("2026-03 10.00, 2026-04 45.00"));
        // Rolled hours roll once: nothing drawn in March or April, May still has 40 + 40.
        QCOMPARE(show(billing_retainer::rooms({line}, {}, {{7, QDate(2026, 5, 1), d("100")}})),
                 QString("2026-05 80.00"));
        // March, the first month, has nothing rolled in; July is after the line: no allowance.
        QCOMPARE(show(billing_retainer::rooms(
                     {line}, {}, {{7, QDate(2026, 3, 1), d("1")}, {7, QDate(2026, 7, 1), d("1")}})),
                 QString("2026-03 40.00, 2026-07 0.00"));
        // Without rollover, the month's own hours only; more drawn than allowed leaves zero.
        const billing_retainer::Line none{8, d("20"), false, QDate(2026, 1, 1), QDate()};
        QCOMPARE(show(billing_retainer::rooms(
                     {none}, {{8, QDate(2026, 4, 1), d("25")}},
                     {{8, QDate(2026, 4, 1), d("3")}, {8, QDate(2026, 5, 1), d("3")}})),
                 QString("2026-04 0.00, 2026-05 20.00"));
    }
};

QTEST_GUILESS_MAIN(BillingRunRulesTest)
#include "tst_billing_run_rules.moc"
