// The statements, revenue and exchange-rate models alone, on answers of the servers' contracts:
// differences exact to the cent (no floating point), amounts in the currency's places, a
// statement without comparisons, months of several obligations adding up, rates typed with a
// decimal comma, and the refused import's line and column read from either form.
#include "fx_api.h"
#include "fx_rate_import.h"
#include "revenue_months_model.h"
#include "revenue_schedule_model.h"
#include "statements_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

using namespace keel::finance;

class TestFinanceStatementsModels : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text)
    {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void differencesAreExact()
    {
        // 0.1 + 0.2 style traps: a double would say 0.30000000000000004.
        QCOMPARE(StatementsModel::difference("0.30", "0.10"), QString("0.2"));
        QCOMPARE(StatementsModel::difference("1000000000.01", "999999999.99"), QString("0.02"));
        QCOMPARE(StatementsModel::difference("-5.00", "12.35"), QString("-17.35"));
        QCOMPARE(StatementsModel::difference("x", "1"), QString());
        QCOMPARE(StatementsModel::formatAmount("1234567.5", "USD"), QString("1,234,567.50"));
        QCOMPARE(StatementsModel::formatAmount("1234567", "JPY"), QString("1,234,567"));
        QCOMPARE(StatementsModel::formatAmount("-0.005", "EUR"), QString("-0.01")); // half away
    }

    void statementWithAndWithoutComparisons()
    {
        StatementsModel m(nullptr);
        m.setStatement(json(R"({"kind":"profit_and_loss","scope":"entity","legal_entity_id":"2",
            "currency":"GBP",
            "columns":[{"key":"current","from":"2026-10-01","to":"2026-10-31"},
                       {"key":"previous_year","from":"2025-10-01","to":"2025-10-31"}],
            "sections":[{"type":"revenue","label":"Revenue","rows":[{"number":"4000",
              "name":"Turnover","type":"revenue","amounts":{"current":"1000.10",
              "previous_year":"1200.00"},"accounts":[{"legal_entity_id":"2","account_id":"17"}]}],
              "total":{"current":"1000.10","previous_year":"1200.00"}},
              {"type":"expense","label":"Expenses","rows":[],"total":{"current":"0.00",
              "previous_year":"0.00"}}],
            "net_income":{"current":"1000.10","previous_year":"1200.00"}})"));
        QVERIFY(!m.isGroup());
        QCOMPARE(m.currency(), QString("GBP"));
        QVERIFY(m.hasColumn(StatementsModel::PreviousYearColumn));
        QVERIFY(m.hasColumn(StatementsModel::PreviousYearDiffColumn));
        QVERIFY(!m.hasColumn(StatementsModel::PreviousPeriodColumn));
        const int row = m.rowOfAccount("4000");
        QCOMPARE(m.rowKind(row), StatementsModel::AccountRow);
        QCOMPARE(m.amountText(row, StatementsModel::PreviousYearDiffColumn), QString("-199.90"));
        QCOMPARE(m.amountText(row, StatementsModel::PreviousPeriodColumn), QString());
        QCOMPARE(m.accounts(row).size(), 1);
        QCOMPARE(m.accounts(row).first().accountId, QString("17"));
        QVERIFY(m.creditNatured(row));
        QCOMPARE(m.rowKind(m.rowOfLabel("Total Revenue")), StatementsModel::TotalRow);
        QCOMPARE(m.resultAmount("net_income"), QString("1000.10"));
        QCOMPARE(m.headerData(StatementsModel::CurrentColumn, Qt::Horizontal).toString(),
                 QString("Oct 2026"));
        QCOMPARE(m.columnFrom(StatementsModel::PreviousYearColumn), QDate(2025, 10, 1));
    }

    void linesNetToTheFigure()
    {
        const QList<QJsonObject> lines{
            json(R"({"functional_debit":{"amount":"0.00","currency":"USD"},
                     "functional_credit":{"amount":"12500.00","currency":"USD"}})"),
            json(R"({"functional_debit":{"amount":"100.01","currency":"USD"},
                     "functional_credit":{"amount":"0.00","currency":"USD"}})")};
        QCOMPARE(StatementsModel::netOfLines(lines, true), QString("12399.99"));
        QCOMPARE(StatementsModel::netOfLines(lines, false), QString("-12399.99"));
    }

    void monthsOfSeveralObligationsAddUp()
    {
        RevenueSchedule s(nullptr);
        s.setSchedule(json(R"({"currency":"EUR","obligations":[
            {"method":"poc_cost","percent_complete":"50.00",
             "transaction_price":{"amount":"1000.00","currency":"EUR"},
             "months":[{"period":"2026-10","kind":"actual","amount":{"amount":"100.10","currency":"EUR"}},
                       {"period":"2026-11","kind":"forecast","amount":{"amount":"50.00","currency":"EUR"}}]},
            {"method":"milestone","percent_complete":"0.00",
             "transaction_price":{"amount":"3000.00","currency":"EUR"},
             "months":[{"period":"2026-10","kind":"actual","amount":{"amount":"0.20","currency":"EUR"}}]}]})"));
        RevenueMonthsModel *m = s.months();
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(m->months().at(0).actual, QString("100.3"));
        QCOMPARE(m->months().at(1).cumulative, QString("150.3"));
        QVERIFY(m->index(1, 0).data(RevenueMonthsModel::ForecastRole).toBool());
        QCOMPARE(m->index(1, RevenueMonthsModel::ActualColumn).data().toString(), QString());
        // The contract's value is its obligations' together; percent weighted by price.
        QCOMPARE(s.figureText("transaction_price"), QString("EUR 4,000.00"));
        QCOMPARE(s.percentComplete(), QString("12.50"));
        QVERIFY(s.methodsText().contains("Percentage of completion (cost)"));
    }

    void ratesAsTypedAndShown()
    {
        QCOMPARE(FxApi::rateFromInput("1,0834"), QString("1.0834"));
        QCOMPARE(FxApi::rateFromInput(" 0.7912 "), QString("0.7912"));
        QCOMPARE(FxApi::rateFromInput("0"), QString());
        QCOMPARE(FxApi::rateFromInput("-1.2"), QString());
        QCOMPARE(FxApi::rateFromInput("1.12345678901"), QString()); // eleven places
        QCOMPARE(FxApi::rateText("1.0834000000"), QString("1.0834"));
        QCOMPARE(FxApi::rateText("1.1"), QString("1.1000"));
        QCOMPARE(FxApi::rateText("0.8589765601"), QString("0.8589765601"));
        QCOMPARE(FxApi::percentText("0.100000"), QString("10"));
    }

    void importErrorLocated()
    {
        int line = 0;
        QString column;
        FxRateImport::locate("lines/7/rate", QString(), &line, &column);
        QCOMPARE(line, 7);
        QCOMPARE(column, QString("rate"));
        line = 0;
        column.clear();
        FxRateImport::locate(QString(), "line 12, column date: not a date", &line, &column);
        QCOMPARE(line, 12);
        QCOMPARE(column, QString("date"));
        line = 0;
        column.clear();
        FxRateImport::locate("lines/3", QString(), &line, &column);
        QCOMPARE(line, 3);
        QVERIFY(column.isEmpty());
    }
};

QTEST_MAIN(TestFinanceStatementsModels)
#include "tst_finance_statements_models.moc"
