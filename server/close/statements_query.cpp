#include "statements_query.h"

#include "http/http_types.h"
#include "json_codec.h"

namespace keel {

namespace {

bool isMonthEnd(QDate d)
{
    return d.addDays(1).day() == 1;
}

QDate monthEnd(QDate d)
{
    return QDate(d.year(), d.month(), d.daysInMonth());
}

} // namespace

QList<FinancialStatementColumn> financialStatementColumns(QDate from, QDate to,
                                                          const QStringList &compare)
{
    QList<FinancialStatementColumn> out{{QStringLiteral("current"), from, to}};
    if (compare.contains(QLatin1String("previous_period"))) {
        if (from.day() == 1 && isMonthEnd(to)) {
            const int months = (to.year() - from.year()) * 12 + to.month() - from.month() + 1;
            out.append(
                {QStringLiteral("previous_period"), from.addMonths(-months), from.addDays(-1)});
        } else {
            const qint64 days = from.daysTo(to) + 1;
            out.append({QStringLiteral("previous_period"), from.addDays(-days), from.addDays(-1)});
        }
    }
    if (compare.contains(QLatin1String("previous_year"))) {
        const QDate prevTo = isMonthEnd(to) ? monthEnd(to.addYears(-1)) : to.addYears(-1);
        out.append({QStringLiteral("previous_year"), from.addYears(-1), prevTo});
    }
    return out;
}

FinancialStatementQuery parseFinancialStatementQuery(const Request &request)
{
    QList<FieldError> errors;
    const auto param = [&](const char *name) {
        return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded)
            .trimmed();
    };
    FinancialStatementQuery q;
    const QString kind = param("kind");
    if (kind.isEmpty())
        errors.append({QStringLiteral("kind"), FieldErrorCode::Required,
                       QStringLiteral("profit_and_loss or balance_sheet")});
    else if (kind != QLatin1String("profit_and_loss") && kind != QLatin1String("balance_sheet"))
        errors.append({QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                       QStringLiteral("profit_and_loss or balance_sheet")});
    q.balanceSheet = kind == QLatin1String("balance_sheet");

    const QString entity = param("legal_entity_id");
    bool numeric = false;
    const qint64 id = entity.toLongLong(&numeric);
    if (entity.isEmpty())
        errors.append({QStringLiteral("legal_entity_id"), FieldErrorCode::Required,
                       QStringLiteral("an entity id or group")});
    else if (entity == QLatin1String("group"))
        q.group = true;
    else if (!numeric || id <= 0)
        errors.append({QStringLiteral("legal_entity_id"), FieldErrorCode::InvalidValue,
                       QStringLiteral("an entity id or group")});
    else
        q.entityId = id;

    const auto date = [&](const char *name) -> QDate {
        const QString text = param(name);
        if (text.isEmpty())
            return {};
        const auto d = parseDate(text);
        if (!d) {
            errors.append({QString::fromLatin1(name), FieldErrorCode::InvalidValue,
                           QStringLiteral("a date YYYY-MM-DD")});
            return {};
        }
        return *d;
    };
    const QDate to = date("to");
    QDate from = date("from");
    if (to.isValid() && !from.isValid() && param("from").isEmpty())
        from = QDate(to.year(), to.month(), 1);
    if (!to.isValid() && param("to").isEmpty())
        errors.append(
            {QStringLiteral("to"), FieldErrorCode::Required, QStringLiteral("a date YYYY-MM-DD")});
    if (from.isValid() && to.isValid()) {
        if (to < from)
            errors.append({QStringLiteral("to"), QStringLiteral("before_start"),
                           QStringLiteral("to is on or after from")});
        else if (from.daysTo(to) > 3660 || from.year() < 1900 || to.year() > 9000)
            errors.append({QStringLiteral("from"), QStringLiteral("out_of_range"),
                           QStringLiteral("at most ten years from 1900 on")});
    }

    QStringList compare;
    for (const QString &c : param("compare").split(u',', Qt::SkipEmptyParts)) {
        const QString k = c.trimmed();
        if (k != QLatin1String("previous_period") && k != QLatin1String("previous_year"))
            errors.append({QStringLiteral("compare"), FieldErrorCode::InvalidValue,
                           QStringLiteral("previous_period and / or previous_year")});
        else
            compare.append(k);
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
    q.columns = financialStatementColumns(from, to, compare);
    return q;
}

} // namespace keel
