#include "request_log.h"

#include "http_types.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <atomic>
#include <cstdio>

namespace keel {

namespace {
void writeLine(QJsonObject line)
{
    line.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    bytes.append('\n');
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}
} // namespace

QString newRequestId()
{
    static const QString prefix =
        QString::number(QRandomGenerator::system()->generate() & 0xffffff, 16)
            .rightJustified(6, u'0');
    static std::atomic<quint64> counter{0};
    return prefix + u'-' + QString::number(++counter);
}

void logRequest(const Request &request, const Reply &reply, double milliseconds)
{
    QJsonObject line{{"level", "info"},
                     {"request_id", request.requestId},
                     {"method", QString::fromLatin1(request.method)},
                     {"path", request.path},
                     {"status", reply.status},
                     {"ms", qRound(milliseconds * 100) / 100.0}};
    if (request.principal)
        line.insert("user", request.principal->user.username);
    writeLine(line);
}

void logError(const QString &requestId, const QString &message)
{
    writeLine({{"level", "error"}, {"request_id", requestId}, {"message", message}});
}

void logInfo(const QString &message)
{
    writeLine({{"level", "info"}, {"message", message}});
}

} // namespace keel
