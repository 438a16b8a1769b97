#pragma once

#include "quote_calculator.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace keel::sales {

// The editable lines of a quote (role × hours × rate, and fixed-price items) with totals that
// follow every edit: setData() recalculates through calculateQuote() and emits
// totalsChanged(), so an editor that commits while the user types shows the new total,
// margin and margin % at once. Cells hold the text as typed; a cell that does not parse is
// marked (ErrorRole, red) and the totals say which line to check.
class QuoteLinesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        KindColumn,
        ItemColumn,
        HoursColumn,
        RateColumn,
        CostColumn,
        AmountColumn,
        ColumnCount
    };
    enum Roles
    {
        ErrorRole = Qt::UserRole + 1
    };

    explicit QuoteLinesModel(QObject *parent = nullptr);

    void setCurrency(const Currency &currency);
    Currency currency() const { return m_currency; }
    // "12.5" = 12.5 % (as typed; empty = 0).
    void setDiscountText(const QString &text);
    QString discountText() const { return m_discount; }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    int addRoleLine(const QString &role, const QString &hours, const QString &rate,
                    const QString &costRate = QString());
    int addFixedLine(const QString &description, const QString &price,
                     const QString &cost = QString());
    void removeLine(int row);
    void clear();

    // The quote's totals for what is typed now; totals().ok is false while something does not
    // parse (see inputError()).
    const QuoteTotals &totals() const { return m_totals; }
    QString inputError() const { return m_inputError; }
    bool isValid() const { return m_inputError.isEmpty() && m_totals.ok; }

    // From/to the server's quote JSON ("lines": [{kind, job_role, hours, rate, cost_rate} |
    // {kind, description, price, cost}], "discount_pct", "currency"). Role lines are sent
    // without their cost rate (the server uses the role's standard cost).
    void loadJson(const QJsonObject &quote);
    QJsonArray linesJson() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void totalsChanged();

private:
    struct Row
    {
        QuoteLine::Kind kind = QuoteLine::Kind::Role;
        QString item; // role code or description
        QString hours;
        QString rate; // rate (role) or price (fixed)
        QString cost; // cost rate (role) or cost (fixed)
    };
    QString cellError(const Row &row, int column) const;
    void recalculate();

    QList<Row> m_rows;
    Currency m_currency;
    QString m_discount;
    bool m_readOnly = false;
    QuoteTotals m_totals;
    QString m_inputError;
};

} // namespace keel::sales
