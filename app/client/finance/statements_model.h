#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace keel {
class ApiClient;
}

namespace keel::finance {

// A profit and loss or balance sheet of one entity or of the group (GET /close/statements,
// server/close/README.md "Statements") read as a table: section headings, the accounts, each
// section's total, the result (net income; total assets, total liabilities and equity), and for
// the group the eliminations. Columns: the current period, then the previous period and the
// previous year each with its difference to the current one, computed exactly (Decimal).
// Amounts show grouped with the statement's currency named once, above the table.
class StatementsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Kind
    {
        ProfitAndLoss,
        BalanceSheet
    };
    Q_ENUM(Kind)
    enum Column
    {
        NumberColumn,
        NameColumn,
        CurrentColumn,
        PreviousPeriodColumn,
        PreviousPeriodDiffColumn,
        PreviousYearColumn,
        PreviousYearDiffColumn,
        ColumnCount
    };
    enum RowKind
    {
        SectionRow,     // a heading: "Revenue"
        AccountRow,     // an account (group: the entities' accounts of that number)
        TotalRow,       // a section's total
        ResultRow,      // net income, total assets, total liabilities and equity
        EliminationRow, // group: an intercompany account brought to zero
        SpacerRow
    };
    enum Roles
    {
        RowKindRole = Qt::UserRole + 1,
        AmountRole // the plain decimal text of an amount cell
    };

    struct AccountRef
    {
        QString legalEntityId;
        QString accountId;
    };

    explicit StatementsModel(ApiClient *api, QObject *parent = nullptr);

    // `entity` empty or "group" for the consolidated statement. Balance sheet: `to` is the
    // as-of date. Comparisons are asked for when `compare` is true.
    void load(Kind kind, const QString &entity, QDate from, QDate to, bool compare);
    static QString path(Kind kind, const QString &entity, QDate from, QDate to, bool compare);
    // Reads a server answer (the tests feed examples of the contract too).
    void setStatement(const QJsonObject &statement);
    void clear();

    const QJsonObject &statement() const { return m_statement; }
    Kind kind() const { return m_kind; }
    bool isGroup() const;
    QString currency() const;
    bool hasColumn(int column) const;
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

    RowKind rowKind(int row) const;
    QList<AccountRef> accounts(int row) const;
    // Revenue, liabilities and equity read credit positive, as the statement shows them.
    bool creditNatured(int row) const;
    QString amountText(int row, int column) const; // as displayed
    QString amount(int row, int column) const;     // plain decimal, "" when none
    int rowOfAccount(const QString &number) const;
    int rowOfLabel(const QString &label) const;
    // The period a column covers (balance sheet: `from` invalid, `to` the as-of date).
    QDate columnFrom(int column) const;
    QDate columnTo(int column) const;
    bool balanced() const;
    // A statement total ("net_income", "total_assets", "total_liabilities_equity") of the
    // current period, plain decimal.
    QString resultAmount(const QString &key) const;

    // "a − b" exactly; "" when either is not a decimal.
    static QString difference(const QString &a, const QString &b);
    // Debits less credits of journal lines (functional_debit, functional_credit money), with
    // the sign flipped for a credit-natured row: what the lines add up to on the statement.
    static QString netOfLines(const QList<QJsonObject> &lines, bool creditNatured);
    // A plain decimal grouped for the locale with the currency's places ("1234.5" -> "1,234.50").
    static QString formatAmount(const QString &amount, const QString &currency);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    struct Row
    {
        RowKind kind = AccountRow;
        QString number;
        QString name;
        QJsonObject amounts; // key -> decimal text
        QList<AccountRef> accounts;
        QString type; // the account type: revenue, expense, asset, liability, equity
    };
    static QString keyOf(int column);
    QString headerText(int column) const;

    QPointer<ApiClient> m_api;
    Kind m_kind = ProfitAndLoss;
    QJsonObject m_statement;
    QList<Row> m_rows;
    QStringList m_keys; // the columns the answer has
    QString m_error;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::finance
