#pragma once

#include "close_store.h"
#include "db/database.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace keel {

class RunQueue;

// The runs of the close: revenue (recognition), accruals, fx_revaluation, intercompany and all
// of them in that order.
namespace close_runs {

// API kind (revenue_recognition, subcontractor_accruals, fx_revaluation, intercompany, all) →
// close_runs.kind; empty when unknown.
QString kindOf(const QString &apiKind);
// The engine of a kind is built into this server ("all": every one is).
bool available(const QString &kind);

// Runs `kind` for the entity and period inside the caller's transaction on `db` (the thread's
// db::connection()), reporting 0..100 across the parts; returns the run's figures.
QJsonObject execute(QSqlDatabase db, qint64 entityId, QDate periodStart, const QString &kind,
                    qint64 userId, qint64 runId,
                    const std::function<void(int, const QString &)> &progress);

} // namespace close_runs

// Close runs as jobs (like billing runs): the route writes the row, enqueue() hands it to a
// worker thread that runs it in one transaction on its own connection while a second
// connection writes progress; a run left 'running' by a server that stopped is failed when read.
class CloseRunner
{
public:
    explicit CloseRunner(DbConfig config);
    ~CloseRunner(); // waits for the runs in progress

    void enqueue(qint64 runId);
    // True when it marked the run failed: not queued here, nobody holds its lock, started
    // minutes ago.
    bool reapIfAbandoned(QSqlDatabase db, const CloseRunRow &run) const;
    void waitForIdle() const;

private:
    void execute(qint64 runId) const;

    DbConfig m_config;
    std::unique_ptr<RunQueue> m_runs;
};

} // namespace keel
