#include "invoice_anomaly_service.h"

#include "invoice_anomaly_detect.h"

#include "http/http_types.h"
#include "insights_model_store.h"
#include "insights_scope.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace {

qint64 invoiceParam(const Request &request)
{
    const QString text = request.query.queryItemValue(QStringLiteral("invoice"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(QStringLiteral("invoice"), QStringLiteral("invalid"),
                                     QStringLiteral("invoice must be an invoice id."));
    return id;
}

bool allParam(const Request &request)
{
    const QString text = request.query.queryItemValue(QStringLiteral("all"));
    if (text.isEmpty() || text == QLatin1String("false"))
        return false;
    if (text == QLatin1String("true"))
        return true;
    throw ApiError::invalidField(QStringLiteral("all"), QStringLiteral("invalid"),
                                 QStringLiteral("all must be true or false."));
}

// The invoice asked for must be one of the scope's entities: another entity's is 403, an
// unknown id 404.
void checkInvoice(QSqlDatabase db, qint64 id, const InsightsScope &scope)
{
    QSqlQuery q =
        db::query(db, QStringLiteral("SELECT legal_entity_id FROM invoices WHERE id = ?"), {id});
    if (!q.next())
        throw ApiError::notFound(QStringLiteral("No invoice %1.").arg(id));
    if (!scope.entityIds.contains(q.value(0).toLongLong()))
        throw ApiError::forbidden(
            QStringLiteral("Your insights grants do not cover this invoice's entity."));
}

QJsonObject flagJson(const InvoiceAnomalyFlag &f)
{
    QJsonObject o{{QStringLiteral("kind"), f.kind},
                  {QStringLiteral("line_id"), f.lineId ? QJsonValue(f.lineId) : QJsonValue()},
                  {QStringLiteral("text"), f.text},
                  {QStringLiteral("value"), f.value},
                  {QStringLiteral("compared_with"), f.comparedWith}};
    if (f.z != 0)
        o.insert(QStringLiteral("z"), QString::number(f.z, 'f', 1));
    return o;
}

} // namespace

QJsonObject InvoiceAnomalyService::list(const Request &request) const
{
    QSqlDatabase db = db::connection(m_config);
    const InsightsScope scope = insightsScope(db, request);
    const qint64 invoice = invoiceParam(request);
    const bool all = allParam(request) || invoice != 0;
    if (invoice)
        checkInvoice(db, invoice, scope);
    const InsightsModelRecord model = requireInsightsModel(db, QStringLiteral("invoice_anomaly"));

    InvoiceAnomalyTargets targets;
    targets.entityIds = scope.entityIds;
    targets.invoiceId = invoice;
    const auto scored = scoreInvoiceAnomalies(db, targets, QDate::currentDate().addDays(1),
                                              InvoiceAnomalyParams::fromJson(model.parameters));
    QJsonArray items;
    for (const InvoiceAnomalyScored &s : scored) {
        if (s.flags.empty() && !all)
            continue;
        QJsonArray flags;
        for (const InvoiceAnomalyFlag &f : s.flags)
            flags.append(flagJson(f));
        const InvoiceAnomalyInvoice &i = s.invoice;
        items.append(QJsonObject{
            {QStringLiteral("invoice_id"), i.id},
            {QStringLiteral("legal_entity_id"), i.entityId},
            {QStringLiteral("number"), i.number.isEmpty() ? QJsonValue() : QJsonValue(i.number)},
            {QStringLiteral("account_id"), i.accountId},
            {QStringLiteral("account"), i.account},
            {QStringLiteral("contract_id"), i.contractId ? QJsonValue(i.contractId) : QJsonValue()},
            {QStringLiteral("total"), i.totalText},
            {QStringLiteral("currency"), i.currency},
            {QStringLiteral("line_count"), int(i.lines.size())},
            {QStringLiteral("flags"), flags}});
    }
    return {{QStringLiteral("items"), items}, {QStringLiteral("model"), insightsModelJson(model)}};
}

} // namespace keel
