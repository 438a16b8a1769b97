#include "close_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "close_api.h"
#include "close_text.h"
#include "problem.h"
#include "problem_text.h"
#include "run_poller.h"
#include "sales_format.h"

namespace keel::closing {

CloseRunJob::CloseRunJob(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_poller(new RunPoller(this))
{
    connect(m_poller, &RunPoller::progressChanged, this, &CloseRunJob::progressChanged);
    connect(m_poller, &RunPoller::finished, this, [this](const QJsonObject &run) {
        m_running = false;
        emit finished(run);
    });
    connect(m_poller, &RunPoller::pollFailed, this, [this](const Problem &problem) {
        m_running = false;
        emit failed(problem.status, humanMessage(problem));
    });
}

void CloseRunJob::setPollInterval(int milliseconds)
{
    m_poller->setInterval(milliseconds);
}

QJsonObject CloseRunJob::run() const
{
    return m_poller->run();
}

void CloseRunJob::start(const QString &entity, const QString &period, const QString &kind)
{
    if (m_running) {
        emit failed(409, tr("A run is already in progress; wait until it finishes."));
        return;
    }
    if (!m_api)
        return;
    m_running = true;
    m_kind = kind;
    m_runId.clear();
    m_poller->reset(QJsonObject{{"status", "running"}, {"progress", 0}});
    emit progressChanged(0, tr("Starting…"));
    ApiReply *r = CloseApi(m_api).startRun(entity, period, kind);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_running = false;
            emit failed(r->problem().status, actionProblemText(r->problem(), {}));
            return;
        }
        m_runId = sales::idText(r->object().value("id"));
        emit started(m_runId);
        poll(r->object());
    });
}

void CloseRunJob::follow(const QString &runId)
{
    if (m_running || runId.isEmpty())
        return;
    m_running = true;
    m_kind.clear();
    m_runId = runId;
    emit started(m_runId);
    poll();
}

void CloseRunJob::poll(const QJsonObject &firstAnswer)
{
    const QPointer<ApiClient> api = m_api;
    const QString runId = m_runId;
    m_poller->follow(
        [api, runId]() -> ApiReply * { return api ? CloseApi(api).run(runId) : nullptr; },
        firstAnswer);
}

} // namespace keel::closing
