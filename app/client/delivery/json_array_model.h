#pragma once

#include "paged_list_model.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace keel::delivery {

using sales::ListColumn;

// A small table over a JSON array that one answer brings whole (a project's milestones,
// tasks, change requests; a request's candidates). Columns as in the sales lists; a column
// whose title context is `context` is translated there.
class JsonArrayModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole
    };

    JsonArrayModel(const QList<ListColumn> &columns, const char *context,
                   QObject *parent = nullptr);

    void setItems(const QJsonArray &items);
    const QList<QJsonObject> &items() const { return m_rows; }
    QJsonObject rowObject(int row) const;
    int rowOf(const QString &id) const;
    // Columns whose key is in here are editable (text, sent back by the owner).
    void setEditableKeys(const QStringList &keys) { m_editable = keys; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // An editable cell was changed by the user: the owner saves it to the server.
    void edited(int row, const QString &key, const QString &value);

private:
    QList<ListColumn> m_columns;
    const char *m_context;
    QList<QJsonObject> m_rows;
    QStringList m_editable;
};

} // namespace keel::delivery
