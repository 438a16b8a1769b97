#include "run_poller.h"

#include "api_reply.h"
#include "problem_text.h"

#include <QTimer>

namespace keel {

namespace {
constexpr int MaxNetworkFailures = 10;
} // namespace

RunPoller::RunPoller(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RunPoller::poll);
}

void RunPoller::follow(Fetch fetch, const QJsonObject &firstAnswer)
{
    m_fetch = std::move(fetch);
    m_networkFailures = 0;
    if (firstAnswer.isEmpty())
        poll();
    else
        take(firstAnswer);
}

void RunPoller::poll()
{
    ApiReply *r = m_fetch ? m_fetch() : nullptr;
    if (!r)
        return;
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            if (isNetworkProblem(r->problem()) && ++m_networkFailures < MaxNetworkFailures) {
                m_timer->start(m_intervalMs * 2);
                return;
            }
            emit pollFailed(r->problem());
            return;
        }
        m_networkFailures = 0;
        take(r->object());
    });
}

void RunPoller::take(const QJsonObject &run)
{
    m_run = run;
    const QString status = run.value("status").toString();
    emit progressChanged(run.value("progress").toInt(), run.value("step").toString());
    if (status == QLatin1String("running") || status.isEmpty()) {
        m_timer->start(m_intervalMs);
        return;
    }
    emit finished(run);
}

} // namespace keel
