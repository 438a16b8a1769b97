#include "revenue_forecast_service.h"

#include "billing/billing_run_access.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "period.h"
#include "permissions.h"
#include "revenue_forecast_store.h"
#include "revenue_obligation_store.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

namespace keel {

using billing_run_access::covers;

namespace {

Money moneyOf(const QString &amount, const Currency &c)
{
    const auto d = Decimal::parse(amount);
    return d ? Money::fromDecimal(*d, c).valueOr(Money::zero(c)) : Money::zero(c);
}

QJsonObject json(const Money &m)
{
    return {{"amount", m.toString()}, {"currency", m.currency().code()}};
}

Money sum(const Money &a, const Money &b)
{
    return a.add(b).valueOr(a);
}

// Amounts of many currencies in one: each at the rate of its month's end (the latest rate on or
// before it), looked up once per currency and month.
class RevenueConverter
{
public:
    RevenueConverter(QSqlDatabase db, Currency target) : m_db(db), m_target(std::move(target)) {}

    std::optional<Money> convert(const Money &amount, QDate month)
    {
        if (amount.currency() == m_target)
            return amount;
        const QDate end = month.addMonths(1).addDays(-1);
        const QString key = amount.currency().code() + end.toString(Qt::ISODate);
        auto it = m_rates.find(key);
        if (it == m_rates.end())
            it =
                m_rates.insert(key, fxRateOn(m_db, amount.currency().code(), m_target.code(), end));
        if (!*it) {
            const QString pair = amount.currency().code() + QStringLiteral("→") + m_target.code();
            if (!m_missing.contains(pair))
                m_missing.append(pair);
            return std::nullopt;
        }
        return amount.convert((*it)->rate, m_target).valueOr(Money::zero(m_target));
    }
    QJsonArray missing() const { return QJsonArray::fromStringList(m_missing); }
    const Currency &target() const { return m_target; }

private:
    QSqlDatabase m_db;
    Currency m_target;
    QHash<QString, std::optional<FxRate>> m_rates;
    QStringList m_missing;
};

Period periodParam(const Request &request, const QString &name, const Period &fallback)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return fallback;
    const auto p = Period::fromString(text);
    if (!p)
        throw ApiError::invalidField(name, QStringLiteral("invalid_format"),
                                     QStringLiteral("a month YYYY-MM"));
    return *p;
}

struct RevenueScope
{
    QList<qint64> entities;
    qint64 entityId = 0;
    Currency currency;
    QString currencyMode;
};

// The entities a forecast covers and the currency it is shown in.
RevenueScope scopeOf(const Request &request, QSqlDatabase db)
{
    const QStringList codes =
        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse));
    RevenueScope s;
    s.entityId = billing_run_access::entityFilter(request, db, codes);
    s.currencyMode = request.query.queryItemValue(QStringLiteral("currency"));
    if (s.currencyMode.isEmpty())
        s.currencyMode = s.entityId ? QStringLiteral("entity") : QStringLiteral("group");
    if (s.currencyMode != QLatin1String("entity") && s.currencyMode != QLatin1String("group"))
        throw ApiError::invalidField(QStringLiteral("currency"), QStringLiteral("invalid_value"),
                                     QStringLiteral("entity or group"));
    if (s.currencyMode == QLatin1String("entity") && !s.entityId)
        throw ApiError::invalidField(QStringLiteral("currency"), QStringLiteral("invalid_value"),
                                     QStringLiteral("entity currency needs legal_entity_id"));
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT e.id, e.code, e.functional_currency, g.group_currency FROM "
                       "legal_entities e LEFT JOIN group_settings g ON true ORDER BY e.id"),
        {});
    QString currency;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!covers(codes, q.value(1).toString()) || (s.entityId && s.entityId != id))
            continue;
        s.entities << id;
        currency = s.currencyMode == QLatin1String("group") ? q.value(3).toString()
                                                            : q.value(2).toString();
    }
    if (s.entities.isEmpty())
        throw ApiError::notFound(QStringLiteral("No legal entity to forecast."));
    s.currency = Currency::fromCode(currency).valueOr(Currency::fromCode(u"USD").value());
    return s;
}

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts << QString::number(id);
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

QJsonObject RevenueForecastService::schedule(const Request &request, qint64 contractId) const
{
    QSqlDatabase db = this->db();
    QSqlQuery q = db::query(db, QStringLiteral(R"(
SELECT c.id, c.legal_entity_id, e.code, c.number, c.title, c.currency, c.start_date, c.end_date,
       (SELECT min(p.id) FROM projects p WHERE p.contract_id = c.id), c.status
FROM contracts c JOIN legal_entities e ON e.id = c.legal_entity_id WHERE c.id = ?)"),
                            {contractId});
    if (!q.next() ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)),
                q.value(2).toString()))
        throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(contractId));
    const qint64 entityId = q.value(1).toLongLong();
    const QString currencyCode = q.value(5).toString();
    const Currency currency = Currency::fromCode(currencyCode).value();
    const qint64 projectId = q.value(8).toLongLong();
    QJsonObject out{{"contract_id", QString::number(contractId)},
                    {"legal_entity_id", QString::number(entityId)},
                    {"legal_entity", q.value(2).toString()},
                    {"number", q.value(3).toString()},
                    {"title", q.value(4).toString()},
                    {"currency", currencyCode},
                    {"start_date", q.value(6).toDate().toString(Qt::ISODate)},
                    {"end_date", q.value(7).toDate().toString(Qt::ISODate)},
                    {"status", q.value(9).toString()}};
    {
        db::Transaction tx(db);
        revenue_obligation_store::sync(db, entityId, contractId);
        tx.commit();
    }

    // The last measure of each obligation.
    QHash<qint64, QJsonObject> measured;
    QSqlQuery m = db::query(db, QStringLiteral(R"(
SELECT DISTINCT ON (r.obligation_id) r.obligation_id, to_char(r.period_start, 'YYYY-MM'),
       r.percent_complete::text, r.measure_to_date::text, r.measure_at_completion::text,
       r.cumulative_revenue::text, r.loss_provision::text
FROM revenue_recognitions r WHERE r.contract_id = ?
ORDER BY r.obligation_id, r.period_start DESC)"),
                            {contractId});
    while (m.next())
        measured.insert(
            m.value(0).toLongLong(),
            {{"last_period", m.value(1).toString()},
             {"percent_complete",
              Decimal::parse(m.value(2).toString()).valueOr(Decimal()).rounded(2).toString(2)},
             {"measure_to_date", m.value(3).toString()},
             {"measure_at_completion", m.value(4).toString()},
             {"recognised_to_date", json(moneyOf(m.value(5).toString(), currency))},
             {"loss_provision", json(moneyOf(m.value(6).toString(), currency))}});

    const QList<RevenueMonthRow> rows =
        revenue_forecast_store::months(db, QStringLiteral("o.contract_id = ?"), {contractId},
                                       QDate(1900, 1, 1), QDate(2999, 12, 1));
    QHash<qint64, QJsonArray> monthsOf;
    QMap<QDate, std::pair<Money, Money>> total; // actual, forecast
    for (const RevenueMonthRow &r : rows) {
        const Money a = moneyOf(r.amount, currency);
        monthsOf[r.obligationId].append(
            QJsonObject{{"period", r.month.toString(QStringLiteral("yyyy-MM"))},
                        {"kind", r.actual ? QStringLiteral("actual") : QStringLiteral("forecast")},
                        {"amount", json(a)}});
        auto it = total.find(r.month);
        if (it == total.end())
            it = total.insert(r.month, {Money::zero(currency), Money::zero(currency)});
        (r.actual ? it->first : it->second) = sum(r.actual ? it->first : it->second, a);
    }

    QJsonArray obligations;
    const QJsonArray list =
        revenue_obligation_store::list(db, {QStringLiteral("*")}, entityId, contractId, 0, 500);
    for (const QJsonValue &v : list) {
        QJsonObject o = v.toObject();
        const qint64 id = o.value("id").toString().toLongLong();
        const QJsonObject last = measured.value(id);
        for (auto it = last.begin(); it != last.end(); ++it)
            o.insert(it.key(), it.value());
        if (!last.contains("recognised_to_date")) {
            o.insert("recognised_to_date", json(Money::zero(currency)));
            o.insert("percent_complete", QStringLiteral("0.00"));
        }
        const QString method = o.value("method").toString();
        if (method == QLatin1String("poc_cost") && last.contains("measure_at_completion"))
            o.insert("estimate_at_completion",
                     json(moneyOf(last.value("measure_at_completion").toString(), currency)));
        o.insert("months", monthsOf.value(id));
        obligations.append(o);
    }
    out.insert("obligations", obligations);

    QJsonArray months;
    for (auto it = total.begin(); it != total.end(); ++it)
        months.append(QJsonObject{{"period", it.key().toString(QStringLiteral("yyyy-MM"))},
                                  {"actual", json(it->first)},
                                  {"forecast", json(it->second)}});
    out.insert("months", months);

    const auto p = revenue_forecast_store::position(db, entityId, projectId, currencyCode);
    const Money recognised = moneyOf(p.revenue, currency);
    const Money asset = moneyOf(p.asset, currency);
    const Money liability = moneyOf(p.liability, currency);
    // Everything invoiced moved the asset down or the liability up against recognised revenue.
    const Money billed = sum(recognised.subtract(asset).valueOr(recognised), liability);
    out.insert("recognised_to_date", json(recognised));
    out.insert("billed_to_date", json(billed));
    out.insert("contract_asset", json(asset));
    out.insert("contract_liability", json(liability));
    out.insert("loss_provision", json(moneyOf(p.provision, currency)));
    return out;
}

QJsonObject RevenueForecastService::forecast(const Request &request) const
{
    QSqlDatabase db = this->db();
    const QDate today = QDate::currentDate();
    const Period from = periodParam(request, QStringLiteral("from"), Period(today.year(), 1));
    const Period to = periodParam(request, QStringLiteral("to"),
                                  Period::fromDate(QDate(today.year(), 1, 1).addMonths(17)));
    if (to.firstDay() < from.firstDay() || from.firstDay().addMonths(60) <= to.firstDay())
        throw ApiError::invalidField(QStringLiteral("to"), QStringLiteral("invalid_value"),
                                     QStringLiteral("from 'from' to at most 60 months after it"));
    const RevenueScope s = scopeOf(request, db);
    const QList<RevenueMonthRow> rows =
        revenue_forecast_store::months(db, QStringLiteral("o.legal_entity_id = ANY (?::bigint[])"),
                                       {idArray(s.entities)}, from.firstDay(), to.firstDay());
    RevenueConverter fx(db, s.currency);
    QMap<QDate, std::pair<Money, Money>> total;
    for (QDate m = from.firstDay(); m <= to.firstDay(); m = m.addMonths(1))
        total.insert(m, {Money::zero(s.currency), Money::zero(s.currency)});
    for (const RevenueMonthRow &r : rows) {
        const auto c = Currency::fromCode(r.currency);
        if (!c)
            continue;
        const auto converted = fx.convert(moneyOf(r.amount, *c), r.month);
        if (!converted)
            continue;
        auto &slot = total[r.month];
        (r.actual ? slot.first : slot.second) =
            sum(r.actual ? slot.first : slot.second, *converted);
    }
    QJsonArray months;
    Money actual = Money::zero(s.currency), forecast = Money::zero(s.currency);
    for (auto it = total.begin(); it != total.end(); ++it) {
        const QString period = it.key().toString(QStringLiteral("yyyy-MM"));
        months.append(QJsonObject{
            {"period", period},
            {"actual", json(it->first)},
            {"forecast", json(it->second)},
            {"total", json(sum(it->first, it->second))},
            {"contracts_href", QStringLiteral("/revenue/forecast/%1/contracts").arg(period)}});
        actual = sum(actual, it->first);
        forecast = sum(forecast, it->second);
    }
    return {
        {"scope", s.entityId ? QStringLiteral("entity") : QStringLiteral("group")},
        {"legal_entity_id", s.entityId ? QJsonValue(QString::number(s.entityId)) : QJsonValue()},
        {"currency", s.currency.code()},
        {"from", from.toString()},
        {"to", to.toString()},
        {"months", months},
        {"actual", json(actual)},
        {"forecast", json(forecast)},
        {"missing_rates", fx.missing()}};
}

QJsonObject RevenueForecastService::monthContracts(const Request &request,
                                                   const QString &periodText) const
{
    const auto period = Period::fromString(periodText);
    if (!period)
        throw ApiError::notFound(QStringLiteral("There is no month %1.").arg(periodText));
    QSqlDatabase db = this->db();
    const PageRequest page = PageRequest::from(request);
    const RevenueScope s = scopeOf(request, db);
    const QList<RevenueMonthRow> rows = revenue_forecast_store::months(
        db, QStringLiteral("o.legal_entity_id = ANY (?::bigint[]) AND o.contract_id > ?"),
        {idArray(s.entities), page.after}, period->firstDay(), period->firstDay());
    RevenueConverter fx(db, s.currency);
    struct ContractMonth
    {
        Money actual, forecast;
        QString currency;
    };
    QMap<qint64, ContractMonth> byContract;
    for (const RevenueMonthRow &r : rows) {
        const auto c = Currency::fromCode(r.currency);
        if (!c)
            continue;
        const auto converted = fx.convert(moneyOf(r.amount, *c), r.month);
        if (!converted)
            continue;
        auto it = byContract.find(r.contractId);
        if (it == byContract.end())
            it = byContract.insert(r.contractId,
                                   {Money::zero(s.currency), Money::zero(s.currency), r.currency});
        (r.actual ? it->actual : it->forecast) =
            sum(r.actual ? it->actual : it->forecast, *converted);
    }
    QStringList ids;
    for (auto it = byContract.begin(); it != byContract.end() && ids.size() < page.limit; ++it)
        ids << QString::number(it.key());
    QHash<qint64, QJsonObject> info;
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT c.id, c.number, c.title, e.code, a.name FROM "
                                           "contracts c JOIN legal_entities e ON e.id = "
                                           "c.legal_entity_id JOIN accounts a ON a.id = "
                                           "c.account_id WHERE c.id = ANY (?::bigint[])"),
                            {u'{' + ids.join(u',') + u'}'});
    while (q.next())
        info.insert(q.value(0).toLongLong(), {{"number", q.value(1).toString()},
                                              {"title", q.value(2).toString()},
                                              {"legal_entity", q.value(3).toString()},
                                              {"client", q.value(4).toString()}});
    QJsonArray items;
    for (const QString &id : ids) {
        const ContractMonth &c = byContract[id.toLongLong()];
        QJsonObject o = info.value(id.toLongLong());
        o.insert("contract_id", id);
        o.insert("contract_currency", c.currency);
        o.insert("actual", json(c.actual));
        o.insert("forecast", json(c.forecast));
        o.insert("total", json(sum(c.actual, c.forecast)));
        o.insert("schedule_href", QStringLiteral("/revenue/contracts/%1/schedule").arg(id));
        items.append(o);
    }
    QJsonObject out = page.page(items);
    out.insert("period", period->toString());
    out.insert("currency", s.currency.code());
    out.insert("missing_rates", fx.missing());
    return out;
}

} // namespace keel
