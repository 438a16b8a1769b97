#pragma once

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
class RunPoller;
} // namespace keel

namespace keel::finance {

// A recognition run of one entity and month as a job: POST /revenue/runs, then GET
// /revenue/runs/{id} until it is no longer running. The server does the work; closing the tab
// does not stop it.
class RevenueRunJob : public QObject
{
    Q_OBJECT
public:
    explicit RevenueRunJob(ApiClient *api, QObject *parent = nullptr);

    void setPollInterval(int milliseconds);
    void start(const QString &entity, QDate period);
    bool isRunning() const { return m_running; }
    QJsonObject run() const; // the last answer

signals:
    void progressChanged(int percent, const QString &step);
    // status "completed" or "failed" (the run's own error in run["error"]).
    void finished(const QJsonObject &run);
    // The request was refused (no right, closed period, another run going) or got no answer.
    void failed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    RunPoller *m_poller;
    QString m_runId;
    bool m_running = false;
};

} // namespace keel::finance
