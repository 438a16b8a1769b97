#include "json_array_model.h"

#include "sales_format.h"

#include <QCoreApplication>

namespace keel::delivery {

JsonArrayModel::JsonArrayModel(const QList<ListColumn> &columns, const char *context,
                               QObject *parent)
    : QAbstractTableModel(parent), m_columns(columns), m_context(context)
{}

void JsonArrayModel::setItems(const QJsonArray &items)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &v : items)
        m_rows.append(v.toObject());
    endResetModel();
}

QJsonObject JsonArrayModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int JsonArrayModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (sales::idText(m_rows.at(i).value("id")) == id)
            return i;
    return -1;
}

int JsonArrayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JsonArrayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant JsonArrayModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    const ListColumn &col = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return sales::PagedListModel::formatValue(sales::valueAt(row, col.key), col.format);
    case Qt::EditRole:
        return sales::valueAt(row, col.key).toVariant();
    case Qt::TextAlignmentRole:
        return col.format == ListColumn::Format::Text || col.format == ListColumn::Format::Date
                   ? int(Qt::AlignLeft | Qt::AlignVCenter)
                   : int(Qt::AlignRight | Qt::AlignVCenter);
    case IdRole:
        return sales::idText(row.value("id"));
    case ObjectRole:
        return row;
    default:
        return {};
    }
}

QVariant JsonArrayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate(m_context, m_columns.at(section).title);
    if (role == Qt::TextAlignmentRole) {
        const auto f = m_columns.at(section).format;
        return f == ListColumn::Format::Text || f == ListColumn::Format::Date
                   ? int(Qt::AlignLeft | Qt::AlignVCenter)
                   : int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

Qt::ItemFlags JsonArrayModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < m_columns.size() &&
        m_editable.contains(m_columns.at(index.column()).key))
        f |= Qt::ItemIsEditable;
    return f;
}

bool JsonArrayModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString key = m_columns.at(index.column()).key;
    const QString text = value.toString().trimmed();
    if (text == sales::valueAt(m_rows.at(index.row()), key).toVariant().toString())
        return false;
    emit edited(index.row(), key, text);
    return true;
}

} // namespace keel::delivery
