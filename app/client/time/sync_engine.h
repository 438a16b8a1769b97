#pragma once

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QTimer;

namespace keel {
class ApiClient;
}

namespace keel::offline {

class LocalStore;
struct PendingOp;

// Moves the LocalStore's queue to the server and the server's changes back: push in batches
// (POST /sync/push), apply each result, upload receipts of acknowledged expenses, send week
// submissions queued offline, then pull (GET /sync/pull) and the reference data. Runs on a
// timer and soon after each local change; a failed round retries with exponential backoff.
// Does nothing until enabled (a signed-in session).
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(LocalStore *store, ApiClient *api, QObject *parent = nullptr);
    ~SyncEngine() override;

    LocalStore *store() const { return m_store; }
    ApiClient *api() const { return m_api; }

    // Enabled = the ApiClient holds a session; starts the timer and syncs at once.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isOnline() const { return m_online; }
    bool isSyncing() const { return m_syncing; }
    int unsyncedCount() const;
    QDateTime lastSuccess() const { return m_lastSuccess; }

    void setInterval(int milliseconds);      // regular round, default 60 s
    void setBackoff(int firstMs, int maxMs); // default 2 s … 5 min
    void setBatchSize(int ops) { m_batchSize = ops; }
    int currentRetryDelay() const { return m_retryDelay; }

    // Submits the week (POST /time/weeks/{monday}/submit) after its entries are pushed.
    // Offline, the submission waits in the store and goes out with the next successful round.
    void submitWeek(const QDate &monday);
    QList<QDate> pendingSubmissions() const;

public slots:
    void syncNow();

signals:
    void onlineChanged(bool online);
    void unsyncedCountChanged(int count);
    void syncingChanged(bool syncing);
    // Ops pushed so far in this round, of the total queued at its start.
    void progress(int done, int total);
    void roundFinished(bool ok);
    void weekSubmitted(const QDate &monday, bool ok, const QString &message);
    // A pulled change touched the local store (the grid refreshes).
    void pulled(int changes);

private:
    void scheduleNext(bool failed);
    void setOnline(bool online);
    void setSyncing(bool syncing);
    void pushNext();
    // True when some ops stay queued for a later round (no answer, or a server fault).
    bool handlePushResults(const QList<PendingOp> &ops, const QJsonObject &answer);
    void uploadReceipts();
    void submitPending();
    void pull();
    void fetchReference();
    void finishRound(bool ok, const QString &error = {});
    void noteCount();
    QString describe(const PendingOp &op) const;

    LocalStore *m_store;
    ApiClient *m_api;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QTimer *m_soon;
    bool m_enabled = false;
    bool m_online = false;
    bool m_syncing = false;
    bool m_again = false;
    int m_interval = 60000;
    int m_firstRetry = 2000;
    int m_maxRetry = 300000;
    int m_retryDelay = 0;
    int m_batchSize = 500;
    int m_roundTotal = 0;
    int m_roundDone = 0;
    int m_lastCount = -1;
    QDateTime m_lastSuccess;
    QString m_lastError;
};

} // namespace keel::offline
