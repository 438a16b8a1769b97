#include "aging_service.h"

#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "receivables_values.h"

#include <QHash>
#include <QMap>

namespace keel {

using namespace receivables;

namespace {

const char *const kBuckets[] = {"current", "d1_30", "d31_60", "d61_90", "d90_plus", "total"};

struct Buckets
{
    QString currency;
    qint64 minor[6] = {0, 0, 0, 0, 0, 0};
    qint64 unapplied = 0;
    int invoices = 0;

    void add(const AgingRow &r)
    {
        const QString *v[] = {&r.current, &r.d1_30, &r.d31_60, &r.d61_90, &r.d90_plus, &r.total};
        for (int i = 0; i < 6; ++i)
            minor[i] += moneyOf(*v[i], currency).minorUnits();
        invoices += r.invoiceCount;
    }
    QJsonObject json() const
    {
        const Currency c = Currency::fromCode(currency).value();
        QJsonObject o{{"currency", currency}, {"invoice_count", invoices}};
        for (int i = 0; i < 6; ++i)
            o.insert(QLatin1String(kBuckets[i]), moneyToJson(*Money::fromMinor(minor[i], c)));
        o.insert("unapplied", moneyToJson(*Money::fromMinor(unapplied, c)));
        o.insert("net", moneyToJson(*Money::fromMinor(minor[5] - unapplied, c)));
        return o;
    }
};

QDate asOfOf(const Request &request)
{
    return queryDate(request, QStringLiteral("as_of")).value_or(QDate::currentDate());
}

bool functionalMode(const Request &request)
{
    const QString mode = request.query.queryItemValue(QStringLiteral("currency"));
    if (mode.isEmpty() || mode == QLatin1String("functional"))
        return true;
    if (mode == QLatin1String("transaction"))
        return false;
    throw ApiError::invalidField(QStringLiteral("currency"), "invalid_value",
                                 QStringLiteral("functional or transaction"));
}

} // namespace

std::optional<Decimal> receivables::dsoDays(const Decimal &receivable, const Decimal &revenue,
                                            int days)
{
    if (!revenue.isPositive())
        return std::nullopt;
    // Tenths of a day from the mantissas (same scale): dividing first and rounding to one place
    // afterwards would round twice.
    const auto numerator = receivable.mantissa() * days * 10;
    const auto denominator = revenue.mantissa();
    auto tenths = numerator / denominator;
    const auto rest = numerator % denominator;
    if (2 * (rest < 0 ? -rest : rest) >= denominator)
        tenths += numerator < 0 ? -1 : 1;
    const auto out = Decimal::fromMantissa(tenths * (Decimal::ScaleFactor / 10));
    if (!out)
        return std::nullopt;
    return *out;
}

QJsonObject AgingService::aging(const Request &request) const
{
    const EntityRef entity =
        visibleEntity(m_store.db(), request, queryEntity(request), Permission::FinanceUse);
    const QDate asOf = asOfOf(request);
    const bool functional = functionalMode(request);
    db::Transaction tx(m_store.db());
    m_store.withoutJit();
    // Clients in name order; a client with only unapplied cash still gets a row.
    QMap<std::pair<QString, QString>, std::pair<qint64, Buckets>> rows; // (name, currency)
    QMap<QString, Buckets> totals;
    const auto rowOf = [&](qint64 id, const QString &name, const QString &currency) -> Buckets & {
        auto &r = rows[{name + QChar(0) + QString::number(id), currency}];
        r.first = id;
        r.second.currency = currency;
        totals[currency].currency = currency;
        return r.second;
    };
    for (const AgingRow &r : m_store.aging(entity.id, asOf, functional)) {
        rowOf(r.accountId, r.accountName, r.currency).add(r);
        totals[r.currency].add(r);
    }
    for (const UnappliedRow &u : m_store.unapplied(entity.id, asOf, functional)) {
        const qint64 m = moneyOf(u.amount, u.currency).minorUnits();
        rowOf(u.accountId, u.accountName, u.currency).unapplied += m;
        totals[u.currency].unapplied += m;
    }
    tx.commit();
    QJsonArray clients, sums;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        QJsonObject o = it.value().second.json();
        o.insert("account_id", idToJson(it.value().first));
        o.insert("account_name", it.key().first.section(QChar(0), 0, 0));
        clients.append(o);
    }
    for (const Buckets &b : totals)
        sums.append(b.json());
    return {{"legal_entity_id", idToJson(entity.id)},
            {"legal_entity", entity.code},
            {"as_of", dateToJson(asOf)},
            {"currency", functional ? QStringLiteral("functional") : QStringLiteral("transaction")},
            {"clients", clients},
            {"totals", sums}};
}

QJsonObject AgingService::invoices(const Request &request, qint64 accountId) const
{
    const EntityRef entity =
        visibleEntity(m_store.db(), request, queryEntity(request), Permission::FinanceUse);
    const QDate asOf = asOfOf(request);
    const QString bucket = request.query.queryItemValue(QStringLiteral("bucket"));
    if (!bucket.isEmpty() && bucket != QLatin1String("total") &&
        !QStringList{"current", "d1_30", "d31_60", "d61_90", "d90_plus"}.contains(bucket))
        throw ApiError::invalidField(QStringLiteral("bucket"), "invalid_value",
                                     QStringLiteral("current, d1_30, d31_60, d61_90 or d90_plus"));
    const PageRequest page = PageRequest::from(request);
    db::Transaction tx(m_store.db());
    m_store.withoutJit();
    QJsonArray items;
    for (const OpenInvoiceRow &r : m_store.openInvoices(
             entity.id, accountId, asOf, bucket == QLatin1String("total") ? QString() : bucket,
             page.after, page.limit)) {
        const int d = r.daysPastDue;
        const char *cell = d <= 0    ? "current"
                           : d <= 30 ? "d1_30"
                           : d <= 60 ? "d31_60"
                           : d <= 90 ? "d61_90"
                                     : "d90_plus";
        items.append(QJsonObject{
            {"id", idToJson(r.id)},
            {"number", r.number},
            {"status", r.status},
            {"invoice_date", dateToJson(r.invoiceDate)},
            {"due_date", dateToJson(r.dueDate)},
            {"days_past_due", d},
            {"bucket", QLatin1String(cell)},
            {"total", moneyToJson(moneyOf(r.total, r.currency))},
            {"balance", moneyToJson(moneyOf(r.balance, r.currency))},
            {"functional_balance", moneyToJson(moneyOf(r.functionalBalance, r.functionalCurrency))},
            {"dunning_level", r.dunningLevel},
            {"last_dunned_on", dateToJson(r.lastDunnedOn)}});
    }
    tx.commit();
    QJsonObject out = page.page(items);
    out.insert("account_id", idToJson(accountId));
    out.insert("as_of", dateToJson(asOf));
    return out;
}

QJsonObject AgingService::clientAging(qint64 entityId, qint64 accountId, const QString &currency,
                                      QDate asOf) const
{
    Buckets b;
    b.currency = currency;
    db::Transaction tx(m_store.db());
    m_store.withoutJit();
    for (const AgingRow &r : m_store.aging(entityId, asOf, false, accountId, currency))
        b.add(r);
    for (const UnappliedRow &u : m_store.unapplied(entityId, asOf, false, accountId, currency))
        b.unapplied += moneyOf(u.amount, u.currency).minorUnits();
    tx.commit();
    return b.json();
}

QJsonObject AgingService::dso(const Request &request) const
{
    const EntityRef entity =
        visibleEntity(m_store.db(), request, queryEntity(request), Permission::FinanceUse);
    const QDate asOf = asOfOf(request);
    const Currency fc = Currency::fromCode(entity.functionalCurrency).value();
    db::Transaction tx(m_store.db());
    m_store.withoutJit();
    qint64 ar = 0;
    for (const AgingRow &r : m_store.aging(entity.id, asOf, true))
        ar += moneyOf(r.total, fc).minorUnits();
    for (const UnappliedRow &u : m_store.unapplied(entity.id, asOf, true))
        ar -= moneyOf(u.amount, fc).minorUnits();
    // Recognised revenue once the entity recognises it; billed revenue before that.
    const std::optional<QString> recognised =
        m_store.recognisedRevenue(entity.id, asOf.addDays(-90), asOf);
    const Money revenue =
        moneyOf(recognised.value_or(m_store.billedRevenue(entity.id, asOf.addDays(-90), asOf)), fc);
    tx.commit();
    const Money receivable = *Money::fromMinor(ar, fc);
    QJsonValue days;
    if (const auto d = dsoDays(receivable.toDecimal(), revenue.toDecimal()))
        days = d->toString(1);
    return {{"legal_entity_id", idToJson(entity.id)},
            {"legal_entity", entity.code},
            {"as_of", dateToJson(asOf)},
            {"dso", days},
            {"ar", moneyToJson(receivable)},
            {"revenue_90d", moneyToJson(revenue)},
            {"basis",
             recognised
                 ? QStringLiteral("DSO = AR at as_of / revenue of the 90 days to as_of × 90. "
                                  "Revenue is recognised revenue (the revenue account, as the "
                                  "recognition runs posted it); AR is the open invoices less "
                                  "unapplied cash, in functional currency.")
                 : QStringLiteral("DSO = AR at as_of / revenue of the 90 days to as_of × 90. "
                                  "Revenue is billed revenue (issued invoices net of tax, less "
                                  "credit notes, at their rates): the entity has not recognised "
                                  "revenue yet; AR is the open invoices less unapplied cash, in "
                                  "functional currency.")}};
}

} // namespace keel
