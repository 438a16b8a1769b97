#pragma once

#include "billing_run_engine.h"
#include "db/database.h"
#include "period.h"

#include <QDate>
#include <QJsonObject>

#include <memory>

namespace keel {

class RunQueue;

struct Request;

// What to bill (POST /billing/runs, or the demo loader through runNow).
struct BillingRunParams
{
    qint64 legalEntityId = 0;
    Period period;
    qint64 accountId = 0;  // 0: every client
    qint64 contractId = 0; // 0: every contract
    QDate invoiceDate;     // invalid: the period's last day
};

// Billing runs (server/billing/README.md): a run is a job. start() checks the request, writes
// the run's row (status running) and returns it; the route then hands the run to run(), which
// bills on a worker thread of this service, with its own database connection, in one
// transaction, while a second connection writes progress and step in short transactions of
// their own so GET /billing/runs/{id} sees them move.
class BillingRunService
{
public:
    explicit BillingRunService(DbConfig config);
    ~BillingRunService(); // waits for the runs in progress
    static void registerStateMachines();

    QSqlDatabase db() const { return db::connection(m_config); }
    // 202 body: the new run; its id is what enqueue() wants once the row is committed.
    QJsonObject start(const Request &request, const QJsonObject &body) const;
    void enqueue(qint64 runId);
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request) const;

    // The whole run synchronously inside the caller's open transaction on `db` (a savepoint of
    // it): the run's row, the drafts, the exceptions, status completed. Returns the run's id.
    // Throws ApiError for what the route would refuse (404 unknown entity, 422, 423 closed
    // period) and DbError when the database refuses (the savepoint is rolled back).
    qint64 runNow(QSqlDatabase db, const BillingRunParams &params, qint64 userId) const;

    // Blocks until no run is queued or in progress (tests, benchmarks).
    void waitForIdle() const;

private:
    BillingRunScope scopeOf(QSqlDatabase db, const BillingRunParams &params, qint64 userId) const;
    void execute(qint64 runId) const;
    // A run left 'running' by a server that stopped: nobody holds its advisory lock, it is not
    // queued here, and it started long enough ago. Marked failed (nothing was billed: its
    // transaction died with the server), so the client stops waiting for it.
    bool reapIfAbandoned(QSqlDatabase db, qint64 id, const QJsonObject &run) const;

    DbConfig m_config;
    std::unique_ptr<RunQueue> m_runs;
};

} // namespace keel
