#include "close_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "close_api.h"
#include "close_text.h"
#include "problem.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QTimer>

namespace keel::closing {

namespace {
// A poll without an answer is tried again; after this many in a row the job gives up (the run
// goes on on the server and its state shows in the checklist).
constexpr int MaxNetworkFailures = 10;
} // namespace

CloseRunJob::CloseRunJob(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &CloseRunJob::poll);
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
    m_run = QJsonObject{{"status", "running"}, {"progress", 0}};
    m_networkFailures = 0;
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
        take(r->object());
    });
}

void CloseRunJob::follow(const QString &runId)
{
    if (m_running || runId.isEmpty())
        return;
    m_running = true;
    m_kind.clear();
    m_runId = runId;
    m_networkFailures = 0;
    emit started(m_runId);
    poll();
}

void CloseRunJob::poll()
{
    if (!m_api || m_runId.isEmpty())
        return;
    ApiReply *r = CloseApi(m_api).run(m_runId);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            if (isNetworkProblem(r->problem()) && ++m_networkFailures < MaxNetworkFailures) {
                m_timer->start(m_pollMs * 2);
                return;
            }
            m_running = false;
            emit failed(r->problem().status, humanMessage(r->problem()));
            return;
        }
        m_networkFailures = 0;
        take(r->object());
    });
}

void CloseRunJob::take(const QJsonObject &run)
{
    m_run = run;
    const QString status = run.value("status").toString();
    emit progressChanged(run.value("progress").toInt(), run.value("step").toString());
    if (status == QLatin1String("running") || status.isEmpty()) {
        m_timer->start(m_pollMs);
        return;
    }
    m_running = false;
    emit finished(run);
}

} // namespace keel::closing
