#include "sync_cursor.h"

#include "json_codec.h"
#include "uuid.h"

#include <QStringList>

namespace keel {

QString SyncCursor::toString() const
{
    QString out = QString::number(xid);
    if (!afterKind)
        return out;
    out += *afterKind == Kind::TimeEntry ? QStringLiteral(":t:") : QStringLiteral(":e:");
    out += afterId.toString(QUuid::WithoutBraces);
    if (since.isValid())
        out += u':' + formatDate(since);
    if (referenceChanged)
        out += QStringLiteral(":r");
    return out;
}

std::optional<SyncCursor> SyncCursor::parse(const QString &text)
{
    const QStringList parts = text.split(u':');
    if (parts.size() == 2 || parts.size() > 5)
        return std::nullopt;
    SyncCursor c;
    const QString &xid = parts.at(0);
    if (xid.isEmpty() || xid.size() > 20)
        return std::nullopt;
    for (const QChar ch : xid)
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
    bool ok = false;
    c.xid = xid.toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (parts.size() == 1)
        return c;
    if (parts.at(1) == QLatin1String("t"))
        c.afterKind = Kind::TimeEntry;
    else if (parts.at(1) == QLatin1String("e"))
        c.afterKind = Kind::Expense;
    else
        return std::nullopt;
    const auto id = Uuid::parse(parts.at(2));
    if (!id || id->isNull())
        return std::nullopt;
    c.afterId = id->toQUuid();
    for (qsizetype i = 3; i < parts.size(); ++i) {
        if (parts.at(i) == QLatin1String("r") && i == parts.size() - 1) {
            c.referenceChanged = true;
            continue;
        }
        const auto since = parseDate(parts.at(i));
        if (!since || i != 3)
            return std::nullopt;
        c.since = *since;
    }
    return c;
}

} // namespace keel
