#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::finance {

// The aging grid: one row per client (receivables) or vendor (payables) with what is open by
// days past due at a date — current, 1–30, 31–60, 61–90, 90+ — and the total, plus a totals row
// at the bottom. One answer brings every party (the server keeps that under 200 ms); a cell
// names its bucket so the view can drill into the documents behind it.
class AgingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PartyColumn,
        CurrentColumn,
        Days1To30Column,
        Days31To60Column,
        Days61To90Column,
        Days90PlusColumn,
        TotalColumn,
        UnappliedColumn, // receivables: cash received, not yet applied to an invoice
        ColumnCount
    };
    enum Roles
    {
        PartyIdRole = Qt::UserRole + 1,
        BucketRole,   // "current", "d1_30" … ; "" for the total column
        TotalRowRole, // true on the totals row (views make it bold)
        AmountRole    // the cell's amount text, "" when nothing is open
    };
    enum class Side
    {
        Receivables,
        Payables
    };

    AgingModel(ApiClient *api, Side side, QObject *parent = nullptr);

    void load(const QString &entity, QDate asOf);
    QString entity() const { return m_entity; }
    QDate asOf() const { return m_asOf; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

    int partyCount() const { return int(m_rows.size()); }
    QString partyId(int row) const;
    QString partyName(int row) const;
    int rowOfParty(const QString &id) const;
    // The amount of a bucket ("current", "d1_30" …, "total") for a party, or of the totals.
    QString amountText(const QString &partyId, const QString &bucket) const;
    QString totalText(const QString &bucket) const;
    QString currency() const { return m_currency; }

    static QString bucketOfColumn(int column);
    static QString bucketTitle(const QString &bucket);
    // Reads one answer (exposed for tests): rows and totals.
    void setAnswer(const QJsonObject &answer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QJsonValue cell(const QJsonObject &row, const QString &bucket) const;
    QString cellText(const QJsonObject &row, const QString &bucket) const;

    QPointer<ApiClient> m_api;
    Side m_side;
    QString m_entity;
    QDate m_asOf;
    QList<QJsonObject> m_rows;
    QJsonObject m_totals;
    QString m_currency;
    QString m_error;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::finance
