#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace keel {

// The employee record behind a signed-in user.
struct TimeEmployee
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    qint64 userId = 0;
    // The caller's transaction already holds this employee's time lock (a sync push takes it
    // once for all its operations).
    bool lockHeld = false;
};

// The columns of a time entry the rules and transitions look at.
struct TimeEntryRow
{
    QUuid id;
    qint64 employeeId = 0;
    qint64 projectId = 0;
    qint64 taskId = 0; // 0 = none
    QDate workDate;
    QString hours; // numeric text
    bool billable = false;
    QString notes;
    QString status;
    QUuid adjustsId; // null = not an adjustment
    int version = 0;
};

struct TimeProjectFacts
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString status;
    bool notesRequired = false;
};

struct TimeTaskFacts
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString status;
    bool billable = true;
};

// Everything the rules read about one entry's project, task, day and period, fetched together.
struct TimeEntryFacts
{
    std::optional<TimeProjectFacts> project;
    std::optional<TimeTaskFacts> task;
    QString closedPeriod; // as closedPeriod() for the project's and the employee's entity
    QString dayHours;     // as dayHours()
    bool onHardAssignment = false;
};

// What an insert or update writes.
struct TimeEntryWrite
{
    QUuid id;
    qint64 employeeId = 0;
    qint64 legalEntityId = 0;
    qint64 projectId = 0;
    qint64 taskId = 0;
    QDate workDate;
    QString hours;
    bool billable = true;
    QString notes;
    QString status = QStringLiteral("draft");
    QUuid adjustsId;
    bool outsideAssignment = false;
    qint64 userId = 0;
};

// SQL of time entries (time_entries) and the facts their rules read.
class TimeEntryStore
{
public:
    explicit TimeEntryStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;
    const DbConfig &config() const { return m_config; }

    std::optional<TimeEmployee> employeeOfUser(qint64 userId) const;
    // Serialises one employee's writers until the transaction ends (the 24-hour day rule and
    // week submission read sums that a concurrent writer could change).
    void lockEmployee(qint64 employeeId) const;

    std::optional<TimeEntryRow> entry(const QUuid &id, bool lock) const;
    std::optional<TimeProjectFacts> project(qint64 id) const;
    std::optional<TimeTaskFacts> task(qint64 id) const;
    // The status of a soft- or hard-closed accounting period of one of the entities that
    // contains `date`; empty when open.
    QString closedPeriod(const QList<qint64> &entityIds, const QDate &date) const;
    // Hours of the employee's entries on `date` that are not deleted, without `except`.
    QString dayHours(qint64 employeeId, const QDate &date, const QUuid &except) const;
    bool onHardAssignment(qint64 employeeId, qint64 projectId, const QDate &date) const;
    // The original's hours plus its adjustments that are not deleted or rejected, without
    // `except`.
    QString adjustedHours(const QUuid &originalId, const QUuid &except) const;
    // project(), task(), closedPeriod(), dayHours() and onHardAssignment() in two round trips;
    // read it with the employee locked, as dayHours().
    TimeEntryFacts facts(const TimeEmployee &employee, qint64 projectId, qint64 taskId,
                         const QDate &date, const QUuid &self) const;

    // Both answer the entry's JSON as json() does afterwards.
    // The same, unless the id exists already: then nothing is written and the answer is empty.
    QJsonObject insertIfNew(const TimeEntryWrite &w) const;
    QJsonObject insert(const TimeEntryWrite &w) const;
    QJsonObject update(const TimeEntryWrite &w) const; // version + 1
    void setStatus(const QUuid &id, const QString &status) const;
    // approved → invoiced for all ids; the number of rows changed.
    int markInvoiced(const QList<QUuid> &ids, qint64 invoiceId) const;

    QJsonObject json(const QUuid &id) const;
    QJsonArray list(qint64 employeeId, const QDate &from, const QDate &to) const;

private:
    // The statement prepared once per worker connection (db::cached), executed with `binds`.
    // Read its result before calling another method: they may share the statement.
    QSqlQuery &run(const QString &sql, const QVariantList &binds) const;

    DbConfig m_config;
};

namespace time_sql {
QString uuidText(const QUuid &id);
QUuid uuidOf(const QVariant &v);
// "{a,b,c}" literal for a uuid[] bind.
QString uuidArray(const QList<QUuid> &ids);
QVariant nullableId(qint64 id);
// The entry JSON (README "Time") from a row of kEntrySelect.
QJsonObject entryJson(const QSqlQuery &q, int offset = 0);
extern const char *const kEntryColumns; // t = time_entries, p = projects, k = project_tasks
extern const char *const kEntryJoins;
// The same entry as a json_build_object(...) expression without its closing parenthesis, so a
// caller may append more keys (a page is then built by json_agg in one round trip).
extern const char *const kEntryJsonObject;
} // namespace time_sql

} // namespace keel
