#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace keel {
class ApiClient;
}

namespace keel::insights {

// One column of an insights list: its untranslated title (context "keel::insights::Columns")
// and whether it holds a number (right-aligned).
struct InsightsColumn
{
    const char *title;
    bool number = false;
};

// A lazy table over one insights list route. Display texts are worked out once per row when a
// page arrives, so painting never parses JSON; routes that page ({items, next}) are read a page
// at a time as the view scrolls (canFetchMore/fetchMore), so thousands of rows stay cheap.
// The answer's other members (totals, model …) of the first page are kept as `answer()`.
// A 409 (the model was never trained) is told apart from other failures: notTrained().
class InsightsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        ObjectRole = Qt::UserRole + 1, // the row's JSON object
        IdRole,                        // the row's id text
        HighlightRole                  // bool: the row needs attention (views paint it)
    };
    using PathFor = std::function<QString(const QString &after)>;
    using Texts = std::function<QStringList(const QJsonObject &row)>;
    using Flag = std::function<bool(const QJsonObject &row)>;

    InsightsTableModel(ApiClient *api, QList<InsightsColumn> columns, Texts texts, QString idKey,
                       QObject *parent = nullptr);

    // The route's path for the page after `after` (empty: the first page).
    void setPathFor(PathFor pathFor) { m_pathFor = std::move(pathFor); }
    void setHighlight(Flag highlight) { m_highlight = std::move(highlight); }
    // Follows `next` until the last page (a week's records whose total is checked against
    // the bar they explain); otherwise pages load as the view scrolls.
    void setLoadAll(bool all) { m_loadAll = all; }
    // The exact sum of a decimal member over the loaded rows ("" when a value is not decimal).
    QString total(const QString &key) const;
    bool allLoaded() const { return m_loaded && m_next.isEmpty(); }
    // Forgets the rows and loads the first page.
    void reload();
    // Takes rows from an answer already at hand (tests, a detail's own items).
    void setRows(const QJsonObject &answer);

    QJsonObject answer() const { return m_answer; }
    QJsonObject rowObject(int row) const;
    QString rowId(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loaded; }
    bool notTrained() const { return m_notTrained; }
    int lastStatus() const { return m_lastStatus; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingChanged(bool loading);
    void loaded();                           // the first page (or a later one) arrived
    void loadFailed(const QString &message); // notTrained() tells a 409 apart

private:
    struct Row
    {
        QJsonObject json;
        QString id;
        QStringList texts;
        bool highlight = false;
    };
    void fetch(const QString &after);
    void append(const QJsonObject &answer);

    QPointer<ApiClient> m_api;
    QList<InsightsColumn> m_columns;
    Texts m_texts;
    QString m_idKey;
    PathFor m_pathFor;
    Flag m_highlight;
    QList<Row> m_rows;
    QJsonObject m_answer;
    QString m_next;
    QString m_lastError;
    int m_lastStatus = 0;
    int m_generation = 0;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_notTrained = false;
    bool m_loadAll = false;
};

} // namespace keel::insights
