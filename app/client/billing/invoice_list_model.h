#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QSet>

#include <optional>

namespace keel {
class ApiClient;
}

namespace keel::billing {

// The invoices of a billing run or of filters (entity, status, client, search) over GET
// /api/v1/billing/invoices, keyset paged and loaded lazily as the view scrolls: finance may
// look at tens of thousands. Display texts are worked out once per row when a page arrives, so
// painting never parses JSON. Column 0 carries a check box: ticked invoices are what bulk
// approve and issue send; each one's outcome stays in the Result column.
class InvoiceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CheckColumn,
        NumberColumn,
        ClientColumn,
        ContractColumn,
        PeriodColumn,
        DateColumn,
        StatusColumn,
        SubtotalColumn,
        TaxColumn,
        TotalColumn,
        ResultColumn,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole,
        FailedRole,      // the last bulk action failed for this row (views paint it red)
        InsightFlagsRole // QStringList: the insights' anomaly flags of a draft, in words
    };
    // One invoice's outcome of the last bulk action.
    struct Outcome
    {
        bool ok = false;
        QString message; // the problem in words when !ok
    };

    explicit InvoiceListModel(ApiClient *api, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    // Query parameters of GET /billing/invoices (legal_entity_id, status, account_id,
    // billing_run_id, kind, from, to, q); empty removes. Takes effect at reload().
    void setFilter(const QString &name, const QString &value);
    QString filter(const QString &name) const { return m_filters.value(name); }
    void clearFilters() { m_filters.clear(); }
    // Forgets rows, ticks and outcomes; loads the first page.
    void reload();

    QJsonObject invoice(int row) const;
    QString idAt(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }
    bool allLoaded() const { return m_atEnd; }
    int pagesLoaded() const { return m_pages; }
    QString lastError() const { return m_lastError; }
    // Replaces a row with a fresher copy (after an edit or an action), keeping its tick.
    void updateInvoice(const QJsonObject &invoice);
    // Fetches the given invoices again and updates their rows.
    void refreshRows(const QStringList &ids);

    // Drafts the invoice-anomaly model flagged (issue 9): their number carries a badge and the
    // flags show as its tooltip. Kept across reloads until replaced.
    void setInsightFlags(const QHash<QString, QStringList> &sentencesById);
    QStringList insightFlags(const QString &id) const { return m_insightFlags.value(id); }

    // Ticks.
    void setChecked(int row, bool checked);
    void setCheckedRows(const QList<int> &rows, bool checked);
    bool isChecked(int row) const;
    int checkedCount() const { return int(m_checked.size()); }
    QStringList checkedIds() const;
    // "EUR 12,400.00 · USD 3,100.00" for the ticked invoices.
    QString checkedTotalText() const;
    void clearChecks();

    // POST /billing/invoices/bulk {action, ids} for the ticked invoices ("approve" or
    // "issue"). Each invoice succeeds or fails on its own: bulkFinished() with the counts;
    // outcome(id) and the Result column say what happened to each; the rows that went through
    // are fetched again.
    void bulk(const QString &action);
    bool isBusy() const { return m_bulkBusy; }
    std::optional<Outcome> outcome(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingChanged(bool loading);
    void pageLoaded();
    void loadFailed(const QString &message);
    void checkedChanged();
    void bulkFinished(const QString &action, int succeeded, int failed);
    void bulkFailed(const QString &message); // the request as a whole was refused
    void rowsRefreshed();

private:
    struct Row
    {
        QJsonObject json;
        QString id;
        QString texts[ColumnCount];
    };
    static Row makeRow(const QJsonObject &invoice);
    void setLoading(bool loading);
    QString query() const;
    void emitRow(int row);
    void sendBulkChunk();
    void finishBulk(int generation);

    QPointer<ApiClient> m_api;
    QMap<QString, QString> m_filters;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfId;
    QSet<QString> m_checked;
    QHash<QString, Outcome> m_outcomes;
    QHash<QString, QStringList> m_insightFlags;
    QString m_after;
    QString m_lastError;
    bool m_atEnd = false;
    bool m_loading = false;
    bool m_bulkBusy = false;
    QString m_bulkAction;
    QStringList m_bulkQueue;
    QStringList m_bulkDone;
    int m_bulkFailedCount = 0;
    int m_pageSize = 200;
    int m_pages = 0;
    int m_generation = 0;
};

} // namespace keel::billing
