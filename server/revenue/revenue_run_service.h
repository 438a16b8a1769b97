#pragma once

#include "db/database.h"

#include <QJsonObject>

#include <memory>

namespace keel {

class RunQueue;

struct Request;

// Recognition runs as jobs (server/revenue/README.md "Recognition run"): start() checks the
// request and writes the run's row (status running); the route hands it to enqueue(), which runs
// it on a worker thread of this service in one transaction on that thread's connection, while a
// second connection writes progress and step so GET /revenue/runs/{id} sees them move.
class RevenueRunService
{
public:
    explicit RevenueRunService(DbConfig config);
    ~RevenueRunService(); // waits for the runs in progress
    static void registerStateMachines();

    QSqlDatabase db() const { return db::connection(m_config); }
    QJsonObject start(const Request &request, const QJsonObject &body) const;
    void enqueue(qint64 runId);
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request) const;
    void waitForIdle() const; // tests

private:
    void execute(qint64 runId) const;
    // A run left 'running' by a server that stopped (nobody holds its advisory lock, not queued
    // here, started minutes ago) is marked failed: its transaction died with the server.
    bool reapIfAbandoned(QSqlDatabase db, qint64 id, const QJsonObject &run) const;

    DbConfig m_config;
    std::unique_ptr<RunQueue> m_runs;
};

} // namespace keel
