#pragma once

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QThreadPool;

namespace keel {

// The job side shared by billing, revenue and close runs: a run's row is written by the route,
// then start() runs the work on a small pool of this process. The queued set answers "is this
// run ours?" so reapIfAbandoned() never fails a run that is merely waiting for a thread here.
class RunQueue
{
public:
    explicit RunQueue(int maxThreads);
    ~RunQueue(); // waits for the runs in progress

    // Queues `work` for runId. Afterwards the pool thread's connections are closed, because the
    // thread may sit idle until shutdown and must not keep the run's connection (or outlive the
    // SQL driver with it).
    void start(qint64 runId, std::function<void()> work);
    bool isQueued(qint64 runId) const;
    // Blocks until no run is queued or in progress (tests, benchmarks, shutdown).
    void waitForIdle() const;

    // A run left 'running' by a server that stopped: the executing connection holds
    // pg_advisory_lock(lockClass, runId) for the whole run, so a free lock means nobody is
    // executing it. Only runs not queued here and started over two minutes ago count (a run
    // queued on another server holds no lock yet). While holding the lock, markFailed() does the
    // caller's own table update and audit, in its own transaction; then the lock is released.
    // True when markFailed() was called.
    bool reapIfAbandoned(QSqlDatabase db, int lockClass, qint64 runId, const QString &status,
                         const QString &startedAt, const std::function<void()> &markFailed) const;

private:
    std::unique_ptr<QThreadPool> m_pool;
    mutable QMutex m_queuedLock;
    QSet<qint64> m_queued; // started here, not yet finished
};

} // namespace keel
