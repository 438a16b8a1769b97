#include "api_reply.h"

namespace keel {

ApiReply::ApiReply(QObject *parent) : QObject(parent) {}

void ApiReply::finishOk(int status, const QJsonDocument &json)
{
    m_ok = true;
    m_status = status;
    m_json = json;
    complete();
}

void ApiReply::finishFailed(const Problem &problem, int retryAfterSeconds)
{
    m_ok = false;
    m_status = problem.status;
    m_problem = problem;
    m_retryAfter = retryAfterSeconds;
    complete();
}

void ApiReply::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
    deleteLater();
}

} // namespace keel
