#pragma once

#include "db/database.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace keel {

class RunQueue;

// The training runs' job side in this process: claims queued runs (any server may), executes
// them one at a time on a RunQueue thread with a connection of its own, fails runs abandoned by
// a stopped server, and, when polling is on, queues the schedule's run and claims what other
// servers' requests left queued.
//
// Polling: KEEL_INSIGHTS_POLL_SECONDS (0 = off); unset, it is 30 in the keel-server process and
// off in servers embedded in tests and benchmarks, which must not train behind their back.
// The schedule: KEEL_INSIGHTS_RETRAIN_HOURS (default 24; may be fractional; 0 = off).
class InsightsTrainer
{
public:
    explicit InsightsTrainer(DbConfig config);
    ~InsightsTrainer(); // stops polling, waits for the run in progress

    // host:pid, with "/n" for the n-th trainer of a process (tests run two servers in one).
    const QString &instance() const { return m_instance; }

    // Fails abandoned runs, then claims queued ones and starts them; returns the runs claimed.
    int claimAndStart(QSqlDatabase db);
    // A run left 'running' by a server that stopped is failed (the close runs' rule).
    void reapAbandoned(QSqlDatabase db) const;
    void waitForIdle() const;

private:
    void execute(qint64 runId) const;
    void poll();

    DbConfig m_config;
    QString m_instance;
    int m_pollSeconds = 0;
    double m_retrainHours = 24;
    std::unique_ptr<RunQueue> m_runs;
    std::mutex m_stopLock;
    std::condition_variable m_stopped;
    bool m_stop = false;
    std::thread m_poller;
};

} // namespace keel
