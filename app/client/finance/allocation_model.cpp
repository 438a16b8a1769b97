#include "allocation_model.h"

#include "decimal.h"
#include "sales_format.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace keel::finance {

Money moneyOf(const QJsonValue &value)
{
    const Money exact = sales::moneyFromJsonValue(value);
    if (exact.isValid())
        return exact;
    const QJsonObject o = value.toObject();
    const auto currency = Currency::fromCode(o.value("currency").toString());
    const auto d = Decimal::parse(o.value("amount").toString());
    if (!currency || !d)
        return {};
    const auto m = Money::fromDecimal(*d, *currency);
    return m ? *m : Money();
}

QJsonObject withoutZeroMoney(QJsonObject row, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const Money m = moneyOf(row.value(k));
        if (m.isValid() && m.isZero())
            row.remove(QLatin1String(k));
    }
    return row;
}

AllocationModel::AllocationModel(const QString &idKey, QObject *parent)
    : QAbstractTableModel(parent), m_idKey(idKey)
{}

Money AllocationModel::balanceOf(const QJsonObject &d)
{
    for (const char *k : {"balance", "open_amount", "outstanding"})
        if (d.value(k).isObject())
            return moneyOf(d.value(k));
    const Money total = moneyOf(d.value("total"));
    const Money paid = moneyOf(d.value("amount_paid"));
    if (total.isValid() && paid.isValid())
        if (const auto open = total.subtract(paid))
            return *open;
    return total;
}

void AllocationModel::setDocuments(const QJsonArray &documents)
{
    beginResetModel();
    m_rows.clear();
    m_applied.clear();
    m_currency.clear();
    for (const QJsonValue &v : documents) {
        const QJsonObject d = v.toObject();
        const Money b = balanceOf(d);
        if (!b.isValid() || b.minorUnits() <= 0)
            continue; // nothing left to pay on it
        if (m_currency.isEmpty())
            m_currency = b.currency().code();
        // A payment settles documents of its own currency: a client billed in two currencies
        // pays each with its own money.
        if (b.currency().code() != m_currency)
            continue;
        m_rows.append(d);
        m_applied.append(Money::zero(b.currency()));
    }
    // Oldest due first, as a person pays them.
    std::vector<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_rows.at(a).value("due_date").toString() <
               m_rows.at(b).value("due_date").toString();
    });
    QList<QJsonObject> sorted;
    for (const int i : order)
        sorted.append(m_rows.at(i));
    m_rows = sorted;
    endResetModel();
    emit appliedChanged();
}

QString AllocationModel::documentId(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QJsonObject &d = m_rows.at(row);
    return sales::idText(d.contains(m_idKey) ? d.value(m_idKey) : d.value("id"));
}

QString AllocationModel::documentNumber(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QJsonObject &d = m_rows.at(row);
    return d.value(d.contains("number") ? "number" : "vendor_ref").toString();
}

Money AllocationModel::balance(int row) const
{
    return row < 0 || row >= m_rows.size() ? Money() : balanceOf(m_rows.at(row));
}

Money AllocationModel::applied(int row) const
{
    return row < 0 || row >= m_applied.size() ? Money() : m_applied.at(row);
}

bool AllocationModel::setApplied(int row, const Money &amount)
{
    if (row < 0 || row >= m_rows.size() || !amount.isValid() || amount.minorUnits() < 0)
        return false;
    const Money open = balance(row);
    if (amount.currency() != open.currency() || amount.minorUnits() > open.minorUnits())
        return false;
    m_applied[row] = amount;
    emit dataChanged(index(row, ApplyColumn), index(row, ApplyColumn));
    emit appliedChanged();
    return true;
}

bool AllocationModel::setAppliedText(int row, const QString &text)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    // People type the locale's separators: "1.234,50" in German, "1,234.50" in English.
    const QLocale locale;
    QString plain = text.trimmed();
    plain.remove(locale.groupSeparator());
    plain.replace(locale.decimalPoint(), QStringLiteral("."));
    if (plain.isEmpty())
        plain = QStringLiteral("0");
    const auto m = Money::parse(plain, balance(row).currency());
    return m && setApplied(row, *m);
}

void AllocationModel::clearApplied()
{
    for (int i = 0; i < m_applied.size(); ++i)
        m_applied[i] = Money::zero(m_applied.at(i).currency());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ApplyColumn), index(int(m_rows.size()) - 1, ApplyColumn));
    emit appliedChanged();
}

void AllocationModel::applyOldestFirst(const Money &amount)
{
    qint64 left = amount.isValid() && amount.currency().code() == m_currency
                      ? std::max<qint64>(0, amount.minorUnits())
                      : 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Money open = balance(i);
        const qint64 take = std::min(left, open.minorUnits());
        m_applied[i] = *Money::fromMinor(take, open.currency());
        left -= take;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ApplyColumn), index(int(m_rows.size()) - 1, ApplyColumn));
    emit appliedChanged();
}

Money AllocationModel::totalApplied() const
{
    const auto c = Currency::fromCode(m_currency);
    if (!c)
        return {};
    const auto sum = Money::sum(m_applied, *c);
    return sum ? *sum : Money();
}

Money AllocationModel::totalBalance() const
{
    const auto c = Currency::fromCode(m_currency);
    if (!c)
        return {};
    QList<Money> all;
    for (int i = 0; i < m_rows.size(); ++i)
        all.append(balance(i));
    const auto sum = Money::sum(all, *c);
    return sum ? *sum : Money();
}

QString AllocationModel::problemWith(const Money &amount) const
{
    if (!amount.isValid() || amount.minorUnits() <= 0)
        return tr("Enter the amount received.");
    const Money applied = totalApplied();
    if (!applied.isValid() || applied.isZero())
        return {};
    if (amount.currency() != applied.currency())
        return tr("The amount is in %1, the open documents are in %2: a payment settles "
                  "documents of its own currency.")
            .arg(amount.currency().code(), applied.currency().code());
    if (applied.minorUnits() > amount.minorUnits())
        return tr("%1 is applied, but only %2 was received.")
            .arg(sales::formatMoney(applied), sales::formatMoney(amount));
    return {};
}

QJsonArray AllocationModel::allocations() const
{
    QJsonArray out;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_applied.at(i).minorUnits() > 0)
            out.append(QJsonObject{
                {m_idKey, documentId(i)},
                {"amount", QJsonObject{{"amount", m_applied.at(i).toString()},
                                       {"currency", m_applied.at(i).currency().code()}}}});
    return out;
}

int AllocationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllocationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllocationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &d = m_rows.at(index.row());
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return c >= TotalColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == IdRole)
        return documentId(index.row());
    if (role == Qt::EditRole && c == ApplyColumn)
        return m_applied.at(index.row()).isZero()
                   ? QString()
                   : sales::groupDigits(m_applied.at(index.row()).toString());
    if (role != Qt::DisplayRole)
        return {};
    switch (c) {
    case NumberColumn:
        return documentNumber(index.row());
    case DateColumn:
        return sales::formatDateText(
            d.value(d.contains("invoice_date") ? "invoice_date" : "bill_date").toString());
    case DueColumn:
        return sales::formatDateText(d.value("due_date").toString());
    case TotalColumn:
        return sales::formatMoney(moneyOf(d.value("total")));
    case BalanceColumn:
        return sales::formatMoney(balance(index.row()));
    case ApplyColumn:
        return m_applied.at(index.row()).isZero() ? QString()
                                                  : sales::formatMoney(m_applied.at(index.row()));
    default:
        return {};
    }
}

bool AllocationModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != ApplyColumn)
        return false;
    return setAppliedText(index.row(), value.toString());
}

Qt::ItemFlags AllocationModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == ApplyColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant AllocationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= TotalColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                      : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case DateColumn:
        return tr("Date");
    case DueColumn:
        return tr("Due");
    case TotalColumn:
        return tr("Total");
    case BalanceColumn:
        return tr("Open");
    case ApplyColumn:
        return tr("Apply");
    default:
        return {};
    }
}

} // namespace keel::finance
