#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace keel::resourcing {

// Capacity against demand from GET /api/v1/resourcing/capacity: one row per group (role, skill,
// practice or country) and a total row, one column per ISO week. A cell shows the gap (available
// hours less hard and probability-weighted soft demand); its tooltip has all four figures, and
// ShortRole says when demand exceeds what is available (the view colours it).
class CapacityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        AvailableRole = Qt::UserRole + 1, // decimal text
        HardRole,
        SoftRole,
        GapRole,
        ShortRole // bool: the gap is negative
    };

    explicit CapacityModel(QObject *parent = nullptr);

    void setFromJson(const QJsonObject &answer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        QString available, hard, soft, gap;
    };
    QList<QDate> m_weeks;
    QStringList m_groups;
    QList<QList<Cell>> m_cells;
};

} // namespace keel::resourcing
