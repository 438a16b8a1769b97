#include "payables_aging_service.h"

#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/ledger_access.h"
#include "payables_aging_store.h"
#include "permissions.h"
#include "timeexpense/vendor_bill_service.h"
#include "workflow/state_machine.h"

#include <QMap>

namespace keel {

namespace {

const char *const kBuckets[] = {"current", "d1_30", "d31_60", "d61_90", "d90_plus", "total"};

// Per currency, the sum of each bucket over the rows.
QJsonArray totalsOf(const QJsonArray &rows)
{
    QMap<QString, QJsonObject> byCurrency;
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        const QString c = row.value("currency").toString();
        QJsonObject t = byCurrency.value(c, QJsonObject{{"currency", c}});
        for (const char *b : kBuckets) {
            const auto add = moneyFromJson(row.value(QLatin1String(b)));
            const auto have =
                moneyFromJson(t.value(QLatin1String(b)).isUndefined()
                                  ? QJsonValue(QJsonObject{{"amount", "0"}, {"currency", c}})
                                  : t.value(QLatin1String(b)));
            if (add && have)
                t.insert(QLatin1String(b), moneyToJson(have->add(*add).valueOr(*have)));
        }
        byCurrency.insert(c, t);
    }
    QJsonArray out;
    for (const QJsonObject &t : byCurrency)
        out.append(t);
    return out;
}

} // namespace

qint64 PayablesAgingService::entityOf(const Request &request) const
{
    bool ok = false;
    const qint64 id =
        request.query.queryItemValue(QStringLiteral("legal_entity_id")).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::malformed(QStringLiteral("legal_entity_id is an entity's id."));
    return ledger_access::visibleEntity(m_ledger, request, id, Permission::FinanceUse).id;
}

QJsonObject PayablesAgingService::bills(const Request &request) const
{
    const qint64 entity = entityOf(request);
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("open") &&
        !VendorBillService::machine().states.contains(status))
        throw ApiError::malformed(
            QStringLiteral("status is open or one of %1.")
                .arg(VendorBillService::machine().states.join(QStringLiteral(", "))));
    const QString v = request.query.queryItemValue(QStringLiteral("vendor_id"));
    bool ok = true;
    const qint64 vendorId = v.isEmpty() ? 0 : v.toLongLong(&ok);
    if (!ok || vendorId < 0)
        throw ApiError::malformed(QStringLiteral("vendor_id is a vendor's id."));
    const QDate dueBefore =
        ledger_access::queryDate(request, QStringLiteral("due_before")).value_or(QDate());
    const PageRequest page = PageRequest::from(request);
    return page.page(PayablesAgingStore(db::connection(m_config))
                         .bills(entity, status, vendorId, dueBefore, page.after, page.limit));
}

QJsonObject PayablesAgingService::aging(const Request &request) const
{
    const qint64 entity = entityOf(request);
    const QDate asOf =
        ledger_access::queryDate(request, QStringLiteral("as_of")).value_or(QDate::currentDate());
    const QString basis = request.query.queryItemValue(QStringLiteral("currency"));
    if (!basis.isEmpty() && basis != QLatin1String("functional") &&
        basis != QLatin1String("transaction"))
        throw ApiError::malformed(QStringLiteral("currency is functional or transaction."));
    const bool transaction = basis == QLatin1String("transaction");
    const QJsonArray items =
        PayablesAgingStore(db::connection(m_config)).aging(entity, asOf, transaction);
    return {{"legal_entity_id", idToJson(entity)},
            {"as_of", dateToJson(asOf)},
            {"currency", transaction ? "transaction" : "functional"},
            {"items", items},
            {"totals", totalsOf(items)}};
}

} // namespace keel
