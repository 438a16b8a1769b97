#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::timeapproval {

// Weeks people have not submitted, or submitted short, over GET /api/v1/time/missing: person,
// week, expected hours, entered hours, submitted. For PMs and finance (time.oversee), with the
// text of a reminder list to paste into a mail or chat.
class MissingTimeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PersonColumn,
        WeekColumn,
        ExpectedColumn,
        EnteredColumn,
        SubmittedColumn,
        ColumnCount
    };
    enum Roles
    {
        NothingEnteredRole = Qt::UserRole + 1 // not one hour in the week: shown in red
    };

    explicit MissingTimeModel(ApiClient *api, QObject *parent = nullptr);

    // The period (whole weeks are reported); an empty project = every project in scope.
    void setPeriod(QDate from, QDate to);
    void setProjectFilter(const QString &projectId) { m_projectId = projectId; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    void reload();

    QJsonObject week(int row) const;
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_lastError; }
    // One line per person: "Anna Meier: week of 16 Nov 2026 (12 of 40 h entered, not
    // submitted); …". Empty when nobody is missing.
    QString reminderText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    void fetch(const QString &after, int generation);
    QString weekText(const QJsonObject &w) const;

    QPointer<ApiClient> m_api;
    QDate m_from;
    QDate m_to;
    QString m_projectId;
    QList<QJsonObject> m_rows;
    QString m_lastError;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::timeapproval
