#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QUrlQuery>

#include "analytics_api.h"

namespace keel::dashboards {

// The records behind a figure or one point (GET …/metrics/{name}/records), a page at a time as
// the view scrolls: canFetchMore()/fetchMore() follow the answer's `next` cursor. Columns come
// from the answer; `total` is the server's sum over every page (it equals the point).
class MetricRecordsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Column
    {
        QString key, title, type; // type: text, date, month, hours, money, ratio, count, days, id
    };
    enum Roles
    {
        RawRole = Qt::UserRole + 1 // the JSON value as the server sent it
    };

    MetricRecordsModel(ApiClient *api, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    // Forgets the rows and loads the first page of `metric`'s records under `query` (the
    // filters and key/key2/part of the point).
    void open(const QString &metric, const QUrlQuery &query);

    QString metric() const { return m_metric; }
    QString total() const { return m_total; } // exact decimal text in currency()
    QString currency() const { return m_currency; }
    const QList<Column> &columns() const { return m_columns; }
    QJsonObject rowObject(int row) const;
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loadedOnce; }
    bool atEnd() const { return m_next.isEmpty() && m_loadedOnce; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // A record's cell as text: money as "EUR 1,234.50", dates and months localised.
    static QString formatCell(const QJsonValue &value, const QString &type);

signals:
    void pageLoaded(); // after every page, also after a failed one
    void loadFailed(const QString &message);

private:
    void request();

    AnalyticsApi m_api;
    QPointer<ApiClient> m_client;
    QString m_metric;
    QUrlQuery m_query;
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
    QString m_next;
    QString m_total;
    QString m_currency;
    QString m_lastError;
    int m_pageSize = 100;
    int m_generation = 0;
    bool m_loading = false;
    bool m_loadedOnce = false;
};

} // namespace keel::dashboards
