#pragma once

#include "paged_list_model.h"

namespace keel::closing {

// The records behind one checklist item (the unapproved time entries, the draft invoices …),
// a keyset page at a time as the view scrolls: GET …/items/{task}?limit=&after=. The owner
// shows as a name whether the server sends a name or a person.
class CloseRecordsModel : public sales::PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        LabelColumn,
        AmountColumn,
        OwnerColumn
    };

    explicit CloseRecordsModel(ApiClient *api, QObject *parent = nullptr);

    // Points the list at an item and loads its first page.
    void open(const QString &entity, const QString &period, const QString &task);
    QString task() const { return m_task; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString m_task;
};

} // namespace keel::closing
