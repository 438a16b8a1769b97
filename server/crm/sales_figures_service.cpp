#include "sales_figures_service.h"

#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "money.h"
#include "period.h"
#include "permissions.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace keel {

namespace {

QString param(const Request &request, const char *name)
{
    return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).trimmed();
}

// Money JSON from an amount SQL rounded at the minor unit already.
QJsonObject moneyJson(const QString &amount, const QString &currency)
{
    if (const auto m = Money::parse(amount, currency))
        return moneyToJson(*m);
    return {{"amount", amount}, {"currency", currency}}; // a currency Keel's table lacks
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject pageOf(const QJsonArray &items, const PageRequest &page, qint64 lastId)
{
    QJsonObject o{{"items", items}};
    if (items.size() == page.limit)
        o.insert("next_after", idToJson(lastId));
    return o;
}

QJsonArray pipelineRows(const QList<PipelineFigure> &rows, bool withPeriod)
{
    QJsonArray out;
    for (const PipelineFigure &r : rows) {
        QJsonObject o{{"currency", r.currency},
                      {"count", r.count},
                      {"value", moneyJson(r.value, r.currency)},
                      {"weighted_value", moneyJson(r.weighted, r.currency)}};
        if (withPeriod)
            o.insert("period", r.period);
        out.append(o);
    }
    return out;
}

QJsonObject winRateJson(const WinRateFigure &r)
{
    return {{"won", r.won}, {"lost", r.lost}, {"win_rate", textOrNull(r.rate)}};
}

QJsonArray bookingRows(const QList<BookingFigure> &rows, bool withPeriod)
{
    QJsonArray out;
    for (const BookingFigure &r : rows) {
        QJsonObject o{{"legal_entity", r.entity},
                      {"currency", r.currency},
                      {"count", r.count},
                      {"value", moneyJson(r.value, r.currency)}};
        if (withPeriod)
            o.insert("period", r.period);
        out.append(o);
    }
    return out;
}

QJsonObject cycleJson(const CycleFigure &r)
{
    return {
        {"won", r.count}, {"total_days", r.totalDays}, {"average_days", textOrNull(r.averageDays)}};
}

} // namespace

SalesFiguresFilter SalesFiguresService::filter(const Request &request, bool drillDown) const
{
    SalesFiguresFilter f;
    const QStringList scope =
        request.caller().entitiesFor(QString::fromLatin1(Permission::SalesUse));
    f.allEntities = scope.contains(QStringLiteral("*"));
    f.entityScope = scope;
    QList<FieldError> errors;
    const auto fail = [&](const char *field, const QString &code, const QString &message) {
        errors.append(FieldError{QString::fromLatin1(field), code, message});
    };

    f.entity = param(request, "entity");
    if (!f.entity.isEmpty() && !m_store.entityExists(f.entity))
        fail("entity", QStringLiteral("unknown"), QStringLiteral("no legal entity has this code"));
    if (const QString v = param(request, "practice"); !v.isEmpty()) {
        if (const auto id = m_store.practiceId(v))
            f.practiceId = *id;
        else
            fail("practice", QStringLiteral("unknown"), QStringLiteral("no such practice"));
    }
    if (const QString v = param(request, "service_line"); v == QLatin1String("none")) {
        f.noServiceLine = true;
    } else if (!v.isEmpty()) {
        if (const auto id = m_store.serviceLineId(v))
            f.serviceLineId = *id;
        else
            fail("service_line", QStringLiteral("unknown"),
                 QStringLiteral("no such service line (or \"none\")"));
    }
    Period from;
    Period to;
    for (const char *name : {"from", "to"}) {
        const QString v = param(request, name);
        if (v.isEmpty())
            continue;
        const auto p = Period::fromString(v);
        if (!p)
            fail(name, QString::fromLatin1(FieldErrorCode::InvalidValue),
                 QStringLiteral("a period YYYY-MM"));
        else
            (qstrcmp(name, "from") == 0 ? from : to) = *p;
    }
    if (from.isValid() && to.isValid() && to < from)
        fail("to", QString::fromLatin1(FieldErrorCode::InvalidValue),
             QStringLiteral("not before from"));
    if (drillDown) {
        if (const QString v = param(request, "period"); !v.isEmpty()) {
            if (const auto p = Period::fromString(v))
                from = to = *p;
            else
                fail("period", QString::fromLatin1(FieldErrorCode::InvalidValue),
                     QStringLiteral("a period YYYY-MM"));
        }
        f.currency = param(request, "currency");
        static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
        if (!f.currency.isEmpty() && !code.match(f.currency).hasMatch())
            fail("currency", QString::fromLatin1(FieldErrorCode::InvalidValue),
                 QStringLiteral("an ISO 4217 code"));
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
    if (!f.entity.isEmpty() && !f.allEntities && !scope.contains(f.entity))
        throw ApiError::forbidden(
            QStringLiteral("You may not see the sales figures of legal entity %1.").arg(f.entity));
    if (from.isValid())
        f.from = from.firstDay();
    if (to.isValid())
        f.to = to.lastDay();
    return f;
}

QJsonObject SalesFiguresService::weightedPipeline(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, false);
    return {{"rows", pipelineRows(m_store.pipeline(f), true)},
            {"totals", pipelineRows(m_store.pipeline(f, false), false)}};
}

QJsonObject SalesFiguresService::weightedPipelineRecords(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, true);
    const PageRequest page = PageRequest::from(request);
    QJsonArray items;
    qint64 last = 0;
    for (const PipelineRecord &r : m_store.pipelineRecords(f, page.after, page.limit)) {
        items.append(QJsonObject{{"id", idToJson(r.id)},
                                 {"name", r.name},
                                 {"legal_entity", r.entity},
                                 {"expected_close", dateToJson(r.expectedClose)},
                                 {"stage", r.stage},
                                 {"probability", r.probability},
                                 {"expected_value", moneyJson(r.value, r.currency)},
                                 {"weighted_value_exact", r.weightedExact}});
        last = r.id;
    }
    QJsonObject out = pageOf(items, page, last);
    out.insert("totals", pipelineRows(m_store.pipeline(f, false), false));
    return out;
}

QJsonObject SalesFiguresService::winRateByServiceLine(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, false);
    QJsonArray rows;
    for (const WinRateFigure &r : m_store.winRateByServiceLine(f)) {
        QJsonObject o = winRateJson(r);
        o.insert("service_line", textOrNull(r.key));
        o.insert("name", textOrNull(r.name));
        rows.append(o);
    }
    return {{"rows", rows}, {"total", winRateJson(m_store.winRateTotal(f))}};
}

QJsonObject SalesFiguresService::winRateByPeriod(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, false);
    QJsonArray rows;
    for (const WinRateFigure &r : m_store.winRateByPeriod(f)) {
        QJsonObject o = winRateJson(r);
        o.insert("period", r.key);
        rows.append(o);
    }
    return {{"rows", rows}, {"total", winRateJson(m_store.winRateTotal(f))}};
}

QJsonObject SalesFiguresService::winRateRecords(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, true);
    const PageRequest page = PageRequest::from(request);
    QJsonArray items;
    qint64 last = 0;
    for (const ClosedRecord &r : m_store.closedRecords(f, false, page.after, page.limit)) {
        items.append(QJsonObject{{"id", idToJson(r.id)},
                                 {"name", r.name},
                                 {"legal_entity", r.entity},
                                 {"outcome", r.won ? "won" : "lost"},
                                 {"created_on", dateToJson(r.createdOn)},
                                 {"closed_on", dateToJson(r.closedOn)},
                                 {"service_lines", QJsonArray::fromStringList(r.serviceLines)}});
        last = r.id;
    }
    QJsonObject out = pageOf(items, page, last);
    out.insert("total", winRateJson(m_store.winRateTotal(f)));
    return out;
}

QJsonObject SalesFiguresService::bookings(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, false);
    return {{"rows", bookingRows(m_store.bookings(f), true)},
            {"totals", bookingRows(m_store.bookings(f, false), false)}};
}

QJsonObject SalesFiguresService::bookingRecords(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, true);
    const PageRequest page = PageRequest::from(request);
    QJsonArray items;
    qint64 last = 0;
    for (const BookingRecord &r : m_store.bookingRecords(f, page.after, page.limit)) {
        items.append(QJsonObject{{"id", idToJson(r.id)},
                                 {"number", r.number},
                                 {"title", r.title},
                                 {"legal_entity", r.entity},
                                 {"signature_date", dateToJson(r.signatureDate)},
                                 {"value", moneyJson(r.value, r.currency)}});
        last = r.id;
    }
    QJsonObject out = pageOf(items, page, last);
    out.insert("totals", bookingRows(m_store.bookings(f, false), false));
    return out;
}

QJsonObject SalesFiguresService::salesCycle(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, false);
    QJsonArray rows;
    for (const CycleFigure &r : m_store.salesCycle(f)) {
        QJsonObject o = cycleJson(r);
        o.insert("period", r.period);
        rows.append(o);
    }
    return {{"rows", rows}, {"total", cycleJson(m_store.salesCycleTotal(f))}};
}

QJsonObject SalesFiguresService::salesCycleRecords(const Request &request) const
{
    const SalesFiguresFilter f = filter(request, true);
    const PageRequest page = PageRequest::from(request);
    QJsonArray items;
    qint64 last = 0;
    for (const ClosedRecord &r : m_store.closedRecords(f, true, page.after, page.limit)) {
        items.append(QJsonObject{{"id", idToJson(r.id)},
                                 {"name", r.name},
                                 {"legal_entity", r.entity},
                                 {"created_on", dateToJson(r.createdOn)},
                                 {"closed_on", dateToJson(r.closedOn)},
                                 {"days", r.days}});
        last = r.id;
    }
    QJsonObject out = pageOf(items, page, last);
    out.insert("total", cycleJson(m_store.salesCycleTotal(f)));
    return out;
}

} // namespace keel
