#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
class RunPoller;
} // namespace keel

namespace keel::closing {

// One close run as a job: POST …/runs/{kind} (202), then GET /close/runs/{id} every
// pollInterval() until it is no longer running. The server does the work; closing the page
// does not stop it.
class CloseRunJob : public QObject
{
    Q_OBJECT
public:
    explicit CloseRunJob(ApiClient *api, QObject *parent = nullptr);

    void setPollInterval(int milliseconds);

    // Refused (failed()) while a run is being followed.
    void start(const QString &entity, const QString &period, const QString &kind);
    // Follows a run started elsewhere (a colleague's, or before the page opened).
    void follow(const QString &runId);

    bool isRunning() const { return m_running; }
    QString kind() const { return m_kind; }
    QString runId() const { return m_runId; }
    QJsonObject run() const;
    int progress() const { return run().value("progress").toInt(); }

signals:
    void started(const QString &runId);
    void progressChanged(int progress, const QString &step);
    // status "completed" or "failed" (its reason in run["error"]).
    void finished(const QJsonObject &run);
    // The request itself was refused (hard-closed period, no permission, unreachable), with the
    // server's answer for the caller to put in words.
    void failed(int status, const QString &message);

private:
    void poll(const QJsonObject &firstAnswer = {});

    QPointer<ApiClient> m_api;
    RunPoller *m_poller;
    QString m_kind;
    QString m_runId;
    bool m_running = false;
};

} // namespace keel::closing
