#include "expense_list_model.h"

#include "expense_book.h"
#include "sales_format.h"

#include <QJsonArray>

namespace keel::expenses {

using sales::idText;

ExpenseListModel::ExpenseListModel(ExpenseBook *book, QObject *parent)
    : QAbstractTableModel(parent), m_book(book)
{
    connect(book, &ExpenseBook::expensesChanged, this, [this] {
        beginResetModel();
        // Ticks survive a reload only on expenses that are still drafts.
        QSet<QString> keep;
        for (const QJsonObject &e : m_book->expenses())
            if (isDraft(e) && m_checked.contains(idText(e.value("id"))))
                keep.insert(idText(e.value("id")));
        m_checked = keep;
        endResetModel();
        emit checkedChanged();
    });
}

// Drafts, and rejected expenses (they keep their old report_id) that may go into a new report.
bool ExpenseListModel::isDraft(const QJsonObject &e)
{
    const QString s = e.value("status").toString();
    return s == QLatin1String("draft") || s == QLatin1String("rejected");
}

QString ExpenseListModel::statusText(const QJsonObject &e)
{
    const QString s = e.value("status").toString();
    QString text;
    if (s == QLatin1String("draft"))
        text = tr("Draft");
    else if (s == QLatin1String("submitted"))
        text = tr("Submitted");
    else if (s == QLatin1String("approved"))
        text = tr("Approved");
    else if (s == QLatin1String("rejected"))
        text = tr("Rejected");
    else if (s == QLatin1String("invoiced"))
        text = tr("Invoiced");
    else
        text = s;
    if (!e.value("sync_message").toString().isEmpty())
        text += tr(" · sync problem");
    else if (e.value("sync_pending").toBool())
        text += tr(" · waiting to sync");
    return text;
}

QString ExpenseListModel::idAt(int row) const
{
    return m_book && row >= 0 && row < m_book->expenses().size()
               ? idText(m_book->expenses().at(row).value("id"))
               : QString();
}

int ExpenseListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (idAt(i) == id)
            return i;
    return -1;
}

QStringList ExpenseListModel::checkedIds() const
{
    QStringList ids;
    for (int i = 0; i < rowCount(); ++i)
        if (m_checked.contains(idAt(i)))
            ids.append(idAt(i));
    return ids;
}

void ExpenseListModel::setChecked(const QString &id, bool checked)
{
    const int row = rowOf(id);
    if (row < 0 || checked == m_checked.contains(id))
        return;
    if (checked && !isDraft(m_book->expenses().at(row)))
        return;
    if (checked)
        m_checked.insert(id);
    else
        m_checked.remove(id);
    emit dataChanged(index(row, 0), index(row, 0), {Qt::CheckStateRole});
    emit checkedChanged();
}

int ExpenseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_book ? 0 : int(m_book->expenses().size());
}

int ExpenseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpenseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QJsonObject &e = m_book->expenses().at(index.row());
    const QString breach = e.value("policy_breach").toString();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return sales::formatDateText(e.value("expense_date").toString());
        case CategoryColumn:
            return e.value("category_name").toString();
        case DescriptionColumn:
            return e.value("description").toString();
        case AmountColumn:
            return sales::formatMoneyJson(e.value("amount"));
        case StatusColumn:
            return (breach.isEmpty() ? QString() : QStringLiteral("⚠ ")) + statusText(e);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == CheckColumn && isDraft(e))
            return m_checked.contains(idText(e.value("id"))) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        QStringList tips;
        if (!breach.isEmpty())
            tips.append(tr("Policy: %1").arg(breach));
        if (!e.value("rejection_reason").toString().isEmpty())
            tips.append(tr("Rejected: %1").arg(e.value("rejection_reason").toString()));
        if (!e.value("sync_message").toString().isEmpty())
            tips.append(e.value("sync_message").toString());
        const QJsonArray receipts = e.value("receipts").toArray();
        if (!receipts.isEmpty())
            tips.append(
                tr("Receipt: %1").arg(receipts.last().toObject().value("file_name").toString()));
        else
            tips.append(tr("No receipt"));
        return tips.isEmpty() ? QVariant() : tips.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        return index.column() == AmountColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                              : int(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return idText(e.value("id"));
    case ObjectRole:
        return e;
    case BreachRole:
        return !breach.isEmpty();
    default:
        return {};
    }
}

bool ExpenseListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != CheckColumn || role != Qt::CheckStateRole)
        return false;
    setChecked(idAt(index.row()), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags ExpenseListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CheckColumn &&
        isDraft(m_book->expenses().at(index.row())))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ExpenseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == AmountColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                       : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case CategoryColumn:
        return tr("Category");
    case DescriptionColumn:
        return tr("Description");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    default:
        return QString();
    }
}

} // namespace keel::expenses
