#include "rate_card_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "permissions.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace {
struct TableInfo
{
    QString table;
    QString ownerColumn;
    QString rateColumn;
    QString label;
};

TableInfo infoOf(RateTable t)
{
    switch (t) {
    case RateTable::RateCard:
        return {"rate_card_rates", "legal_entity_id", "hourly_rate", "rate card rate"};
    case RateTable::ClientOverride:
        return {"client_rate_overrides", "account_id", "hourly_rate", "client rate"};
    case RateTable::JobRoleCost:
        break;
    }
    return {"job_role_costs", "legal_entity_id", "hourly_cost", "standard cost rate"};
}

QString period(QDate from, const QVariant &to)
{
    return QStringLiteral("%1 to %2")
        .arg(formatDate(from), to.isNull() ? QStringLiteral("open end") : formatDate(to.toDate()));
}
} // namespace

QJsonObject RateInput::toJson(qint64 id) const
{
    QJsonObject o{{"id", idToJson(id)},
                  {"currency", currency},
                  {"job_role", jobRole},
                  {rateField, rate.toString(2)},
                  {"valid_from", dateToJson(validFrom)},
                  {"valid_to", dateToJson(validTo)},
                  {"version", 1}};
    if (rateField == QLatin1String("hourly_rate") && ownerCode.toLongLong() > 0 &&
        ownerCode == QString::number(ownerId))
        o.insert("account", idToJson(ownerId));
    else
        o.insert("legal_entity", ownerCode);
    return o;
}

RateInput readRateInput(QSqlDatabase db, const QJsonObject &body, const QString &rateField,
                        bool forAccount)
{
    JsonReader in(body);
    RateInput r;
    r.rateField = rateField;
    if (forAccount) {
        r.ownerId = in.requiredInt64(QStringLiteral("account"));
        r.ownerCode = QString::number(r.ownerId);
    } else {
        r.ownerCode = in.requiredString(QStringLiteral("legal_entity"));
    }
    r.currency = crm::readCurrency(in, QStringLiteral("currency"));
    r.jobRole = in.requiredString(QStringLiteral("job_role"));
    r.rate = in.requiredDecimal(rateField);
    r.validFrom = in.requiredDate(QStringLiteral("valid_from"));
    r.validTo = in.optionalDate(QStringLiteral("valid_to")).value_or(QDate());
    if (in.ok()) {
        if (forAccount) {
            QSqlQuery q =
                db::query(db, QStringLiteral("SELECT 1 FROM accounts WHERE id = ?"), {r.ownerId});
            if (!q.next())
                in.addError(QStringLiteral("account"), "unknown",
                            QStringLiteral("no such account"));
        } else if (const auto id = crm::entityIdByCode(db, r.ownerCode)) {
            r.ownerId = *id;
        } else {
            in.addError(QStringLiteral("legal_entity"), "unknown",
                        QStringLiteral("no legal entity has this code"));
        }
        if (const auto id = crm::jobRoleIdByCode(db, r.jobRole))
            r.jobRoleId = *id;
        else
            in.addError(QStringLiteral("job_role"), "unknown",
                        QStringLiteral("no job role has this code"));
        if (r.rate.isNegative())
            in.addError(rateField, FieldErrorCode::InvalidValue,
                        QStringLiteral("cannot be negative"));
        if (r.validTo.isValid() && r.validTo < r.validFrom)
            in.addError(QStringLiteral("valid_to"), FieldErrorCode::InvalidValue,
                        QStringLiteral("before valid_from"));
    }
    crm::throwIfInvalid(in);
    return r;
}

qint64 insertEffectiveRate(QSqlDatabase db, RateTable table, const RateInput &in)
{
    const TableInfo t = infoOf(table);
    db::exec(db, QStringLiteral("SAVEPOINT effective_rate"));
    try {
        QSqlQuery q = db::query(
            db,
            QStringLiteral("INSERT INTO %1 (%2, currency, job_role_id, %3, valid_from, valid_to) "
                           "VALUES (?, ?, ?, ?::numeric, ?, ?) RETURNING id")
                .arg(t.table, t.ownerColumn, t.rateColumn),
            {in.ownerId, in.currency, in.jobRoleId, in.rate.toString(), in.validFrom,
             in.validTo.isValid() ? QVariant(in.validTo) : QVariant(QMetaType::fromType<QDate>())});
        q.next();
        const qint64 id = q.value(0).toLongLong();
        db::exec(db, QStringLiteral("RELEASE SAVEPOINT effective_rate"));
        return id;
    } catch (const DbError &e) {
        if (e.sqlState() != QLatin1String("23P01"))
            throw;
        db::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT effective_rate"));
    }
    // Exclusion violation: name the rate it collides with.
    QSqlQuery c = db::query(
        db,
        QStringLiteral("SELECT id, %3::text, valid_from, valid_to FROM %1 WHERE %2 = ? "
                       "AND currency = ? AND job_role_id = ? AND daterange(valid_from, "
                       "valid_to, '[]') && daterange(?::date, ?::date, '[]') ORDER BY valid_from "
                       "LIMIT 1")
            .arg(t.table, t.ownerColumn, t.rateColumn),
        {in.ownerId, in.currency, in.jobRoleId, in.validFrom,
         in.validTo.isValid() ? QVariant(in.validTo) : QVariant(QMetaType::fromType<QDate>())});
    QString message = QStringLiteral("overlaps another %1 of the same validity key").arg(t.label);
    if (c.next())
        message = QStringLiteral("overlaps %1 %2 (%3 %4 %5 %6, valid %7)")
                      .arg(t.label, c.value(0).toString(), in.jobRole, in.ownerCode, in.currency,
                           crm::decimalFromText(c.value(1).toString()).toString(2),
                           period(c.value(2).toDate(), c.value(3)));
    throw ApiError::invalid(
        {{QStringLiteral("valid_from"), QStringLiteral("overlap"), message}},
        QStringLiteral("The validity %1 %2.")
            .arg(period(in.validFrom, in.validTo.isValid() ? QVariant(in.validTo) : QVariant()),
                 message));
}

std::optional<ResolvedRate> resolveBillRate(QSqlDatabase db, qint64 accountId, qint64 entityId,
                                            const QString &currency, qint64 jobRoleId, QDate day)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT hourly_rate::text, 'client_override' FROM client_rate_overrides WHERE "
            "account_id = ? AND currency = ? AND job_role_id = ? AND valid_from <= ? AND "
            "(valid_to IS NULL OR valid_to >= ?) "
            "UNION ALL SELECT hourly_rate::text, 'rate_card' FROM rate_card_rates WHERE "
            "legal_entity_id = ? AND currency = ? AND job_role_id = ? AND valid_from <= ? AND "
            "(valid_to IS NULL OR valid_to >= ?) ORDER BY 2"), // client_override < rate_card
        {accountId, currency, jobRoleId, day, day, entityId, currency, jobRoleId, day, day});
    if (!q.next())
        return std::nullopt;
    return ResolvedRate{crm::decimalFromText(q.value(0).toString()), q.value(1).toString()};
}

bool hasRateCard(QSqlDatabase db, qint64 entityId, const QString &currency, QDate day)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT 1 FROM rate_card_rates WHERE legal_entity_id "
                                           "= ? AND currency = ? AND valid_from <= ? AND "
                                           "(valid_to IS NULL OR valid_to >= ?) LIMIT 1"),
                            {entityId, currency, day, day});
    return q.next();
}

QSqlDatabase RateCardService::db() const
{
    return db::connection(m_config);
}

namespace {
const QString kRateSelect = QStringLiteral(
    "SELECT c.id, e.code, c.currency, r.code, c.hourly_rate::text, c.valid_from, c.valid_to, "
    "c.version FROM rate_card_rates c JOIN legal_entities e ON e.id = c.legal_entity_id "
    "JOIN job_roles r ON r.id = c.job_role_id");

QJsonObject rateJson(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"legal_entity", q.value(1).toString()},
            {"currency", q.value(2).toString()},
            {"job_role", q.value(3).toString()},
            {"hourly_rate", crm::decimalFromText(q.value(4).toString()).toString(2)},
            {"valid_from", dateToJson(q.value(5).toDate())},
            {"valid_to", crm::optionalDateJson(q.value(6))},
            {"version", q.value(7).toInt()}};
}

QJsonObject rateById(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db, kRateSelect + QStringLiteral(" WHERE c.id = ?"), {id});
    if (!q.next())
        throw ApiError::notFound(QStringLiteral("There is no rate card rate %1.").arg(id));
    return rateJson(q);
}
} // namespace

QJsonObject RateCardService::list(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    QString sql = kRateSelect + QStringLiteral(" WHERE c.id > ?");
    QVariantList binds{request.query.queryItemValue(QStringLiteral("after")).toLongLong()};
    const auto filter = [&](const char *param, const char *column) {
        const QString v = request.query.queryItemValue(QString::fromLatin1(param));
        if (!v.isEmpty()) {
            sql += QStringLiteral(" AND %1 = ?").arg(QString::fromLatin1(column));
            binds.append(v);
        }
    };
    filter("legal_entity", "e.code");
    filter("currency", "c.currency");
    filter("job_role", "r.code");
    const QString on = request.query.queryItemValue(QStringLiteral("on"));
    if (!on.isEmpty()) {
        const auto day = parseDate(on);
        if (!day)
            throw ApiError::invalidField(QStringLiteral("on"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a date YYYY-MM-DD"));
        sql += QStringLiteral(" AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)");
        binds << *day << *day;
    }
    if (!entities.contains(QStringLiteral("*"))) {
        sql += QStringLiteral(" AND e.code = ANY(string_to_array(?, ','))");
        binds.append(entities.join(u','));
    }
    sql += QStringLiteral(" ORDER BY c.id LIMIT 500");
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(rateJson(q));
    QJsonObject page{{"items", items}};
    if (items.size() == 500)
        page.insert("next_after", items.last().toObject().value("id"));
    return page;
}

QJsonObject RateCardService::create(const Request &request, const QJsonObject &body) const
{
    const RateInput in = readRateInput(db(), body, QStringLiteral("hourly_rate"), false);
    crm::requireEntity(request, Permission::RateCardsManage, in.ownerCode);
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::RateCard, in);
    db::query(db(), QStringLiteral("UPDATE rate_card_rates SET created_by = ? WHERE id = ?"),
              {request.caller().user.id, id});
    const QJsonObject after = rateById(db(), id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("rate_card_rate.create"),
                                        QStringLiteral("rate_card_rate"), QString::number(id));
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject RateCardService::update(const Request &request, qint64 id,
                                    const QJsonObject &body) const
{
    db::Transaction tx(db());
    db::query(db(), QStringLiteral("SELECT 1 FROM rate_card_rates WHERE id = ? FOR UPDATE"), {id});
    const QJsonObject before = rateById(db(), id);
    crm::requireEntity(request, Permission::RateCardsManage,
                       before.value("legal_entity").toString());
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const Decimal rate =
        in.optionalDecimal(QStringLiteral("hourly_rate"))
            .value_or(crm::decimalFromText(before.value("hourly_rate").toString()));
    const QDate from = in.optionalDate(QStringLiteral("valid_from"))
                           .value_or(parseDate(before.value("valid_from").toString()).value());
    QDate to;
    if (body.contains(QStringLiteral("valid_to")))
        to = in.optionalDate(QStringLiteral("valid_to")).value_or(QDate());
    else if (!before.value("valid_to").isNull())
        to = parseDate(before.value("valid_to").toString()).value();
    if (rate.isNegative())
        in.addError(QStringLiteral("hourly_rate"), FieldErrorCode::InvalidValue,
                    QStringLiteral("cannot be negative"));
    if (to.isValid() && to < from)
        in.addError(QStringLiteral("valid_to"), FieldErrorCode::InvalidValue,
                    QStringLiteral("before valid_from"));
    crm::throwIfInvalid(in);
    // Re-insert under the same key check: delete + insert would lose the id, so update in a
    // savepoint and translate an exclusion violation the same way.
    RateInput r;
    r.ownerCode = before.value("legal_entity").toString();
    r.ownerId = crm::entityIdByCode(db(), r.ownerCode).value_or(0);
    r.currency = before.value("currency").toString();
    r.jobRole = before.value("job_role").toString();
    r.jobRoleId = crm::jobRoleIdByCode(db(), r.jobRole).value_or(0);
    r.rate = rate;
    r.rateField = QStringLiteral("hourly_rate");
    r.validFrom = from;
    r.validTo = to;
    db::exec(db(), QStringLiteral("SAVEPOINT rate_update"));
    try {
        db::query(db(),
                  QStringLiteral("UPDATE rate_card_rates SET hourly_rate = ?::numeric, valid_from "
                                 "= ?, valid_to = ?, version = version + 1, updated_at = now() "
                                 "WHERE id = ?"),
                  {rate.toString(), from,
                   to.isValid() ? QVariant(to) : QVariant(QMetaType::fromType<QDate>()), id});
        db::exec(db(), QStringLiteral("RELEASE SAVEPOINT rate_update"));
    } catch (const DbError &e) {
        if (e.sqlState() != QLatin1String("23P01"))
            throw;
        db::exec(db(), QStringLiteral("ROLLBACK TO SAVEPOINT rate_update"));
        // Temporarily out of the way, then the insert path names the conflict.
        db::query(db(), QStringLiteral("DELETE FROM rate_card_rates WHERE id = ?"), {id});
        insertEffectiveRate(db(), RateTable::RateCard, r); // throws the 422
    }
    const QJsonObject after = rateById(db(), id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("rate_card_rate.update"),
                                        QStringLiteral("rate_card_rate"), QString::number(id));
    audit.before = before;
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject RateCardService::listOverrides(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    QString sql = QStringLiteral(
        "SELECT o.id, o.account_id, o.currency, r.code, o.hourly_rate::text, o.valid_from, "
        "o.valid_to, o.version FROM client_rate_overrides o JOIN job_roles r ON r.id = "
        "o.job_role_id JOIN accounts a ON a.id = o.account_id JOIN legal_entities e ON e.id = "
        "a.legal_entity_id WHERE o.id > ?");
    QVariantList binds{request.query.queryItemValue(QStringLiteral("after")).toLongLong()};
    const QString account = request.query.queryItemValue(QStringLiteral("account"));
    if (!account.isEmpty()) {
        sql += QStringLiteral(" AND o.account_id = ?");
        binds.append(account.toLongLong());
    }
    const QString currency = request.query.queryItemValue(QStringLiteral("currency"));
    if (!currency.isEmpty()) {
        sql += QStringLiteral(" AND o.currency = ?");
        binds.append(currency);
    }
    if (!entities.contains(QStringLiteral("*"))) {
        sql += QStringLiteral(" AND e.code = ANY(string_to_array(?, ','))");
        binds.append(entities.join(u','));
    }
    sql += QStringLiteral(" ORDER BY o.id LIMIT 500");
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"account", idToJson(q.value(1).toLongLong())},
                        {"currency", q.value(2).toString()},
                        {"job_role", q.value(3).toString()},
                        {"hourly_rate", crm::decimalFromText(q.value(4).toString()).toString(2)},
                        {"valid_from", dateToJson(q.value(5).toDate())},
                        {"valid_to", crm::optionalDateJson(q.value(6))},
                        {"version", q.value(7).toInt()}});
    return {{"items", items}};
}

QJsonObject RateCardService::createOverride(const Request &request, const QJsonObject &body) const
{
    const RateInput in = readRateInput(db(), body, QStringLiteral("hourly_rate"), true);
    QSqlQuery e = db::query(db(),
                            QStringLiteral("SELECT le.code FROM accounts a JOIN legal_entities le "
                                           "ON le.id = a.legal_entity_id WHERE a.id = ?"),
                            {in.ownerId});
    e.next();
    crm::requireEntity(request, Permission::RateCardsManage, e.value(0).toString());
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::ClientOverride, in);
    const QJsonObject after = in.toJson(id);
    AuditEntry audit =
        AuditEntry::from(request, QStringLiteral("client_rate.create"),
                         QStringLiteral("client_rate_override"), QString::number(id));
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

} // namespace keel
