#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QString>
#include <QVector>

namespace keel {
class ApiClient;
}

namespace keel::resourcing {

// One person × one ISO week of the resource planner. Hours are kept in hundredths of an hour
// (exact, from the server's decimal strings); the percentages are whole numbers for painting.
struct PlannerCell
{
    enum Flag : quint8
    {
        Holiday = 0x01,     // a public holiday falls in the week
        Leave = 0x02,       // the person is on leave in the week
        Unavailable = 0x04, // no capacity at all in the week (fully on holiday/leave)
        OverAllocated = 0x08,
        Absent = 0x10 // part of the week away, holiday or leave (the server does not say which)
    };
    qint32 capacity = 0;   // available hours × 100 (after holidays and leave)
    qint32 hard = 0;       // hard-booked hours × 100
    qint32 soft = 0;       // soft-booked (pipeline) hours × 100
    qint32 absence = 0;    // holiday + leave hours × 100
    qint16 allocation = 0; // (hard + soft) / capacity in %, as the server says
    qint16 hardPercent = 0;
    quint8 flags = 0;

    bool has(Flag f) const { return flags & f; }
};

struct PlannerPerson
{
    QString id;
    QString name;
    QString role;
    QString practice;
    QString country;
    QString grade;
    qint32 weeklyCapacity = 0; // contractual hours × 100
};

// The people × weeks grid of the resource planner, from one GET /api/v1/resourcing/planner
// answer. Rows are people, columns ISO weeks. The delegate reads cells through cell() (no
// QVariant on the paint path).
class PlannerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles
    {
        AllocationRole = Qt::UserRole + 1, // int %
        HardPercentRole,                   // int %
        SoftHoursRole,                     // QString hours
        FlagsRole,                         // int PlannerCell::Flag bits
        PersonIdRole,                      // QString
        WeekStartRole                      // QDate (Monday)
    };

    explicit PlannerModel(QObject *parent = nullptr);

    void setApi(ApiClient *api);
    // Filters sent with every load: practice, skill, country, role. Empty removes one.
    void setFilter(const QString &name, const QString &value);
    QString filter(const QString &name) const { return m_filters.value(name); }
    void setRange(const QDate &from, int weeks);
    QDate from() const { return m_from; }
    int weeks() const { return m_weekStarts.isEmpty() ? m_weekCount : int(m_weekStarts.size()); }
    void reload();
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_lastError; }
    QString requestPath() const;

    // Replaces the whole grid from a planner answer (also used by tests and the benchmark).
    void setFromJson(const QJsonObject &planner);

    int personCount() const { return int(m_people.size()); }
    const PlannerPerson &person(int row) const { return m_people.at(row); }
    const PlannerCell &cell(int row, int column) const
    {
        return m_cells.at(qsizetype(row) * m_columns + column);
    }
    QDate weekStart(int column) const { return m_weekStarts.value(column); }
    QString weekLabel(int column) const; // "W48"

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "12.5" -> 1250; invalid text -> 0.
    static qint32 centiHours(const QJsonValue &value);
    static QString hoursText(qint32 centi);

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QMap<QString, QString> m_filters;
    QDate m_from;
    int m_weekCount = 26;
    int m_limit = 1000;
    QList<QDate> m_weekStarts;
    QList<PlannerPerson> m_people;
    QVector<PlannerCell> m_cells;
    int m_columns = 0;
    bool m_loading = false;
    int m_generation = 0;
    QString m_lastError;
};

} // namespace keel::resourcing
