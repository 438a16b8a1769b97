#include "planner_service.h"

#include "employee_access.h"
#include "http/http_types.h"
#include "json_codec.h"

namespace keel {

namespace {
int intParam(const Request &request, const QString &name, int fallback, int min, int max)
{
    const QString v = request.query.queryItemValue(name);
    if (v.isEmpty())
        return fallback;
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < min || n > max)
        throw ApiError::invalidField(
            name, FieldErrorCode::InvalidValue,
            QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
    return n;
}
} // namespace

QByteArray PlannerService::planner(const Request &request) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    QDate from = QDate::currentDate();
    const QString fromText = request.query.queryItemValue(QStringLiteral("from"));
    if (!fromText.isEmpty()) {
        const auto d = parseDate(fromText);
        if (!d)
            throw ApiError::invalidField(QStringLiteral("from"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a date YYYY-MM-DD"));
        from = *d;
    }
    const QDate monday = from.addDays(1 - from.dayOfWeek());
    const int weeks = intParam(request, QStringLiteral("weeks"), 26, 1, 53);
    const int limit = intParam(request, QStringLiteral("limit"), 200, 1, 1000);
    const QString afterText = request.query.queryItemValue(QStringLiteral("after"));
    qint64 after = 0;
    if (!afterText.isEmpty()) {
        bool ok = false;
        after = afterText.toLongLong(&ok);
        if (!ok || after < 0)
            throw ApiError::invalidField(QStringLiteral("after"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("an employee id"));
    }
    PlannerFilter f;
    f.visibleSql = caller.visibleEmployeesSql(f.visibleBinds);
    f.practice = request.query.queryItemValue(QStringLiteral("practice"));
    f.skill = request.query.queryItemValue(QStringLiteral("skill"));
    f.country = request.query.queryItemValue(QStringLiteral("country"));
    f.role = request.query.queryItemValue(QStringLiteral("role"));
    f.legalEntity = request.query.queryItemValue(QStringLiteral("legal_entity"));
    f.minSkillLevel = intParam(request, QStringLiteral("min_level"), 1, 1, 5);
    return m_store.planner(f, monday, weeks, after, limit);
}

} // namespace keel
