#include "paging.h"

#include "http_types.h"

namespace keel {

PageRequest PageRequest::from(const Request &request)
{
    PageRequest p;
    bool ok = true;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        p.limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || p.limit < 1 || p.limit > kMax)
            throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                         QStringLiteral("a number from 1 to %1").arg(kMax));
    }
    if (request.query.hasQueryItem(QStringLiteral("after"))) {
        p.after = request.query.queryItemValue(QStringLiteral("after")).toLongLong(&ok);
        if (!ok || p.after < 0)
            throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                         QStringLiteral("a record id"));
    }
    return p;
}

QJsonObject PageRequest::page(const QJsonArray &items) const
{
    QJsonObject o{{"items", items}};
    if (items.size() == limit)
        o.insert("next_after", items.last().toObject().value("id"));
    return o;
}

} // namespace keel
