#include "job_role_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "permissions.h"
#include "rate_card_service.h"

#include <QJsonArray>
#include <QSqlQuery>

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

namespace {
std::optional<qint64> idBy(QSqlDatabase db, const QString &sql, const QString &code)
{
    QSqlQuery q = db::query(db, sql, {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}
} // namespace

std::optional<qint64> entityIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), code);
}

std::optional<qint64> jobRoleIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM job_roles WHERE code = ?"), code);
}

std::optional<qint64> practiceIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM practices WHERE code = ?"), code);
}

Decimal decimalFromText(const QString &text)
{
    if (text.isEmpty())
        return Decimal();
    const auto d = Decimal::parse(text);
    if (d)
        return *d;
    // More than 6 places (computed numerics): round through the one rule.
    const int dot = text.indexOf(u'.');
    return Decimal::parse(text.left(dot + 1 + Decimal::Scale)).valueOr(Decimal());
}

Money moneyFromText(const QString &amount, const QString &currency)
{
    const auto c = Currency::fromCode(currency);
    if (!c)
        return Money();
    const auto m = Money::parse(amount, *c);
    if (m)
        return *m;
    return Money::fromDecimal(decimalFromText(amount), *c).valueOr(Money::zero(*c));
}

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

QString readCurrency(JsonReader &reader, const QString &name)
{
    const QString code = reader.requiredString(name);
    if (!code.isEmpty() && !Currency::isKnown(code))
        reader.addError(name, FieldErrorCode::InvalidValue,
                        QStringLiteral("not an ISO 4217 currency code"));
    return code;
}

QJsonValue optionalDateJson(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : dateToJson(value.toDate());
}

std::optional<Decimal> standardCost(QSqlDatabase db, qint64 jobRoleId, qint64 entityId,
                                    const QString &currency, QDate day)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT hourly_cost::text FROM job_role_costs WHERE job_role_id = ? "
                       "AND legal_entity_id = ? AND currency = ? AND valid_from <= ? "
                       "AND (valid_to IS NULL OR valid_to >= ?)"),
        {jobRoleId, entityId, currency, day, day});
    if (!q.next())
        return std::nullopt;
    return decimalFromText(q.value(0).toString());
}

} // namespace crm

QSqlDatabase JobRoleService::db() const
{
    return db::connection(m_config);
}

namespace {
QJsonObject jobRoleJson(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())}, {"code", q.value(1).toString()},
            {"name", q.value(2).toString()},           {"sort_order", q.value(3).toInt()},
            {"active", q.value(4).toBool()},           {"version", q.value(5).toInt()}};
}
const QString kJobRoleColumns = QStringLiteral("id, code, name, sort_order, active, version");

QJsonObject jobRoleById(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT ") + kJobRoleColumns +
                                QStringLiteral(" FROM job_roles WHERE id = ?"),
                            {id});
    if (!q.next())
        throw ApiError::notFound(QStringLiteral("There is no job role %1.").arg(id));
    return jobRoleJson(q);
}
} // namespace

QJsonObject JobRoleService::list(const Request &) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT ") + kJobRoleColumns +
                      QStringLiteral(" FROM job_roles ORDER BY sort_order, code LIMIT 500"),
                  {});
    QJsonArray items;
    while (q.next())
        items.append(jobRoleJson(q));
    return {{"items", items}};
}

QJsonObject JobRoleService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const qint64 order = in.optionalInt64(QStringLiteral("sort_order")).value_or(100);
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z][A-Z0-9_]{1,39}$"));
    if (!code.isEmpty() && !codePattern.match(code).hasMatch())
        in.addError(QStringLiteral("code"), FieldErrorCode::InvalidValue,
                    QStringLiteral("2 to 40 upper-case letters, digits or underscores"));
    if (name.size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    if (crm::jobRoleIdByCode(db(), code))
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("a job role with this code exists"));
    QSqlQuery q = db::query(db(),
                            QStringLiteral("INSERT INTO job_roles (code, name, sort_order) "
                                           "VALUES (?, ?, ?) RETURNING id"),
                            {code, name.trimmed(), int(order)});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    const QJsonObject after = jobRoleById(db(), id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("job_role.create"),
                                        QStringLiteral("job_role"), QString::number(id));
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject JobRoleService::update(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    db::query(db(), QStringLiteral("SELECT 1 FROM job_roles WHERE id = ? FOR UPDATE"), {id});
    const QJsonObject before = jobRoleById(db(), id);
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const QString name =
        in.optionalString(QStringLiteral("name")).value_or(before.value("name").toString());
    const bool active =
        in.optionalBool(QStringLiteral("active")).value_or(before.value("active").toBool());
    const qint64 order =
        in.optionalInt64(QStringLiteral("sort_order")).value_or(before.value("sort_order").toInt());
    crm::throwIfInvalid(in);
    db::query(db(),
              QStringLiteral("UPDATE job_roles SET name = ?, active = ?, sort_order = ?, "
                             "version = version + 1, updated_at = now() WHERE id = ?"),
              {name.trimmed(), active, int(order), id});
    const QJsonObject after = jobRoleById(db(), id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("job_role.update"),
                                        QStringLiteral("job_role"), QString::number(id));
    audit.before = before;
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject JobRoleService::listCosts(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    QString sql = QStringLiteral(
        "SELECT c.id, r.code, e.code, c.currency, c.hourly_cost::text, c.valid_from, c.valid_to, "
        "c.version FROM job_role_costs c JOIN job_roles r ON r.id = c.job_role_id "
        "JOIN legal_entities e ON e.id = c.legal_entity_id WHERE c.id > ?");
    QVariantList binds{request.query.queryItemValue(QStringLiteral("after")).toLongLong()};
    const auto filter = [&](const char *param, const char *column) {
        const QString v = request.query.queryItemValue(QString::fromLatin1(param));
        if (!v.isEmpty()) {
            sql += QStringLiteral(" AND %1 = ?").arg(QString::fromLatin1(column));
            binds.append(v);
        }
    };
    filter("job_role", "r.code");
    filter("legal_entity", "e.code");
    filter("currency", "c.currency");
    if (!entities.contains(QStringLiteral("*"))) {
        sql += QStringLiteral(" AND e.code = ANY(string_to_array(?, ','))");
        binds.append(entities.join(u','));
    }
    sql += QStringLiteral(" ORDER BY c.id LIMIT 500");
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"job_role", q.value(1).toString()},
                        {"legal_entity", q.value(2).toString()},
                        {"currency", q.value(3).toString()},
                        {"hourly_cost", crm::decimalFromText(q.value(4).toString()).toString(2)},
                        {"valid_from", dateToJson(q.value(5).toDate())},
                        {"valid_to", crm::optionalDateJson(q.value(6))},
                        {"version", q.value(7).toInt()}});
    return {{"items", items}};
}

QJsonObject JobRoleService::createCost(const Request &request, const QJsonObject &body) const
{
    RateInput in = readRateInput(db(), body, QStringLiteral("hourly_cost"), false);
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::JobRoleCost, in);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("job_role_cost.create"),
                                        QStringLiteral("job_role_cost"), QString::number(id));
    audit.after = in.toJson(id);
    appendAudit(db(), audit);
    tx.commit();
    return in.toJson(id);
}

} // namespace keel
