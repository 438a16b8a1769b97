#include "run_queue.h"

#include "database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QThreadPool>

namespace keel {

RunQueue::RunQueue(int maxThreads) : m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(maxThreads);
}

RunQueue::~RunQueue()
{
    m_pool->waitForDone();
}

void RunQueue::start(qint64 runId, std::function<void()> work)
{
    {
        QMutexLocker lock(&m_queuedLock);
        m_queued.insert(runId);
    }
    m_pool->start([this, runId, work = std::move(work)] {
        work();
        // The pool's thread may sit idle until shutdown: release the run's connection now.
        db::closeThreadConnections();
        QMutexLocker lock(&m_queuedLock);
        m_queued.remove(runId);
    });
}

bool RunQueue::isQueued(qint64 runId) const
{
    QMutexLocker lock(&m_queuedLock);
    return m_queued.contains(runId);
}

void RunQueue::waitForIdle() const
{
    m_pool->waitForDone();
}

bool RunQueue::reapIfAbandoned(QSqlDatabase db, int lockClass, qint64 runId, const QString &status,
                               const QString &startedAt,
                               const std::function<void()> &markFailed) const
{
    if (status != QLatin1String("running") || isQueued(runId))
        return false;
    // A run queued on another server holds no lock yet: only runs that started minutes ago
    // count as abandoned.
    const QDateTime started = QDateTime::fromString(startedAt, Qt::ISODateWithMs);
    if (!started.isValid() || started.secsTo(QDateTime::currentDateTimeUtc()) < 120)
        return false;
    QSqlQuery free =
        db::query(db, QStringLiteral("SELECT pg_try_advisory_lock(?, ?::int)"), {lockClass, runId});
    if (!free.next() || !free.value(0).toBool())
        return false; // a server is executing it
    // Held across markFailed(): a server about to execute the run waits on the lock, then finds
    // it failed instead of running it. Released however markFailed() ends: the lock is the
    // session's and would outlive a failed request on this thread's connection.
    const auto unlock = [&] {
        db::query(db, QStringLiteral("SELECT pg_advisory_unlock(?, ?::int)"), {lockClass, runId});
    };
    try {
        markFailed();
    } catch (...) {
        unlock();
        throw;
    }
    unlock();
    return true;
}

} // namespace keel
