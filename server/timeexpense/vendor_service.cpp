#include "vendor_service.h"

#include "audit/audit_log.h"
#include "expense_store.h"
#include "expense_values.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"

#include <QRegularExpression>

namespace keel {

using namespace expense_values;

namespace {

void audit(const Request &request, QSqlDatabase db, const QString &action, const QString &type,
           qint64 id, const QJsonObject &after)
{
    AuditEntry e = AuditEntry::from(request, action, type, QString::number(id));
    e.after = after;
    appendAudit(db, e);
}

} // namespace

QStringList payablesEntities(const Request &request)
{
    return request.caller().entitiesFor(QString::fromLatin1(Permission::PayablesManage));
}

VendorService::VendorService(DbConfig config) : m_store(config), m_projects(config) {}

VendorRow VendorService::visibleVendor(const Request &request, qint64 id) const
{
    const auto v = m_store.vendor(id);
    if (!v || !covers(payablesEntities(request), v->entity))
        throw ApiError::notFound(QStringLiteral("There is no vendor %1.").arg(id));
    return *v;
}

QJsonObject VendorService::vendors(const Request &request) const
{
    QStringList entities = payablesEntities(request);
    const QString only = request.query.queryItemValue(QStringLiteral("legal_entity"));
    if (!only.isEmpty())
        entities = covers(entities, only) ? QStringList{only} : QStringList{};
    return {{"items", m_store.vendors(entities)}};
}

QJsonObject VendorService::createVendor(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString entity = in.requiredString(QStringLiteral("legal_entity"));
    const QString name = in.requiredString(QStringLiteral("name")).trimmed();
    const QString country = in.requiredString(QStringLiteral("country"));
    const QString currency = in.requiredString(QStringLiteral("currency"));
    const auto terms = in.optionalInt64(QStringLiteral("payment_terms_days"));
    const QString taxId = in.optionalString(QStringLiteral("tax_id")).value_or(QString()).trimmed();
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const auto entityId = m_projects.entityId(entity);
    if (!entityId)
        in.addError(QStringLiteral("legal_entity"), "unknown",
                    QStringLiteral("no legal entity has this code"));
    else if (!covers(payablesEntities(request), entity))
        throw ApiError::forbidden(QStringLiteral("You do not manage payables of %1.").arg(entity));
    if (name.isEmpty() || name.size() > 200)
        in.addError(QStringLiteral("name"), "invalid_value", QStringLiteral("1 to 200 characters"));
    static const QRegularExpression countryCode(QStringLiteral("^[A-Z]{2}$"));
    if (!countryCode.match(country).hasMatch())
        in.addError(QStringLiteral("country"), "invalid_value",
                    QStringLiteral("an ISO 3166 code such as GB"));
    if (!Currency::fromCode(currency))
        in.addError(QStringLiteral("currency"), "invalid_value",
                    QStringLiteral("an ISO 4217 code"));
    if (terms && (*terms < 0 || *terms > 365))
        in.addError(QStringLiteral("payment_terms_days"), "invalid_value",
                    QStringLiteral("0 to 365"));
    if (taxId.size() > 40)
        in.addError(QStringLiteral("tax_id"), "invalid_value",
                    QStringLiteral("at most 40 characters"));
    if (in.ok() && m_store.vendorNameTaken(*entityId, name))
        in.addError(QStringLiteral("name"), "duplicate",
                    QStringLiteral("%1 already has a vendor of this name").arg(entity));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const qint64 id =
        m_store.insertVendor({*entityId, name, country, currency, int(terms.value_or(30)), taxId});
    const QJsonObject after = m_store.vendor(id)->json;
    audit(request, m_store.db(), QStringLiteral("vendor.create"), QStringLiteral("vendor"), id,
          after);
    tx.commit();
    return after;
}

QJsonObject VendorService::agreements(const Request &request) const
{
    qint64 vendorId = 0;
    const QString v = request.query.queryItemValue(QStringLiteral("vendor_id"));
    if (!v.isEmpty()) {
        bool ok = false;
        vendorId = v.toLongLong(&ok);
        if (!ok || vendorId <= 0)
            throw ApiError::malformed(QStringLiteral("vendor_id is a vendor's id."));
    }
    return {{"items", m_store.agreements(payablesEntities(request), vendorId)}};
}

QJsonObject VendorService::createAgreement(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 vendorId = in.requiredInt64(QStringLiteral("vendor_id"));
    const auto projectId = in.optionalInt64(QStringLiteral("project_id"));
    const QString reference = in.requiredString(QStringLiteral("reference")).trimmed();
    const Decimal rate = in.requiredDecimal(QStringLiteral("hourly_rate"));
    const QString currency = in.requiredString(QStringLiteral("currency"));
    const auto cap = in.optionalDecimal(QStringLiteral("cap_amount"));
    const QDate start = in.requiredDate(QStringLiteral("start_date"));
    const QDate end = in.requiredDate(QStringLiteral("end_date"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const VendorRow vendor = visibleVendor(request, vendorId);
    const auto cur = Currency::fromCode(currency);
    if (!cur)
        in.addError(QStringLiteral("currency"), "invalid_value",
                    QStringLiteral("an ISO 4217 code"));
    if (reference.isEmpty() || reference.size() > 60)
        in.addError(QStringLiteral("reference"), "invalid_value",
                    QStringLiteral("1 to 60 characters"));
    if (rate.isNegative() || rate > Decimal::fromInt(1'000'000'000))
        in.addError(QStringLiteral("hourly_rate"), "invalid_value", QStringLiteral("not negative"));
    if (cap && (!cap->isPositive() || (cur && cap->rounded(cur->minorUnits()) != *cap)))
        in.addError(QStringLiteral("cap_amount"), "invalid_value",
                    QStringLiteral("more than zero, in whole cents"));
    if (end < start)
        in.addError(QStringLiteral("end_date"), "before_start",
                    QStringLiteral("on or after the start date"));
    if (projectId) {
        const auto project = m_projects.project(*projectId);
        if (!project || project->legalEntityId != vendor.legalEntityId)
            in.addError(QStringLiteral("project_id"), "unknown",
                        QStringLiteral("no project of %1 has this id").arg(vendor.entity));
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    NewAgreement a{vendorId,
                   vendor.legalEntityId,
                   projectId.value_or(0),
                   reference,
                   rate.toString(),
                   currency,
                   cap ? cap->toString() : QString(),
                   start,
                   end};
    const qint64 id = m_store.insertAgreement(a);
    const QJsonObject after = m_store.agreement(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("subcontract_agreement.create"),
          QStringLiteral("subcontract_agreement"), id, after);
    tx.commit();
    return after;
}

} // namespace keel
