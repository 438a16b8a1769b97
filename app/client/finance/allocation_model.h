#pragma once

#include "money.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace keel::finance {

// Open invoices (or bills) of one client (vendor) and how much of a receipt (payment) goes to
// each: the "Apply" column is edited by the user or filled oldest due date first. Everything is
// Money in minor units; nothing is sent until allocations() says it adds up.
class AllocationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        DateColumn,
        DueColumn,
        TotalColumn,
        BalanceColumn,
        ApplyColumn,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1
    };

    // `idKey` names the member the server wants per allocation: "invoice_id" or "bill_id".
    explicit AllocationModel(const QString &idKey, QObject *parent = nullptr);

    // The open documents as the server lists them, those of the first one's currency; the
    // applied amounts start empty.
    void setDocuments(const QJsonArray &documents);
    int documentCount() const { return int(m_rows.size()); }
    QString documentId(int row) const;
    QString documentNumber(int row) const;
    Money balance(int row) const;
    Money applied(int row) const;
    // False (and nothing changes) for another currency, a negative amount or more than the
    // balance.
    bool setApplied(int row, const Money &amount);
    bool setAppliedText(int row, const QString &amount);
    void clearApplied();
    // The currency of the documents (all the same: a receipt pays one currency).
    QString currency() const { return m_currency; }

    // Spreads `amount` over the documents, earliest due date first, each up to its balance.
    void applyOldestFirst(const Money &amount);
    Money totalApplied() const;
    Money totalBalance() const;

    // Empty when `amount` covers what is applied; otherwise what is wrong, in words.
    QString problemWith(const Money &amount) const;
    // [{<idKey>, amount: {amount, currency}}] of the non-zero rows.
    QJsonArray allocations() const;

    // A document's open balance from the list's answer: "balance", "open_amount", or total
    // minus amount_paid.
    static Money balanceOf(const QJsonObject &document);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void appliedChanged();

private:
    QString m_idKey;
    QString m_currency;
    QList<QJsonObject> m_rows;
    QList<Money> m_applied;
};

// Money from {"amount","currency"} also when the amount carries more places than the currency
// ("1234.5000" from a numeric(20,4) column): rounded to the minor unit.
Money moneyOf(const QJsonValue &value);
// The row without the money members that are zero: a debit/credit pair shows one amount, the
// other cell stays empty as on paper.
QJsonObject withoutZeroMoney(QJsonObject row, std::initializer_list<const char *> keys);

} // namespace keel::finance
