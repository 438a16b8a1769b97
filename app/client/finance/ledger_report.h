#pragma once

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::finance {

// One of the ledger's totals reports for an entity (GET /ledger/entities/{id}/trial-balance,
// profit-and-loss, balance-sheet): the accounts as a table and the totals beside it. Amounts
// are the server's functional-currency money; the table shows each account's balance with its
// natural sign too (credit accounts positive), the way a P&L and balance sheet are read.
class LedgerReport : public QObject
{
    Q_OBJECT
public:
    enum Kind
    {
        TrialBalance,
        ProfitAndLoss,
        BalanceSheet
    };
    Q_ENUM(Kind)

    LedgerReport(ApiClient *api, QObject *parent = nullptr);

    delivery::JsonArrayModel *accounts() const { return m_model; }
    // Balance sheet: `to` is the as-of date and `from` is not used.
    void load(Kind kind, const QString &entity, QDate from, QDate to);
    void clear();

    Kind kind() const { return m_kind; }
    bool isLoading() const { return m_loading; }
    const QJsonObject &report() const { return m_report; }
    QString lastError() const { return m_error; }
    QString ledgerAccountId(int row) const;

    // The trial balance's columns and its last row, the totals (no account behind it).
    enum Column
    {
        NumberColumn,
        NameColumn,
        TypeColumn,
        OpeningColumn,
        DebitColumn,
        CreditColumn,
        ClosingColumn,
        BalanceColumn // P&L and balance sheet: the natural-signed balance
    };
    bool isTotalRow(int row) const;

    // Opening, debit, credit and closing totals, whether they balance (the server says so), and
    // the report's figure (net income, current earnings), formatted.
    QString totalOpeningText() const;
    QString totalClosingText() const;
    QString totalDebitText() const;
    QString totalCreditText() const;
    bool balanced() const;
    QString netIncomeText() const;
    QString currentEarningsText() const;

    // "-12.50" -> "12.50", "12.5" -> "-12.5": the natural side of a credit account.
    static QString negatedAmount(const QString &amount);
    static bool creditNatured(const QString &accountType);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    delivery::JsonArrayModel *m_model;
    Kind m_kind = TrialBalance;
    QJsonObject m_report;
    QString m_error;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::finance
