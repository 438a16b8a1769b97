#include "close_api.h"

#include "api_client.h"

#include <QUrl>

namespace keel::closing {

namespace {
QString seg(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

QString CloseApi::periodPath(const QString &entity, const QString &period)
{
    return QStringLiteral("/api/v1/close/entities/%1/periods/%2").arg(seg(entity), seg(period));
}

QString CloseApi::itemPath(const QString &entity, const QString &period, const QString &task)
{
    return periodPath(entity, period) + QStringLiteral("/items/") + seg(task);
}

ApiReply *CloseApi::periods(const QString &from, const QString &to) const
{
    return m_api->get(
        QStringLiteral("/api/v1/close/periods?from=%1&to=%2").arg(seg(from), seg(to)));
}

ApiReply *CloseApi::checklist(const QString &entity, const QString &period) const
{
    return m_api->get(periodPath(entity, period));
}

ApiReply *CloseApi::setResponsible(const QString &entity, const QString &period,
                                   const QString &task, const QString &userId) const
{
    return m_api->send("PATCH", itemPath(entity, period, task),
                       QJsonObject{{"responsible_user_id", userId}});
}

ApiReply *CloseApi::signOff(const QString &entity, const QString &period, const QString &task) const
{
    return m_api->post(itemPath(entity, period, task) + QStringLiteral("/sign-off"));
}

ApiReply *CloseApi::startRun(const QString &entity, const QString &period,
                             const QString &kind) const
{
    return m_api->post(periodPath(entity, period) + QStringLiteral("/runs/") + seg(kind));
}

ApiReply *CloseApi::run(const QString &runId) const
{
    return m_api->get(QStringLiteral("/api/v1/close/runs/") + seg(runId));
}

ApiReply *CloseApi::softClose(const QString &entity, const QString &period) const
{
    return m_api->post(periodPath(entity, period) + QStringLiteral("/soft-close"));
}

ApiReply *CloseApi::hardClose(const QString &entity, const QString &period) const
{
    return m_api->post(periodPath(entity, period) + QStringLiteral("/hard-close"));
}

ApiReply *CloseApi::requestReopen(const QString &entity, const QString &period,
                                  const QString &toStatus, const QString &reason) const
{
    return m_api->post(periodPath(entity, period) + QStringLiteral("/reopen"),
                       QJsonObject{{"to_status", toStatus}, {"reason", reason}});
}

} // namespace keel::closing
