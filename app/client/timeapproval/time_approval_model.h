#pragma once

#include "decimal.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QSet>

namespace keel {
class ApiClient;
}

namespace keel::timeapproval {

// The submitted time lines a project manager may decide, over GET /api/v1/time/approvals
// (keyset paged, loaded lazily as the view scrolls: a PM may have thousands). Column 0 carries a
// check box; checked lines are what "approve" and "reject" send, all or nothing. Lines outside
// the person's assignment are highlighted with the reason in the tooltip.
class TimeApprovalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CheckColumn,
        PersonColumn,
        DateColumn,
        ProjectColumn,
        TaskColumn,
        HoursColumn,
        BillableColumn,
        NotesColumn,
        ColumnCount
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole,
        OutsideAssignmentRole // views paint these rows amber (no QtGui in keel-client)
    };

    explicit TimeApprovalModel(ApiClient *api, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    // Server-side filters; empty = all. `week` is the Monday, YYYY-MM-DD.
    void setProjectFilter(const QString &projectId);
    void setEmployeeFilter(const QString &employeeId);
    void setWeekFilter(const QString &monday);
    QString projectFilter() const { return m_filters.value("project_id"); }
    QString employeeFilter() const { return m_filters.value("employee_id"); }
    QString weekFilter() const { return m_filters.value("week"); }
    // Forgets rows and checks, loads the first page.
    void reload();

    QJsonObject line(int row) const;
    int rowOf(const QString &id) const;
    bool isLoading() const { return m_loading; }
    bool allLoaded() const { return m_atEnd; }
    QString lastError() const { return m_lastError; }

    // Checks.
    void setChecked(int row, bool checked);
    bool isChecked(int row) const;
    void setCheckedRows(const QList<int> &rows, bool checked);
    // Every line the filter matches, loading the remaining pages first (checkedChanged() when
    // done); false unchecks all.
    void checkAllMatching(bool checked = true);
    int checkedCount() const { return int(m_checked.size()); }
    QStringList checkedIds() const;
    Decimal checkedHours() const;
    // Hours of every loaded line (the filter's total once allLoaded()).
    Decimal loadedHours() const;

    // POST /api/v1/time/approvals for the checked lines: decided() or decisionFailed() (409/412
    // explained in words). Reject needs a comment; the model refuses an empty one.
    void approveChecked();
    void rejectChecked(const QString &comment);

    // Hours as people read them: always two decimals, grouped ("7.50", "1,234.00").
    static QString hoursText(const QString &decimal);
    // "Outside Anna's assignment to Data lake …", empty when inside.
    static QString outsideReason(const QJsonObject &line);
    // What to tell the PM when POST /time/approvals failed with `status`.
    static QString decisionFailureText(int status, const QString &serverText, int lines);

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
    void decided(bool approved, int lines);
    void decisionFailed(int status, const QString &message);

private:
    void setFilter(const QString &name, const QString &value);
    void setLoading(bool loading);
    void decide(const QString &decision, const QString &comment);
    void emitCheckRange(int first, int last);

    QPointer<ApiClient> m_api;
    QMap<QString, QString> m_filters;
    QList<QJsonObject> m_rows;
    QSet<QString> m_checked; // line ids
    QString m_after;
    QString m_lastError;
    bool m_atEnd = false;
    bool m_loading = false;
    bool m_checkAllPending = false;
    bool m_deciding = false;
    int m_pageSize = 200;
    int m_generation = 0;
};

} // namespace keel::timeapproval
