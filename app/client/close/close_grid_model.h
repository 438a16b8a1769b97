#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

namespace keel {
class ApiClient;
}

namespace keel::closing {

// The cockpit's grid: one row per legal entity the caller reads, one column per month, each cell
// a period's state and how many checklist items are red, amber and green
// (GET /close/periods?from=&to=). The view paints the roles; the display text says the same in
// words so no state is told by colour alone.
class CloseGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        StatusRole = Qt::UserRole + 1, // open, soft_closed, hard_closed ("" when not listed)
        RedRole,
        AmberRole,
        GreenRole,
        // The cell's light: "red" when anything blocks, "amber" when only warnings remain,
        // "green" when everything is done, "closed" once hard-closed.
        SignalRole,
        EntityIdRole,
        PeriodRole, // "YYYY-MM"
    };

    explicit CloseGridModel(ApiClient *api, QObject *parent = nullptr);

    // Months from..to inclusive, "YYYY-MM".
    void load(const QString &from, const QString &to);
    void reload() { load(m_from, m_to); }
    QString from() const { return m_from; }
    QString to() const { return m_to; }
    bool isLoading() const { return m_loading; }

    QString entityId(int row) const;
    QString entityCode(int row) const;
    QString period(int column) const;
    int rowOfEntity(const QString &id) const;
    int columnOfPeriod(const QString &period) const;
    QJsonObject cell(int row, int column) const;
    static QString signalOf(const QJsonObject &cell);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QString m_from;
    QString m_to;
    QStringList m_periods;
    QStringList m_entityIds;
    QStringList m_entityCodes;
    QHash<QString, QJsonObject> m_cells; // "<entity>|<period>"
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::closing
