#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::billing {

// Billing exceptions of an entity (GET /api/v1/billing/exceptions): hours and amounts a run
// could not bill, a not-to-exceed cap reached or no rate found. Finance writes them off (the
// hours stay claimed, never billed) or releases them (the next run bills them; refused while
// the cap is still reached).
class BillingExceptionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        KindColumn,
        ContractColumn,
        DetailColumn,
        HoursColumn,
        AmountColumn,
        StatusColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole
    };

    explicit BillingExceptionsModel(ApiClient *api, QObject *parent = nullptr);

    void setLegalEntity(const QString &id) { m_entity = id; }
    // "open" (default), "written_off", "released" or empty for all.
    void setStatus(const QString &status) { m_status = status; }
    void reload();

    QJsonObject exception(int row) const;
    QString idAt(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_lastError; }

    // POST …/write-off or …/release with the note (required): resolved() or actionFailed().
    void writeOff(const QString &id, const QString &note);
    void release(const QString &id, const QString &note);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void resolved(const QString &id, const QString &message);
    void actionFailed(const QString &message);

private:
    void resolve(const QString &id, const QString &action, const QString &note,
                 const QString &doneMessage);

    QPointer<ApiClient> m_api;
    QString m_entity;
    QString m_status = QStringLiteral("open");
    QList<QJsonObject> m_rows;
    QString m_lastError;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::billing
