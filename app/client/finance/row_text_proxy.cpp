#include "row_text_proxy.h"

namespace keel::finance {

RowTextProxy::RowTextProxy(int objectRole, QObject *parent)
    : QIdentityProxyModel(parent), m_objectRole(objectRole)
{}

void RowTextProxy::setColumnText(int column, TextFn text)
{
    m_texts.insert(column, std::move(text));
}

void RowTextProxy::setHeaderText(int column, const QString &title)
{
    m_headers.insert(column, title);
    emit headerDataChanged(Qt::Horizontal, column, column);
}

QVariant RowTextProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && m_headers.contains(section))
        return m_headers.value(section);
    return QIdentityProxyModel::headerData(section, orientation, role);
}

void RowTextProxy::setRowFlag(int role, std::function<bool(const QJsonObject &)> flag)
{
    m_flags.insert(role, std::move(flag));
}

QVariant RowTextProxy::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && m_flags.contains(role))
        return m_flags.value(role)(QIdentityProxyModel::data(index, m_objectRole).toJsonObject());
    if (index.isValid() && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const auto it = m_texts.constFind(index.column());
        if (it != m_texts.cend())
            return (*it)(QIdentityProxyModel::data(index, m_objectRole).toJsonObject());
    }
    return QIdentityProxyModel::data(index, role);
}

bool RowTextProxy::canFetchMore(const QModelIndex &parent) const
{
    return m_fetch && sourceModel() && sourceModel()->canFetchMore(mapToSource(parent));
}

void RowTextProxy::fetchMore(const QModelIndex &parent)
{
    if (m_fetch && sourceModel())
        sourceModel()->fetchMore(mapToSource(parent));
}

} // namespace keel::finance
