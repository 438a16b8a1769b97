#include "revenue_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "revenue_api.h"
#include "run_poller.h"
#include "sales_format.h"

namespace keel::finance {

RevenueRunJob::RevenueRunJob(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_poller(new RunPoller(this))
{
    m_poller->setInterval(400);
    connect(m_poller, &RunPoller::progressChanged, this, &RevenueRunJob::progressChanged);
    connect(m_poller, &RunPoller::finished, this, [this](const QJsonObject &run) {
        m_running = false;
        emit finished(run);
    });
    connect(m_poller, &RunPoller::pollFailed, this, [this](const Problem &problem) {
        m_running = false;
        emit failed(humanMessage(problem));
    });
}

void RevenueRunJob::setPollInterval(int milliseconds)
{
    m_poller->setInterval(milliseconds);
}

QJsonObject RevenueRunJob::run() const
{
    return m_poller->run();
}

void RevenueRunJob::start(const QString &entity, QDate period)
{
    if (m_running || !m_api)
        return;
    m_running = true;
    m_poller->reset({});
    emit progressChanged(0, tr("Starting…"));
    ApiReply *r = RevenueApi(m_api).startRun(entity, period);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_running = false;
            emit failed(humanMessage(r->problem()));
            return;
        }
        m_runId = sales::idText(r->object().value("id"));
        const QPointer<ApiClient> api = m_api;
        const QString runId = m_runId;
        m_poller->follow(
            [api, runId]() -> ApiReply * { return api ? RevenueApi(api).run(runId) : nullptr; },
            r->object());
    });
}

} // namespace keel::finance
