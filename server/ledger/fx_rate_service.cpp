#include "fx_rate_service.h"

#include "audit/audit_log.h"
#include "fx_rate_csv.h"
#include "fx_rates.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"

#include <QJsonArray>

namespace keel {

namespace {

QString rateKey(const FxRateRow &r)
{
    return QStringLiteral("%1:%2:%3").arg(r.from, r.to, r.date.toString(Qt::ISODate));
}

QJsonObject rateJson(const FxRateRow &r)
{
    return {{"id", rateKey(r)},    {"from_currency", r.from},
            {"to_currency", r.to}, {"rate_date", dateToJson(r.date)},
            {"rate", r.rate},      {"source", r.source}};
}

QDate queryDate(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return {};
    const auto d = parseDate(text);
    if (!d)
        throw ApiError::invalidField(name, QStringLiteral("invalid_value"),
                                     QStringLiteral("a date YYYY-MM-DD"));
    return *d;
}

QString queryCurrency(const Request &request, const QString &name, bool required)
{
    const QString code = request.query.queryItemValue(name).trimmed();
    if (code.isEmpty() && !required)
        return {};
    if (code.isEmpty())
        throw ApiError::invalidField(name, QStringLiteral("required"),
                                     QStringLiteral("a currency code such as USD"));
    if (const auto p = fxCurrencyProblem(code))
        throw ApiError::invalidField(name, QStringLiteral("invalid_value"), *p);
    return code;
}

// "FROM:TO:YYYY-MM-DD", the id of the row a page ends with.
std::optional<FxRateCursor> cursorOf(const Request &request)
{
    const QString text = request.query.queryItemValue(QStringLiteral("after"));
    if (text.isEmpty())
        return std::nullopt;
    const QStringList parts = text.split(u':');
    const QDate d = parts.size() == 3 ? parseDate(parts.at(2)).valueOr(QDate()) : QDate();
    if (!d.isValid() || fxCurrencyProblem(parts.at(0)) || fxCurrencyProblem(parts.at(1)))
        throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                     QStringLiteral("the id of a rate, FROM:TO:YYYY-MM-DD"));
    return FxRateCursor{parts.at(0), parts.at(1), d};
}

QJsonObject groupJson(const FxGroupRow &g)
{
    return {{"group_currency", g.groupCurrency},
            {"intercompany_markup", g.markup},
            {"version", g.version}};
}

} // namespace

QJsonObject FxRateService::list(const Request &request) const
{
    FxRateFilter f;
    f.from = queryCurrency(request, QStringLiteral("from_currency"), false);
    f.to = queryCurrency(request, QStringLiteral("to_currency"), false);
    f.fromDate = queryDate(request, QStringLiteral("from"));
    f.toDate = queryDate(request, QStringLiteral("to"));
    f.after = cursorOf(request);
    // PageRequest reads limit; `after` is this list's own cursor, not a number.
    Request limitOnly = request;
    limitOnly.query.removeAllQueryItems(QStringLiteral("after"));
    const PageRequest page = PageRequest::from(limitOnly);
    f.limit = page.limit;
    QJsonArray items;
    for (const FxRateRow &r : m_store.list(f))
        items.append(rateJson(r));
    return page.page(items);
}

QJsonObject FxRateService::put(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    FxRateRow r;
    r.from = in.requiredString(QStringLiteral("from_currency"));
    r.to = in.requiredString(QStringLiteral("to_currency"));
    r.date = in.requiredDate(QStringLiteral("rate_date"));
    // The rate is read as text: it may have up to 10 decimal places (Decimal holds 6).
    const QJsonValue rate = body.value(QStringLiteral("rate"));
    r.source = QStringLiteral("manual");
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    for (const auto &[field, code] : {std::pair{QStringLiteral("from_currency"), r.from},
                                      std::pair{QStringLiteral("to_currency"), r.to}})
        if (const auto p = fxCurrencyProblem(code))
            in.addError(field, "invalid_value", *p);
    if (in.ok() && r.from == r.to)
        in.addError(QStringLiteral("to_currency"), "same_currency",
                    QStringLiteral("from and to are both %1").arg(r.from));
    if (!rate.isString())
        in.addError(QStringLiteral("rate"), rate.isUndefined() ? "required" : "invalid_type",
                    QStringLiteral("a decimal string such as \"0.7912\""));
    else if (const auto p = fxRateProblem(rate.toString()))
        in.addError(QStringLiteral("rate"), "invalid_value", *p);
    else
        r.rate = rate.toString();
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const auto before = m_store.find(r.from, r.to, r.date);
    m_store.upsert({r});
    const FxRateRow after = *m_store.find(r.from, r.to, r.date);
    AuditEntry a = AuditEntry::from(request, QStringLiteral("fx_rate.set"),
                                    QStringLiteral("fx_rate"), rateKey(after));
    if (before)
        a.before = rateJson(*before);
    a.after = rateJson(after);
    appendAudit(m_store.db(), a);
    tx.commit();
    QJsonObject out = rateJson(after);
    out.insert(QStringLiteral("replaced"), before.has_value());
    return out;
}

QJsonObject FxRateService::import(const Request &request) const
{
    const QByteArray type = request.header("Content-Type").split(';').first().trimmed().toLower();
    if (type != "text/csv")
        throw ApiError::unsupportedMediaType(
            QStringLiteral("A rate file is text/csv: date,from,to,rate."));
    const FxRateCsv csv = parseFxRateCsv(request.body);
    if (!csv.errors.isEmpty())
        throw ApiError::invalid(csv.errors, QStringLiteral("Nothing was imported."));
    db::Transaction tx(m_store.db());
    const int replaced = m_store.upsert(csv.rows);
    QJsonArray rates;
    for (const FxRateRow &r : csv.rows)
        rates.append(QJsonArray{dateToJson(r.date), r.from, r.to, r.rate});
    AuditEntry a = AuditEntry::from(request, QStringLiteral("fx_rate.import"),
                                    QStringLiteral("fx_rate"), QStringLiteral("import"));
    a.after = QJsonObject{{"rates", rates}, {"replaced", replaced}};
    appendAudit(m_store.db(), a);
    tx.commit();
    return {{"imported", int(csv.rows.size())},
            {"inserted", int(csv.rows.size()) - replaced},
            {"replaced", replaced}};
}

QJsonObject FxRateService::rateOn(const Request &request) const
{
    const QString from = queryCurrency(request, QStringLiteral("from_currency"), true);
    const QString to = queryCurrency(request, QStringLiteral("to_currency"), true);
    QDate date = queryDate(request, QStringLiteral("date"));
    if (!date.isValid())
        date = QDate::currentDate();
    const auto rate = fxRateOn(m_store.db(), from, to, date);
    if (!rate)
        throw ApiError::notFound(QStringLiteral("There is no %1→%2 rate on or before %3.")
                                     .arg(from, to, date.toString(Qt::ISODate)));
    return {{"from_currency", from},
            {"to_currency", to},
            {"date", dateToJson(date)},
            {"rate_date", dateToJson(rate->rateDate)},
            {"rate", rate->rate.toString()}};
}

QJsonObject FxRateService::group() const
{
    const auto g = m_store.group(false);
    if (!g)
        throw ApiError::notFound(QStringLiteral("The group has no settings."));
    return groupJson(*g);
}

QJsonObject FxRateService::patchGroup(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const auto currency = in.optionalString(QStringLiteral("group_currency"));
    const QJsonValue markup = body.value(QStringLiteral("intercompany_markup"));
    if (currency)
        if (const auto p = fxCurrencyProblem(*currency))
            in.addError(QStringLiteral("group_currency"), "invalid_value", *p);
    std::optional<Decimal> m;
    if (!markup.isUndefined() && !markup.isNull()) {
        if (markup.isString())
            if (const auto d = Decimal::parse(markup.toString()))
                m = *d;
        // numeric(8, 6): below 100, at most 6 places, and never negative.
        if (!m || m->isNegative() || *m >= Decimal::fromInt(100))
            in.addError(QStringLiteral("intercompany_markup"), "invalid_value",
                        QStringLiteral("a decimal string from \"0\" to below \"100\" with at most "
                                       "6 places (0.10 is 10 %)"));
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const auto before = m_store.group(true);
    if (!before)
        throw ApiError::notFound(QStringLiteral("The group has no settings."));
    requireVersion(request, body, before->version);
    FxGroupRow next = *before;
    if (currency)
        next.groupCurrency = *currency;
    if (m)
        next.markup = m->toString();
    m_store.updateGroup(next);
    const FxGroupRow after = *m_store.group(false);
    AuditEntry a = AuditEntry::from(request, QStringLiteral("group_settings.update"),
                                    QStringLiteral("group_settings"), QStringLiteral("group"));
    a.before = groupJson(*before);
    a.after = groupJson(after);
    appendAudit(m_store.db(), a);
    tx.commit();
    return groupJson(after);
}

} // namespace keel
