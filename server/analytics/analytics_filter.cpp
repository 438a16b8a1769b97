#include "analytics_filter.h"

#include "http/http_types.h"

#include <QRegularExpression>

namespace keel {

QList<QDate> AnalyticsFilter::months() const
{
    QList<QDate> out;
    for (QDate m = from; m <= to; m = m.addMonths(1))
        out.append(m);
    return out;
}

namespace {

QDate parseMonth(const QString &text, const char *field)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(text);
    const QDate month =
        match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!month.isValid())
        throw ApiError::invalidField(QString::fromLatin1(field), QStringLiteral("invalid_month"),
                                     QStringLiteral("A month is YYYY-MM, e.g. 2026-03."));
    return month;
}

qint64 parseId(const QUrlQuery &query, const char *field)
{
    const QString name = QString::fromLatin1(field);
    if (!query.hasQueryItem(name))
        return 0;
    bool ok = false;
    const qint64 id = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(name, QStringLiteral("invalid_id"),
                                     QStringLiteral("%1 must be a positive id.").arg(name));
    return id;
}

} // namespace

AnalyticsFilter parseAnalyticsFilter(const Request &request, qint64 callerUserId)
{
    const QUrlQuery &q = request.query;
    const auto value = [&q](const char *name) {
        return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    AnalyticsFilter f;
    const QDate today = QDate::currentDate();
    const QDate thisMonth(today.year(), today.month(), 1);
    f.to = q.hasQueryItem(QStringLiteral("to")) ? parseMonth(value("to"), "to") : thisMonth;
    f.from = q.hasQueryItem(QStringLiteral("from")) ? parseMonth(value("from"), "from")
                                                    : f.to.addMonths(-11);
    if (f.from > f.to)
        throw ApiError::invalidField(QStringLiteral("from"), QStringLiteral("after_to"),
                                     QStringLiteral("from must not be after to."));
    if (f.from.addMonths(60) <= f.to)
        throw ApiError::invalidField(QStringLiteral("from"), QStringLiteral("too_long"),
                                     QStringLiteral("At most 60 months at a time."));
    f.entityId = parseId(q, "entity");
    f.practiceId = parseId(q, "practice");
    f.clientId = parseId(q, "client");
    f.projectId = parseId(q, "project");
    f.personId = parseId(q, "person");
    if (value("manager") == QLatin1String("me"))
        f.managerUserId = callerUserId;
    else
        f.managerUserId = parseId(q, "manager");

    const QString currency = value("currency");
    if (currency.isEmpty())
        f.groupCurrency = f.entityId == 0; // refined by the service once the scope is known
    else if (currency == QLatin1String("group") || currency == QLatin1String("entity"))
        f.groupCurrency = currency == QLatin1String("group");
    else
        throw ApiError::invalidField(QStringLiteral("currency"), QStringLiteral("invalid_choice"),
                                     QStringLiteral("currency is group or entity."));

    f.by = value("by");
    f.by2 = value("by2");
    if (q.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        f.limit = value("limit").toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 500)
            throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                         QStringLiteral("limit is between 1 and 500."));
    }
    f.order = value("order");
    if (!f.order.isEmpty() && f.order != QLatin1String("asc") && f.order != QLatin1String("desc"))
        throw ApiError::invalidField(QStringLiteral("order"), QStringLiteral("invalid_choice"),
                                     QStringLiteral("order is asc or desc."));
    f.key = value("key");
    f.key2 = value("key2");
    f.part = value("part");
    if (!f.part.isEmpty() && f.part != QLatin1String("numerator") &&
        f.part != QLatin1String("denominator"))
        throw ApiError::invalidField(QStringLiteral("part"), QStringLiteral("invalid_choice"),
                                     QStringLiteral("part is numerator or denominator."));
    f.after = value("after");
    return f;
}

void narrowToKey(AnalyticsFilter &filter, const QString &dimension, const QString &key,
                 const char *field)
{
    const auto id = [&]() {
        bool ok = false;
        const qint64 v = key.toLongLong(&ok);
        if (!ok || v <= 0)
            throw ApiError::invalidField(QString::fromLatin1(field), QStringLiteral("invalid_key"),
                                         QStringLiteral("The %1 key is an id.").arg(dimension));
        return v;
    };
    if (dimension == QLatin1String(Dimension::Month)) {
        filter.from = filter.to = parseMonth(key, field);
    } else if (dimension == QLatin1String(Dimension::Entity)) {
        // Entity keys are codes; the service resolves them (it knows the entities).
        filter.key = key;
    } else if (dimension == QLatin1String(Dimension::Practice)) {
        filter.practiceId = key == QLatin1String("none") ? -1 : id();
    } else if (dimension == QLatin1String(Dimension::Client)) {
        filter.clientId = id();
    } else if (dimension == QLatin1String(Dimension::Project)) {
        filter.projectId = id();
    } else if (dimension == QLatin1String(Dimension::Person)) {
        filter.personId = id();
    }
}

} // namespace keel
