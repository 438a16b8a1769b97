#include "close_records_model.h"

#include "close_api.h"

namespace keel::closing {

using F = sales::ListColumn::Format;

CloseRecordsModel::CloseRecordsModel(ApiClient *api, QObject *parent)
    : sales::PagedListModel(
          api, QString(),
          {{"label", QT_TRANSLATE_NOOP("keel::sales::Columns", "Record"), F::Text, {}},
           {"amount", QT_TRANSLATE_NOOP("keel::sales::Columns", "Amount"), F::Money, {}},
           {"owner", QT_TRANSLATE_NOOP("keel::sales::Columns", "Owner"), F::Text, {}}},
          parent)
{
    setPageSize(100);
}

void CloseRecordsModel::open(const QString &entity, const QString &period, const QString &task)
{
    m_task = task;
    setPath(CloseApi::itemPath(entity, period, task));
    reload();
}

QVariant CloseRecordsModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && index.column() == OwnerColumn) {
        const QJsonValue owner = rowObject(index.row()).value("owner");
        return owner.isObject() ? owner.toObject().value("name").toString() : owner.toString();
    }
    return sales::PagedListModel::data(index, role);
}

} // namespace keel::closing
