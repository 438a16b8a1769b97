// Tax per invoice line by country (server/billing/README.md "Tax"): none on US services, UK VAT
// 20 %, DE USt 19 %, reverse charge for an EU client in another member state, outside the scope
// for exports; each line's tax rounded half away from zero, the invoice's tax their sum. The
// code per country pair alone: tst_billing_run_rules.

#include "tst_billing_run_fixture.h"

using namespace keel;
using namespace keel::test;

class BillingRunTaxTest : public QObject, public BillingRunFixture
{
    Q_OBJECT

    // A fixed-fee contract of `entity` for a client in `country` with two items due in March:
    // 1,001.50 and 250.25.
    qint64 feeContract(const QString &entity, const QString &country, const QString &currency,
                       const QString &profile)
    {
        const qint64 a = account(entity, "Client " + country, country, currency, profile, 30);
        const Contract c = contract(a, currency, "Fees " + country);
        const qint64 ff = line(c.id, "fixed_fee", {{"description", "Fee"}});
        scheduleItem(ff, "A", "1001.50", "2026-03-10");
        scheduleItem(ff, "B", "250.25", "2026-03-20");
        return c.id;
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void taxPerCountry()
    {
        const qint64 usUs = feeContract("US", "US", "USD", "US_STANDARD");
        const qint64 ukGb = feeContract("UK", "GB", "GBP", "UK_VAT_STANDARD");
        const qint64 ukZero = feeContract("UK", "GB", "GBP", "UK_VAT_ZERO");
        const qint64 ukUs = feeContract("UK", "US", "USD", "STANDARD");
        const qint64 deDe = feeContract("DE", "DE", "EUR", "DE_UST_STANDARD");
        const qint64 deFr = feeContract("DE", "FR", "EUR", "STANDARD");
        const qint64 deCh = feeContract("DE", "CH", "CHF", "STANDARD");
        const qint64 usRun = runNow("US", "2026-03");
        const qint64 ukRun = runNow("UK", "2026-03");
        const qint64 deRun = runNow("DE", "2026-03");

        QCOMPARE(invoices(usRun, usUs), QString("US_STANDARD 1251.75 0.00 1251.75 USD 2026-04-30"));
        // 20 % of 1,001.50 = 200.30, of 250.25 = 50.05: 250.35.
        QCOMPARE(lines(ukRun, ukGb), QString("fixed_fee 1.00 1001.50 1001.50 200.30 | "
                                             "fixed_fee 1.00 250.25 250.25 50.05"));
        QCOMPARE(invoices(ukRun, ukGb),
                 QString("UK_VAT_STANDARD 1251.75 250.35 1502.10 GBP 2026-04-30"));
        QCOMPARE(invoices(ukRun, ukZero),
                 QString("UK_VAT_ZERO 1251.75 0.00 1251.75 GBP 2026-04-30"));
        QCOMPARE(invoices(ukRun, ukUs),
                 QString("EXPORT_EXEMPT 1251.75 0.00 1251.75 USD 2026-04-30"));
        // 19 % of 1,001.50 = 190.285 → 190.29 (half away from zero; banker's rounding would give
        // 190.28); of 250.25 = 47.5475 → 47.55: 237.84.
        QCOMPARE(lines(deRun, deDe), QString("fixed_fee 1.00 1001.50 1001.50 190.29 | "
                                             "fixed_fee 1.00 250.25 250.25 47.55"));
        QCOMPARE(invoices(deRun, deDe),
                 QString("DE_UST_STANDARD 1251.75 237.84 1489.59 EUR 2026-04-30"));
        QCOMPARE(invoices(deRun, deFr),
                 QString("EU_REVERSE_CHARGE 1251.75 0.00 1251.75 EUR 2026-04-30"));
        QCOMPARE(invoices(deRun, deCh),
                 QString("EXPORT_EXEMPT 1251.75 0.00 1251.75 CHF 2026-04-30"));
        QCOMPARE(rows("SELECT DISTINCT tax_rate::numeric(7, 2) FROM invoice_lines l JOIN invoices "
                      "i ON i.id = l.invoice_id WHERE i.contract_id = ?",
                      {deDe}),
                 QString("19.00"));
        QVERIFY(text("SELECT invoice_note FROM tax_codes WHERE code = 'EU_REVERSE_CHARGE'")
                    .startsWith("Reverse charge"));
    }
};

QTEST_GUILESS_MAIN(BillingRunTaxTest)
#include "tst_billing_run_tax.moc"
