#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::closing {

// One entity's period: its state and the checklist in the server's order, each item with its
// light (red / amber / green, or signed off), the count and amount behind it, who is
// responsible, who signed it off and its last run (GET /close/entities/{id}/periods/{YYYY-MM}).
class CloseChecklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ItemColumn,
        StateColumn,
        CountColumn,
        AmountColumn,
        ResponsibleColumn,
        SignedOffColumn,
        RunColumn,
        ColumnCount
    };
    enum Roles
    {
        TaskRole = Qt::UserRole + 1,
        StateRole, // red, amber, green
        SignedOffRole,
        KindRole,   // check, run
        ObjectRole, // the item as the server sent it
    };

    explicit CloseChecklistModel(ApiClient *api, QObject *parent = nullptr);

    void load(const QString &entity, const QString &period);
    void reload() { load(m_entity, m_period); }
    void clear();
    QString entityId() const { return m_entity; }
    QString period() const { return m_period; }
    bool hasLoaded() const { return m_loaded; }

    QString status() const { return m_head.value("status").toString(); }
    // Only when the server says so: a period with no previous one is not held up.
    bool previousOpen() const { return m_head.value("previous_closed") == QJsonValue(false); }
    int version() const { return m_head.value("version").toInt(); }

    QJsonObject item(int row) const { return m_items.value(row); }
    QString task(int row) const;
    int rowOfTask(const QString &task) const;
    // Items with that light as the server counts them (a signed-off amber stays amber).
    int count(const QString &state) const;
    int signedOffCount() const;
    // The red items as the checklist names them ("Unapproved time (12)").
    QStringList redItems() const;
    static bool isSignedOff(const QJsonObject &item);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QString displayText(const QJsonObject &item, int column) const;

    QPointer<ApiClient> m_api;
    QString m_entity;
    QString m_period;
    QJsonObject m_head;
    QList<QJsonObject> m_items;
    bool m_loaded = false;
    int m_generation = 0;
};

} // namespace keel::closing
