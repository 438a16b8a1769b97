#include "job_role_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_store.h"
#include "permissions.h"
#include "rate_card_service.h"
#include "sales_store.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace keel {

namespace crm {

QStringList entitiesFor(const Request &request, const char *permission)
{
    return request.caller().entitiesFor(QString::fromLatin1(permission));
}

bool coversEntity(const QStringList &entities, const QString &code)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(code);
}

void requireEntity(const Request &request, const char *permission, const QString &code)
{
    if (!coversEntity(entitiesFor(request, permission), code))
        throw ApiError::forbidden(
            QStringLiteral("You may not work with legal entity %1.").arg(code));
}

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

void checkCode(JsonReader &reader, const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9_]{1,39}$"));
    if (!code.isEmpty() && !pattern.match(code).hasMatch())
        reader.addError(QStringLiteral("code"), FieldErrorCode::InvalidValue,
                        QStringLiteral("2 to 40 upper-case letters, digits or underscores"));
}

bool isPercent2(const Decimal &p, bool allowNegative)
{
    return (allowNegative || !p.isNegative()) && p <= Decimal::fromInt(100) &&
           p >= Decimal::fromInt(-100) && p.mantissa() % 10000 == 0;
}

void audit(QSqlDatabase db, const Request &request, const QString &action, const QString &type,
           qint64 id, const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry a = AuditEntry::from(request, action, type, QString::number(id));
    a.before = before;
    a.after = after;
    appendAudit(db, a);
}

QString readCurrency(JsonReader &reader, const QString &name)
{
    const QString code = reader.requiredString(name);
    if (!code.isEmpty() && !Currency::isKnown(code))
        reader.addError(name, FieldErrorCode::InvalidValue,
                        QStringLiteral("not an ISO 4217 currency code"));
    return code;
}

} // namespace crm

QSqlDatabase JobRoleService::db() const
{
    return db::connection(m_config);
}

namespace {
QJsonObject jobRoleById(QSqlDatabase db, qint64 id, bool forUpdate = false)
{
    const auto row = crm::JobRoleStore(db).jobRole(id, forUpdate);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no job role %1.").arg(id));
    return *row;
}
} // namespace

QJsonObject JobRoleService::list(const Request &) const
{
    return {{"items", crm::JobRoleStore(db()).listJobRoles(500)}};
}

QJsonObject JobRoleService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const qint64 order = in.optionalInt64(QStringLiteral("sort_order")).value_or(100);
    crm::checkCode(in, code);
    if (name.size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    if (crm::jobRoleIdByCode(db(), code))
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("a job role with this code exists"));
    const qint64 id = crm::JobRoleStore(db()).insertJobRole(code, name.trimmed(), int(order));
    const QJsonObject after = jobRoleById(db(), id);
    crm::audit(db(), request, QStringLiteral("job_role.create"), QStringLiteral("job_role"), id, {},
               after);
    tx.commit();
    return after;
}

QJsonObject JobRoleService::update(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QJsonObject before = jobRoleById(db(), id, true);
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const QString name =
        in.optionalString(QStringLiteral("name")).value_or(before.value("name").toString());
    const bool active =
        in.optionalBool(QStringLiteral("active")).value_or(before.value("active").toBool());
    const qint64 order =
        in.optionalInt64(QStringLiteral("sort_order")).value_or(before.value("sort_order").toInt());
    crm::throwIfInvalid(in);
    crm::JobRoleStore(db()).updateJobRole(id, name.trimmed(), active, int(order));
    const QJsonObject after = jobRoleById(db(), id);
    crm::audit(db(), request, QStringLiteral("job_role.update"), QStringLiteral("job_role"), id,
               before, after);
    tx.commit();
    return after;
}

QJsonObject JobRoleService::listCosts(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    crm::RateFilter filter;
    filter.after = request.query.queryItemValue(QStringLiteral("after")).toLongLong();
    filter.jobRole = request.query.queryItemValue(QStringLiteral("job_role"));
    filter.legalEntity = request.query.queryItemValue(QStringLiteral("legal_entity"));
    filter.currency = request.query.queryItemValue(QStringLiteral("currency"));
    filter.entities = entities;
    return {{"items", crm::JobRoleStore(db()).listCosts(filter, 500)}};
}

QJsonObject JobRoleService::createCost(const Request &request, const QJsonObject &body) const
{
    RateInput in = readRateInput(db(), body, QStringLiteral("hourly_cost"), false);
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::JobRoleCost, in);
    crm::audit(db(), request, QStringLiteral("job_role_cost.create"),
               QStringLiteral("job_role_cost"), id, {}, in.toJson(id));
    tx.commit();
    return in.toJson(id);
}

} // namespace keel
