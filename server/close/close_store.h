#pragma once

#include "db/database.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace keel {

struct CloseEntity
{
    qint64 id = 0;
    QString code, name, currency; // currency: functional
};

struct ClosePeriodRow
{
    qint64 id = 0;
    QString status; // open, soft_closed, hard_closed
    int version = 0;
};

// Who is responsible for a task and whether it was signed off (close_tasks).
struct CloseTaskRow
{
    qint64 responsibleId = 0;
    QString responsibleName;
    QString status; // open, signed_off
    qint64 signedOffBy = 0;
    QString signedOffByName;
    QDateTime signedOffAt;
    QString note;
    int version = 0;
};

// A close run as the checklist and GET /close/runs/{id} show it.
struct CloseRunRow
{
    qint64 id = 0, entityId = 0, createdBy = 0;
    QString entityCode, kind, status, createdByName;
    QDate periodStart;
    QDateTime finishedAt;
    QJsonObject json;
};

// SQL of the close: entities, periods, tasks and runs. No rules here.
namespace close_store {

std::optional<CloseEntity> entity(QSqlDatabase db, qint64 id);
QList<CloseEntity> entities(QSqlDatabase db, const QStringList &codes); // "*" = all

// "open" when the period has no row.
QString periodStatus(QSqlDatabase db, qint64 entityId, QDate periodStart);
// The period's row, created open when missing, locked FOR UPDATE.
ClosePeriodRow lockPeriod(QSqlDatabase db, qint64 entityId, QDate periodStart);
void setPeriodStatus(QSqlDatabase db, qint64 periodId, const QString &status, qint64 userId);
// entity id → (period start → status) for the periods that have rows in [from, to].
QHash<qint64, QHash<QDate, QString>> periodStatuses(QSqlDatabase db, const QList<qint64> &ids,
                                                    QDate from, QDate to);

QHash<QString, CloseTaskRow> tasks(QSqlDatabase db, qint64 entityId, QDate periodStart);
// Signed-off task counts per entity and period (the grid's hard-closed cells).
QHash<qint64, QHash<QDate, int>> signedOffCounts(QSqlDatabase db, const QList<qint64> &ids,
                                                 QDate from, QDate to);
// Inserts the row when missing and locks it.
CloseTaskRow lockTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task);
void updateTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task,
                std::optional<qint64> responsibleId, std::optional<QString> note);
void signOffTask(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &task,
                 qint64 userId, qint64 count);
// Sign-offs no longer hold once the period reopens.
void clearSignOffs(QSqlDatabase db, qint64 entityId, QDate periodStart);
bool userExists(QSqlDatabase db, qint64 userId);

qint64 insertRun(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &kind,
                 qint64 userId);
std::optional<CloseRunRow> run(QSqlDatabase db, qint64 id);
void runProgress(QSqlDatabase db, qint64 id, int percent, const QString &step);
void runCompleted(QSqlDatabase db, qint64 id, const QJsonObject &result);
void runFailed(QSqlDatabase db, qint64 id, const QString &error);
// The latest run per kind of the entity and period.
QHash<QString, CloseRunRow> latestRuns(QSqlDatabase db, qint64 entityId, QDate periodStart);
// When the entity's latest completed recognition of the period finished (revenue_runs, the
// revenue context's own runs), invalid when none.
QDateTime lastRevenueRun(QSqlDatabase db, qint64 entityId, QDate periodStart);

} // namespace close_store
} // namespace keel
