// The Finance workspace's client logic without a server: applying a receipt to open documents
// (oldest due first, never more than a balance, amounts typed in the user's locale), what a
// statement file must look like before it is sent, the aging answer read into a grid, the
// credit side of a balance, which entities a user picks from.
#include "aging_model.h"
#include "allocation_model.h"
#include "finance_scope.h"
#include "ledger_report.h"
#include "statement_import.h"
#include "vendor_bill.h"

#include <QJsonArray>
#include <QLocale>
#include <QTest>

using namespace keel;
using namespace keel::finance;

namespace {
QJsonObject m(const char *amount, const char *currency = "GBP")
{
    return {{"amount", amount}, {"currency", currency}};
}

QJsonObject invoice(const char *id, const char *due, const char *total, const char *balance)
{
    return {{"id", id},
            {"number", QStringLiteral("INV-%1").arg(id)},
            {"invoice_date", "2026-01-01"},
            {"due_date", due},
            {"total", m(total)},
            {"balance", m(balance)}};
}
} // namespace

class TestFinanceModels : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    // The dialog's amounts are the server's: hours × rate rounded once, half away from zero.
    void vendorBillLinesAddUpLikeTheServer()
    {
        QCOMPARE(workAmount("12.25", "95.5", "EUR").toString(), QString("1169.88"));
        QCOMPARE(workAmount("1", "93.333333", "EUR").toString(), QString("93.33"));
        QCOMPARE(workAmount("0.05", "0.1", "EUR").toString(), QString("0.01")); // 0.005 up
        QCOMPARE(workAmount("3", "93.333335", "EUR").toString(), QString("280.00"));
        QCOMPARE(workAmount("7.5", "1200", "JPY").toString(), QString("9000"));
        QVERIFY(!workAmount("", "95", "EUR").isValid());
        QVERIFY(!workAmount("x", "95", "EUR").isValid());

        BillLine work{BillLine::Kind::Work, "7", "12", "Data engineering", "12.25", "95.5", {}};
        BillLine cost{BillLine::Kind::Cost, {}, {}, "Cloud software", {}, {}, "234.56"};
        bool complete = false;
        QCOMPARE(billTotal({work, cost}, "EUR", &complete).toString(), QString("1404.44"));
        QVERIFY(complete);
        BillLine half{BillLine::Kind::Work, "7", {}, "More", "2", {}, {}};
        QCOMPARE(billTotal({work, cost, half}, "EUR", &complete).toString(), QString("1404.44"));
        QVERIFY(!complete);

        const QJsonObject w = billLineJson(work, "EUR");
        QCOMPARE(w.value("project_id").toString(), QString("7"));
        QCOMPARE(w.value("task_id").toString(), QString("12"));
        QCOMPARE(w.value("hours").toString(), QString("12.25"));
        QVERIFY(!w.contains("amount"));
        const QJsonObject c = billLineJson(cost, "EUR");
        QVERIFY(!c.contains("project_id") && !c.contains("hours"));
        QCOMPARE(c.value("amount").toObject(),
                 (QJsonObject{{"amount", "234.56"}, {"currency", "EUR"}}));
        QCOMPARE(billLineFromJson(c).kind, BillLine::Kind::Cost);
        QCOMPARE(billLineFromJson(c).amount, QString("234.56"));
        QCOMPARE(billLineFromJson(w).rate, QString("95.5"));

        QLocale::setDefault(QLocale(QLocale::German));
        QCOMPARE(plainDecimal("1.234,5"), QString("1234.5"));
    }

    void oldestDueFirstUpToEachBalance()
    {
        AllocationModel model("invoice_id");
        model.setDocuments({invoice("2", "2026-03-31", "800.00", "800.00"),
                            invoice("1", "2026-02-28", "1200.00", "450.25"),
                            invoice("3", "2026-01-31", "99.00", "0.00")}); // paid: left out
        QCOMPARE(model.documentCount(), 2);
        QCOMPARE(model.documentId(0), QString("1"));
        QCOMPARE(model.totalBalance().toString(), QString("1250.25"));

        model.applyOldestFirst(*Money::parse(u"600.00", u"GBP"));
        QCOMPARE(model.applied(0).toString(), QString("450.25"));
        QCOMPARE(model.applied(1).toString(), QString("149.75"));
        QCOMPARE(model.totalApplied().toString(), QString("600.00"));
        const QJsonArray a = model.allocations();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).toObject(), (QJsonObject{{"invoice_id", "1"}, {"amount", m("450.25")}}));

        // More than received: applied in full, the rest waits.
        model.applyOldestFirst(*Money::parse(u"5000.00", u"GBP"));
        QCOMPARE(model.totalApplied().toString(), QString("1250.25"));
        // Another currency applies nothing.
        model.applyOldestFirst(*Money::parse(u"100.00", u"EUR"));
        QCOMPARE(model.totalApplied().toString(), QString("0.00"));
        QVERIFY(model.allocations().isEmpty());
    }

    void oneCurrencyPerPayment()
    {
        AllocationModel model("invoice_id");
        QJsonObject usd = invoice("9", "2026-01-15", "300.00", "300.00");
        usd.insert("total", m("300.00", "USD"));
        usd.insert("balance", m("300.00", "USD"));
        model.setDocuments({invoice("8", "2026-02-15", "100.00", "100.00"), usd});
        QCOMPARE(model.documentCount(), 1);
        QCOMPARE(model.currency(), QString("GBP"));
        model.applyOldestFirst(*Money::parse(u"500.00", u"GBP"));
        QCOMPARE(model.totalApplied().toString(), QString("100.00"));
    }

    void typedAmountsFollowTheLocaleAndTheBalance()
    {
        AllocationModel model("bill_id");
        model.setDocuments({invoice("7", "2026-02-28", "2000.00", "1500.00")});
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(model.setAppliedText(0, "1.234,50"));
        QCOMPARE(model.applied(0).toString(), QString("1234.50"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(model.setAppliedText(0, "1,000.10"));
        QCOMPARE(model.applied(0).toString(), QString("1000.10"));
        QVERIFY(!model.setAppliedText(0, "1500.01")); // over the balance: unchanged
        QVERIFY(!model.setAppliedText(0, "12.345"));  // a third decimal is no GBP
        QVERIFY(!model.setAppliedText(0, "-5"));
        QCOMPARE(model.applied(0).toString(), QString("1000.10"));
        QVERIFY(model.setAppliedText(0, "")); // cleared
        QVERIFY(model.allocations().isEmpty());

        QVERIFY(model.setAppliedText(0, "700.00"));
        QCOMPARE(model.problemWith(*Money::parse(u"500.00", u"GBP")),
                 QString("GBP 700.00 is applied, but only GBP 500.00 was received."));
        QVERIFY(model.problemWith(*Money::parse(u"700.00", u"GBP")).isEmpty());
        QVERIFY(model.problemWith(Money()).startsWith("Enter the amount"));
        QVERIFY(model.problemWith(*Money::parse(u"700.00", u"EUR")).contains("in EUR"));
        QCOMPARE(model.allocations().first().toObject().value("bill_id").toString(), QString("7"));
    }

    void moneyFromWiderColumns()
    {
        // numeric(20,4) as the server may write it, rounded half away from zero.
        QCOMPARE(moneyOf(m("1234.5000")).toString(), QString("1234.50"));
        QCOMPARE(moneyOf(m("0.005")).toString(), QString("0.01"));
        QVERIFY(!moneyOf(QJsonObject{{"amount", "x"}, {"currency", "GBP"}}).isValid());
        QCOMPARE(
            withoutZeroMoney({{"debit", m("0.00")}, {"credit", m("5.00")}}, {"debit", "credit"}),
            (QJsonObject{{"credit", m("5.00")}}));
    }

    void statementFileCheckedBeforeSending()
    {
        QVERIFY(StatementImport::problemWith("").contains("empty"));
        QVERIFY(StatementImport::problemWith("date;amount;ref\n2026-01-01;1,00;x\n")
                    .contains("date,amount,reference,counterparty"));
        QVERIFY(StatementImport::problemWith("date,amount,reference,counterparty\n")
                    .contains("no lines"));
        QVERIFY(
            StatementImport::problemWith(QByteArray("PK\x03\x04\0\0", 6)).contains("not a CSV"));
        // A spreadsheet's byte-order mark, quotes and CRLF are fine.
        const QByteArray ok = "\xef\xbb\xbf\"date\",\"amount\",\"reference\",\"counterparty\"\r\n"
                              "2026-03-02,1200.00,INV-1,Initech\r\n\r\n"
                              "2026-03-05,-45.10,Fees,Bank\r\n";
        QCOMPARE(StatementImport::problemWith(ok), QString());
        QCOMPARE(StatementImport::lineCount(ok), 2);
    }

    void agingAnswerIntoTheGrid()
    {
        AgingModel aging(nullptr, AgingModel::Side::Receivables);
        aging.setAnswer(QJsonObject{
            {"currency", "functional"},
            {"clients", QJsonArray{QJsonObject{{"account_id", "5"},
                                               {"account_name", "Initech"},
                                               {"currency", "GBP"},
                                               {"current", m("100.00")},
                                               {"d1_30", m("0.00")},
                                               {"d90_plus", m("1200.50")},
                                               {"total", m("1300.50")},
                                               {"unapplied", m("40.00")}}}},
            {"totals", QJsonArray{QJsonObject{{"currency", "GBP"}, {"total", m("1300.50")}}}}});
        QCOMPARE(aging.rowCount(), 2); // the client and the totals
        QCOMPARE(aging.amountText("5", "d90_plus"), QString("GBP 1,200.50"));
        QCOMPARE(aging.amountText("5", "d1_30"), QString()); // zero: an empty cell
        QCOMPARE(aging.index(0, AgingModel::Days90PlusColumn).data().toString(),
                 QString("1,200.50"));
        QCOMPARE(aging.index(0, AgingModel::UnappliedColumn).data().toString(), QString("40.00"));
        QCOMPARE(aging.headerData(0, Qt::Horizontal).toString(),
                 QString("Client · amounts in GBP"));
        QCOMPARE(aging.index(1, AgingModel::TotalColumn).data().toString(), QString("1,300.50"));
        QVERIFY(aging.index(1, 0).data(AgingModel::TotalRowRole).toBool());
        QCOMPARE(
            aging.index(0, AgingModel::Days1To30Column).data(AgingModel::BucketRole).toString(),
            QString("d1_30"));
        QCOMPARE(aging.index(0, AgingModel::TotalColumn).data(AgingModel::BucketRole).toString(),
                 QString());
    }

    void creditSideAndEntities()
    {
        QCOMPARE(LedgerReport::negatedAmount("-12.50"), QString("12.50"));
        QCOMPARE(LedgerReport::negatedAmount("12.5"), QString("-12.5"));
        QCOMPARE(LedgerReport::negatedAmount("0.00"), QString("0.00"));
        QVERIFY(LedgerReport::creditNatured("revenue"));
        QVERIFY(!LedgerReport::creditNatured("asset"));

        const QList<LegalEntity> all{{"1", "DE", "Keel GmbH", "EUR"},
                                     {"2", "UK", "Keel Ltd", "GBP"},
                                     {"3", "US", "Keel Inc.", "USD"}};
        auto codes = [](const QList<LegalEntity> &l) {
            QStringList out;
            for (const LegalEntity &e : l)
                out << e.code;
            return out;
        };
        QCOMPARE(codes(FinanceScope::visibleEntities(all, {"UK"}, "UK")), QStringList{"UK"});
        // A grant without an entity covers all; the home entity comes first.
        QCOMPARE(codes(FinanceScope::visibleEntities(all, {"UK", ""}, "US")),
                 (QStringList{"US", "DE", "UK"}));
        QVERIFY(FinanceScope::visibleEntities(all, {"FR"}, "FR").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFinanceModels)
#include "tst_finance_models.moc"
