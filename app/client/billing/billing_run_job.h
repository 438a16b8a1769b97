#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
class RunPoller;
} // namespace keel

namespace keel::billing {

// What a billing run is started for. Ids are the API's (strings); empty = not restricted.
struct RunRequest
{
    QString legalEntityId;
    QString period; // "YYYY-MM"
    QString accountId;
    QString contractId;
    QString invoiceDate; // "YYYY-MM-DD", empty = the period's last day (server default)

    QJsonObject toJson() const;
};

// One billing run as a job: POST /billing/runs, then GET /billing/runs/{id} every
// pollInterval() until it is no longer running. The server does the work in the background;
// this only reports progress, so closing the page does not stop the run.
class BillingRunJob : public QObject
{
    Q_OBJECT
public:
    explicit BillingRunJob(ApiClient *api, QObject *parent = nullptr);

    void setPollInterval(int milliseconds);
    int pollInterval() const;

    // Refused (failed()) while a run is being followed.
    void start(const RunRequest &request);
    // Follows a run started elsewhere (e.g. still running in the history).
    void follow(const QString &runId);

    bool isRunning() const { return m_running; }
    QString runId() const { return m_runId; }
    QJsonObject run() const; // the last answer
    int progress() const { return run().value("progress").toInt(); }
    QString step() const { return run().value("step").toString(); }

signals:
    void started(const QString &runId);
    void progressChanged(int progress, const QString &step);
    // status "completed" or "failed" (the run's own error is in run["error"]).
    void finished(const QJsonObject &run);
    // The request itself failed (refused, closed period, server unreachable): in words.
    void failed(const QString &message);

private:
    void poll(const QJsonObject &firstAnswer = {});

    QPointer<ApiClient> m_api;
    RunPoller *m_poller;
    QString m_runId;
    bool m_running = false;
};

} // namespace keel::billing
