#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace keel {

struct Request;
class CloseRunner;
class WorkflowService;

// For the demo loader and the benches, in-process on the thread's db::connection(), inside the
// caller's transaction (a savepoint of it):
//
// Every run of the close for the entity and period in order (revenue recognition,
// subcontractor accruals, FX revaluation, intercompany), recorded as one completed close run of
// kind `all`. Throws ApiError 423 when the period is hard-closed, 404 for an unknown entity.
void runCloseRuns(QSqlDatabase db, qint64 entityId, QDate periodStart, qint64 userId);

// Moves the period to `toStatus` ("soft_closed" or "hard_closed", one step at a time from
// where it is; already there is a no-op) under the same rules as the routes, audited as
// `userId`. skipChecklistGate = true skips the red-item and sign-off gate (loaders of history
// only); the previous period must still be closed. Throws ApiError (409, 422).
void closePeriod(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &toStatus,
                 qint64 userId, bool skipChecklistGate = false);

// The month-end close (server/close/README.md, "The checklist", "Accruals", "Period states").
class CloseService
{
public:
    CloseService(DbConfig config, WorkflowService &workflow);
    ~CloseService(); // waits for the runs in progress
    static void registerStateMachines();
    void registerApprovalHandlers(WorkflowService &workflow);

    QSqlDatabase db() const { return db::connection(m_config); }

    QJsonObject grid(const Request &request) const;
    QJsonObject checklist(const Request &request, qint64 entityId, const QString &period) const;
    QJsonObject itemRecords(const Request &request, qint64 entityId, const QString &period,
                            const QString &task) const;
    QJsonObject updateItem(const Request &request, qint64 entityId, const QString &period,
                           const QString &task, const QJsonObject &body) const;
    QJsonObject signOff(const Request &request, qint64 entityId, const QString &period,
                        const QString &task) const;

    // 202 body: the new close run (committed); hand its id to enqueue().
    QJsonObject startRun(const Request &request, qint64 entityId, const QString &period,
                         const QString &kind) const;
    void enqueue(qint64 runId);
    QJsonObject run(const Request &request, qint64 runId) const;
    void waitForIdle() const;

    QJsonObject softClose(const Request &request, qint64 entityId, const QString &period) const;
    QJsonObject hardClose(const Request &request, qint64 entityId, const QString &period) const;
    QJsonObject requestReopen(const Request &request, qint64 entityId, const QString &period,
                              const QJsonObject &body) const;

private:
    DbConfig m_config;
    WorkflowService &m_workflow;
    std::unique_ptr<CloseRunner> m_runner;
};

} // namespace keel
