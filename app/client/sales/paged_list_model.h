#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::sales {

// A column of a server list: the JSON member it shows (dotted path) and how.
struct ListColumn
{
    enum class Format
    {
        Text,
        Money,
        Date,
        Decimal,
        Percent,
        Count
    };
    QString key;       // "account.name", "value", "expected_close"
    const char *title; // untranslated, context "keel::sales::Columns"
    Format format = Format::Text;
    QString sortKey; // the server's sort field; empty = not sortable
};

// A lazy table over a keyset-paged list endpoint ({"items":[…],"next_after":…}). Rows arrive a
// page at a time through canFetchMore()/fetchMore() as views scroll; filters and sort are the
// server's (sort=<field>&dir=asc|desc), so tens of thousands of rows stay cheap.
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole,
        RawRole
    };

    PagedListModel(ApiClient *api, const QString &path, const QList<ListColumn> &columns,
                   QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    // Query parameters sent with every page; an empty value removes the filter.
    void setFilter(const QString &name, const QString &value);
    QString filter(const QString &name) const { return m_filters.value(name); }
    void setPath(const QString &path) { m_path = path; }
    QString path() const { return m_path; }
    // Forgets the rows and loads the first page again.
    void reload();

    QJsonObject rowObject(int row) const;
    QString rowId(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loadedOnce; }
    QString lastError() const { return m_lastError; }
    QString sortField() const { return m_sort; }
    bool sortDescending() const { return m_descending; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString formatValue(const QJsonValue &value, ListColumn::Format format);

signals:
    void loadingChanged(bool loading);
    void pageLoaded(); // after every page (and after a reload that found nothing)
    void loadFailed(const QString &message);

private:
    void setLoading(bool loading);
    QString query() const;

    QPointer<ApiClient> m_api;
    QString m_path;
    QList<ListColumn> m_columns;
    QMap<QString, QString> m_filters;
    QString m_sort;
    bool m_descending = false;
    QList<QJsonObject> m_rows;
    QString m_after;
    bool m_atEnd = false;
    bool m_loading = false;
    bool m_loadedOnce = false;
    int m_pageSize = 100;
    int m_generation = 0;
    QString m_lastError;
};

} // namespace keel::sales
