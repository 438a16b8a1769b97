#include "revenue_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "revenue_api.h"
#include "sales_format.h"

#include <QTimer>

namespace keel::finance {

RevenueRunJob::RevenueRunJob(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RevenueRunJob::poll);
}

void RevenueRunJob::start(const QString &entity, QDate period)
{
    if (m_running || !m_api)
        return;
    m_running = true;
    m_misses = 0;
    m_run = {};
    emit progressChanged(0, tr("Starting…"));
    ApiReply *r = RevenueApi(m_api).startRun(entity, period);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_running = false;
            emit failed(humanMessage(r->problem()));
            return;
        }
        m_runId = sales::idText(r->object().value("id"));
        take(r->object());
    });
}

void RevenueRunJob::poll()
{
    if (!m_api)
        return;
    ApiReply *r = RevenueApi(m_api).run(m_runId);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            // A lost answer is asked again a few times; the run goes on on the server anyway.
            if (isNetworkProblem(r->problem()) && ++m_misses < 10) {
                m_timer->start(m_pollMs * 2);
                return;
            }
            m_running = false;
            emit failed(humanMessage(r->problem()));
            return;
        }
        m_misses = 0;
        take(r->object());
    });
}

void RevenueRunJob::take(const QJsonObject &run)
{
    m_run = run;
    emit progressChanged(run.value("progress").toInt(), run.value("step").toString());
    const QString status = run.value("status").toString();
    if (status == QLatin1String("running") || status.isEmpty()) {
        m_timer->start(m_pollMs);
        return;
    }
    m_running = false;
    emit finished(run);
}

} // namespace keel::finance
