#include "paged_list_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "keyset_query.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>
#include <QUrl>

namespace keel::sales {

PagedListModel::PagedListModel(ApiClient *api, const QString &path,
                               const QList<ListColumn> &columns, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_path(path), m_columns(columns)
{}

void PagedListModel::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
}

void PagedListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_after.clear();
    m_atEnd = false;
    m_loadedOnce = false;
    ++m_generation; // answers to earlier requests are dropped
    m_loading = false;
    endResetModel();
    fetchMore({});
}

QJsonObject PagedListModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

QString PagedListModel::rowId(int row) const
{
    return idText(rowObject(row).value("id"));
}

int PagedListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (idText(m_rows.at(i).value("id")) == id)
            return i;
    return -1;
}

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PagedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString PagedListModel::formatValue(const QJsonValue &v, ListColumn::Format format)
{
    switch (format) {
    case ListColumn::Format::Money:
        return formatMoneyJson(v);
    case ListColumn::Format::Date:
        return formatDateText(v.toString());
    case ListColumn::Format::Decimal:
        return v.isString() ? formatDecimalText(v.toString()) : v.toVariant().toString();
    case ListColumn::Format::Percent: {
        const QString s =
            v.isString() ? formatDecimalText(v.toString(), 1) : v.toVariant().toString();
        return s.isEmpty() ? s : s + QStringLiteral(" %");
    }
    case ListColumn::Format::Count:
        return v.toVariant().toString();
    case ListColumn::Format::Text:
        break;
    }
    if (v.isObject()) { // a reference: {"id","name"} or {"id","display_name"}
        const QJsonObject o = v.toObject();
        for (const char *k : {"name", "display_name", "title", "code"})
            if (o.contains(k))
                return o.value(k).toString();
    }
    return v.toVariant().toString();
}

QVariant PagedListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    const ListColumn &col = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return formatValue(valueAt(row, col.key), col.format);
    case Qt::TextAlignmentRole:
        if (col.format == ListColumn::Format::Money || col.format == ListColumn::Format::Decimal ||
            col.format == ListColumn::Format::Percent || col.format == ListColumn::Format::Count)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return idText(row.value("id"));
    case ObjectRole:
        return row;
    case RawRole:
        return valueAt(row, col.key).toVariant();
    default:
        return {};
    }
}

QVariant PagedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate("keel::sales::Columns", m_columns.at(section).title);
    if (role == Qt::TextAlignmentRole) {
        const auto f = m_columns.at(section).format;
        return f == ListColumn::Format::Text || f == ListColumn::Format::Date
                   ? int(Qt::AlignLeft | Qt::AlignVCenter)
                   : int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_api;
}

QString PagedListModel::query() const
{
    QList<std::pair<QString, QString>> sort;
    if (!m_sort.isEmpty())
        sort = {
            {QStringLiteral("sort"), m_sort},
            {QStringLiteral("dir"), m_descending ? QStringLiteral("desc") : QStringLiteral("asc")}};
    return keysetQuery(m_pageSize, m_after, sort, m_filters);
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_loading || !m_api)
        return;
    setLoading(true);
    const int generation = m_generation;
    const QString sep = m_path.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
    ApiReply *reply = m_api->get(m_path + sep + query());
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return; // reloaded meanwhile
        setLoading(false);
        m_loadedOnce = true;
        if (!reply->ok()) {
            m_atEnd = true; // do not hammer a failing server from a scrolling view
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            emit pageLoaded();
            return;
        }
        m_lastError.clear();
        const QJsonObject page = reply->object();
        const QJsonArray items = page.value("items").toArray();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_rows.append(v.toObject());
            endInsertRows();
        }
        const QJsonValue next = page.value("next_after");
        m_after = next.isString()
                      ? next.toString()
                      : (next.isDouble() ? QString::number(next.toInteger()) : QString());
        m_atEnd = m_after.isEmpty() || items.isEmpty();
        emit pageLoaded();
    });
}

void PagedListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size() || m_columns.at(column).sortKey.isEmpty())
        return;
    const QString key = m_columns.at(column).sortKey;
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_sort && descending == m_descending && m_loadedOnce)
        return;
    m_sort = key;
    m_descending = descending;
    reload();
}

void PagedListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace keel::sales
