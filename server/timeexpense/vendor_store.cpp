#include "vendor_store.h"

#include "expense_values.h"
#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

using namespace expense_values;

namespace {

QJsonValue money(const QVariant &amount, const QString &currency)
{
    return amount.isNull() ? QJsonValue() : QJsonValue(moneyJson(amount.toString(), currency));
}

// entity codes bound as one comma-separated text; "*" matches every entity.
QVariantList entityBinds(const QStringList &entities)
{
    return {entities.contains(QStringLiteral("*")) ? QStringLiteral("*") : QString(),
            entities.join(u',')};
}
const QString kEntityFilter = QStringLiteral("(? = '*' OR le.code = ANY(string_to_array(?, ',')))");

const QString kVendor = QStringLiteral(
    "SELECT v.id, v.legal_entity_id, le.code, v.currency, v.payment_terms_days, v.active, "
    "v.name, v.country, v.tax_id, v.version FROM vendors v JOIN legal_entities le ON le.id = "
    "v.legal_entity_id ");

VendorRow vendorFrom(const QSqlQuery &q)
{
    VendorRow v;
    v.id = q.value(0).toLongLong();
    v.legalEntityId = q.value(1).toLongLong();
    v.entity = q.value(2).toString();
    v.currency = q.value(3).toString();
    v.paymentTermsDays = q.value(4).toInt();
    v.active = q.value(5).toBool();
    v.json =
        QJsonObject{{"id", idToJson(v.id)},          {"legal_entity", v.entity},
                    {"name", q.value(6).toString()}, {"country", q.value(7).toString()},
                    {"currency", v.currency},        {"payment_terms_days", v.paymentTermsDays},
                    {"tax_id", optText(q.value(8))}, {"active", v.active},
                    {"version", q.value(9).toInt()}};
    return v;
}

const QString kAgreement = QStringLiteral(
    "SELECT a.id, a.vendor_id, a.legal_entity_id, a.project_id, trim_scale(a.hourly_rate)::text, "
    "a.currency, trim_scale(a.cap_amount)::text, a.start_date, a.end_date, a.status, "
    "a.reference, a.version, v.name, le.code, "
    "(SELECT trim_scale(coalesce(sum(b.total), 0))::text FROM vendor_bills b WHERE "
    "b.agreement_id = a.id AND b.status <> 'rejected') "
    "FROM subcontract_agreements a JOIN vendors v ON v.id = a.vendor_id "
    "JOIN legal_entities le ON le.id = a.legal_entity_id ");

AgreementRow agreementFrom(const QSqlQuery &q)
{
    AgreementRow a;
    a.id = q.value(0).toLongLong();
    a.vendorId = q.value(1).toLongLong();
    a.legalEntityId = q.value(2).toLongLong();
    a.projectId = q.value(3).toLongLong();
    a.hourlyRate = q.value(4).toString();
    a.currency = q.value(5).toString();
    a.capAmount = q.value(6).isNull() ? QString() : q.value(6).toString();
    a.startDate = q.value(7).toDate();
    a.endDate = q.value(8).toDate();
    a.status = q.value(9).toString();
    QJsonValue left;
    if (!a.capAmount.isEmpty()) {
        const auto cap = Decimal::parse(a.capAmount);
        const auto billed = Decimal::parse(q.value(14).toString());
        if (cap && billed)
            left = money(cap->subtract(*billed).valueOr(Decimal()).toString(), a.currency);
    }
    a.json = QJsonObject{{"id", idToJson(a.id)},
                         {"vendor_id", idToJson(a.vendorId)},
                         {"vendor_name", q.value(12).toString()},
                         {"legal_entity", q.value(13).toString()},
                         {"project_id", optId(q.value(3))},
                         {"reference", q.value(10).toString()},
                         {"hourly_rate", a.hourlyRate},
                         {"currency", a.currency},
                         {"cap", money(q.value(6), a.currency)},
                         {"billed", money(q.value(14), a.currency)},
                         {"remaining", left},
                         {"start_date", dateToJson(a.startDate)},
                         {"end_date", dateToJson(a.endDate)},
                         {"status", a.status},
                         {"version", q.value(11).toInt()}};
    return a;
}

} // namespace

QSqlDatabase VendorStore::db() const
{
    return db::connection(m_config);
}

std::optional<VendorRow> VendorStore::vendor(qint64 id) const
{
    QSqlQuery q = db::query(db(), kVendor + QStringLiteral("WHERE v.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return vendorFrom(q);
}

QJsonArray VendorStore::vendors(const QStringList &entities) const
{
    QSqlQuery q = db::query(db(),
                            kVendor + QStringLiteral("WHERE ") + kEntityFilter +
                                QStringLiteral(" ORDER BY lower(v.name), v.id LIMIT 1000"),
                            entityBinds(entities));
    QJsonArray out;
    while (q.next())
        out.append(vendorFrom(q).json);
    return out;
}

bool VendorStore::vendorNameTaken(qint64 legalEntityId, const QString &name) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT 1 FROM vendors WHERE legal_entity_id = ? AND "
                                           "lower(name) = lower(?)"),
                            {legalEntityId, name});
    return q.next();
}

qint64 VendorStore::insertVendor(const NewVendor &v) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO vendors (legal_entity_id, name, country, currency, "
                       "payment_terms_days, tax_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {v.legalEntityId, v.name, v.country, v.currency, v.paymentTermsDays,
         v.taxId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.taxId)});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<AgreementRow> VendorStore::agreement(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kAgreement + QStringLiteral("WHERE a.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF a") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return agreementFrom(q);
}

QJsonArray VendorStore::agreements(const QStringList &entities, qint64 vendorId) const
{
    QVariantList binds = entityBinds(entities);
    QString sql = kAgreement + QStringLiteral("WHERE ") + kEntityFilter;
    if (vendorId) {
        sql += QStringLiteral(" AND a.vendor_id = ?");
        binds.append(vendorId);
    }
    QSqlQuery q = db::query(db(), sql + QStringLiteral(" ORDER BY a.id LIMIT 1000"), binds);
    QJsonArray out;
    while (q.next())
        out.append(agreementFrom(q).json);
    return out;
}

qint64 VendorStore::insertAgreement(const NewAgreement &a) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO subcontract_agreements (vendor_id, legal_entity_id, "
                       "project_id, reference, hourly_rate, currency, cap_amount, start_date, "
                       "end_date) VALUES (?, ?, ?, ?, ?::numeric, ?, ?::numeric, ?, ?) "
                       "RETURNING id"),
        {a.vendorId, a.legalEntityId,
         a.projectId ? QVariant(a.projectId) : QVariant(QMetaType::fromType<qint64>()), a.reference,
         a.hourlyRate, a.currency,
         a.capAmount.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.capAmount),
         a.startDate, a.endDate});
    q.next();
    return q.value(0).toLongLong();
}

QString VendorStore::billedAgainst(qint64 agreementId, qint64 exceptBill) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT trim_scale(coalesce(sum(total), 0))::text FROM "
                                           "vendor_bills WHERE agreement_id = ? AND id <> ? AND "
                                           "status <> 'rejected'"),
                            {agreementId, exceptBill});
    q.next();
    return q.value(0).toString();
}

} // namespace keel
