#include "rate_card_store.h"

#include "json_codec.h"
#include "sales_store.h"

#include <QSqlQuery>

namespace keel::crm {

namespace {
struct TableInfo
{
    QString table;
    QString ownerColumn;
    QString rateColumn;
};

TableInfo infoOf(RateTable t)
{
    switch (t) {
    case RateTable::RateCard:
        return {"rate_card_rates", "legal_entity_id", "hourly_rate"};
    case RateTable::ClientOverride:
        return {"client_rate_overrides", "account_id", "hourly_rate"};
    case RateTable::JobRoleCost:
        break;
    }
    return {"job_role_costs", "legal_entity_id", "hourly_cost"};
}

bool isExclusionViolation(const DbError &e)
{
    return e.sqlState() == QLatin1String("23P01");
}

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
            {"hourly_rate", decimalFromText(q.value(4).toString()).toString(2)},
            {"valid_from", dateToJson(q.value(5).toDate())},
            {"valid_to", optionalDateJson(q.value(6))},
            {"version", q.value(7).toInt()}};
}
} // namespace

std::optional<qint64> RateCardStore::insertRate(RateTable table, const RateValues &v) const
{
    const TableInfo t = infoOf(table);
    db::exec(m_db, QStringLiteral("SAVEPOINT effective_rate"));
    try {
        QSqlQuery q = db::query(
            m_db,
            QStringLiteral("INSERT INTO %1 (%2, currency, job_role_id, %3, valid_from, valid_to) "
                           "VALUES (?, ?, ?, ?::numeric, ?, ?) RETURNING id")
                .arg(t.table, t.ownerColumn, t.rateColumn),
            {v.ownerId, v.currency, v.jobRoleId, v.rate.toString(), v.validFrom,
             nullableDate(v.validTo)});
        q.next();
        const qint64 id = q.value(0).toLongLong();
        db::exec(m_db, QStringLiteral("RELEASE SAVEPOINT effective_rate"));
        return id;
    } catch (const DbError &e) {
        if (!isExclusionViolation(e))
            throw;
        db::exec(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT effective_rate"));
    }
    return std::nullopt;
}

std::optional<RateOverlap> RateCardStore::overlappingRate(RateTable table,
                                                          const RateValues &v) const
{
    const TableInfo t = infoOf(table);
    QSqlQuery c = db::query(
        m_db,
        QStringLiteral("SELECT id, %3::text, valid_from, valid_to FROM %1 WHERE %2 = ? "
                       "AND currency = ? AND job_role_id = ? AND daterange(valid_from, "
                       "valid_to, '[]') && daterange(?::date, ?::date, '[]') ORDER BY valid_from "
                       "LIMIT 1")
            .arg(t.table, t.ownerColumn, t.rateColumn),
        {v.ownerId, v.currency, v.jobRoleId, v.validFrom, nullableDate(v.validTo)});
    if (!c.next())
        return std::nullopt;
    return RateOverlap{c.value(0).toString(), decimalFromText(c.value(1).toString()),
                       c.value(2).toDate(), c.value(3)};
}

std::optional<QJsonObject> RateCardStore::rate(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM rate_card_rates WHERE id = ? FOR UPDATE"),
                  {id});
    QSqlQuery q = db::query(m_db, kRateSelect + QStringLiteral(" WHERE c.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return rateJson(q);
}

QJsonArray RateCardStore::listRates(const RateFilter &filter, int limit) const
{
    QString sql = kRateSelect + QStringLiteral(" WHERE c.id > ?");
    QVariantList binds{filter.after};
    appendEquals(sql, binds, QStringLiteral("e.code"), filter.legalEntity);
    appendEquals(sql, binds, QStringLiteral("c.currency"), filter.currency);
    appendEquals(sql, binds, QStringLiteral("r.code"), filter.jobRole);
    if (filter.on.isValid()) {
        sql += QStringLiteral(" AND c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?)");
        binds << filter.on << filter.on;
    }
    appendEntityScope(sql, binds, filter.entities, QStringLiteral("e.code"));
    sql += QStringLiteral(" ORDER BY c.id LIMIT %1").arg(limit);
    QSqlQuery q = db::query(m_db, sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(rateJson(q));
    return items;
}

void RateCardStore::setCreatedBy(qint64 id, qint64 userId) const
{
    db::query(m_db, QStringLiteral("UPDATE rate_card_rates SET created_by = ? WHERE id = ?"),
              {userId, id});
}

bool RateCardStore::updateRate(qint64 id, const Decimal &rate, QDate from, QDate to) const
{
    db::exec(m_db, QStringLiteral("SAVEPOINT rate_update"));
    try {
        db::query(m_db,
                  QStringLiteral("UPDATE rate_card_rates SET hourly_rate = ?::numeric, valid_from "
                                 "= ?, valid_to = ?, version = version + 1, updated_at = now() "
                                 "WHERE id = ?"),
                  {rate.toString(), from, nullableDate(to), id});
        db::exec(m_db, QStringLiteral("RELEASE SAVEPOINT rate_update"));
        return true;
    } catch (const DbError &e) {
        if (!isExclusionViolation(e))
            throw;
        db::exec(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT rate_update"));
    }
    return false;
}

void RateCardStore::deleteRate(qint64 id) const
{
    db::query(m_db, QStringLiteral("DELETE FROM rate_card_rates WHERE id = ?"), {id});
}

QJsonArray RateCardStore::listOverrides(const RateFilter &filter, int limit) const
{
    QString sql = QStringLiteral(
        "SELECT o.id, o.account_id, o.currency, r.code, o.hourly_rate::text, o.valid_from, "
        "o.valid_to, o.version FROM client_rate_overrides o JOIN job_roles r ON r.id = "
        "o.job_role_id JOIN accounts a ON a.id = o.account_id JOIN legal_entities e ON e.id = "
        "a.legal_entity_id WHERE o.id > ?");
    QVariantList binds{filter.after};
    if (filter.accountId) {
        sql += QStringLiteral(" AND o.account_id = ?");
        binds.append(*filter.accountId);
    }
    appendEquals(sql, binds, QStringLiteral("o.currency"), filter.currency);
    appendEntityScope(sql, binds, filter.entities, QStringLiteral("e.code"));
    sql += QStringLiteral(" ORDER BY o.id LIMIT %1").arg(limit);
    QSqlQuery q = db::query(m_db, sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"account", idToJson(q.value(1).toLongLong())},
                        {"currency", q.value(2).toString()},
                        {"job_role", q.value(3).toString()},
                        {"hourly_rate", decimalFromText(q.value(4).toString()).toString(2)},
                        {"valid_from", dateToJson(q.value(5).toDate())},
                        {"valid_to", optionalDateJson(q.value(6))},
                        {"version", q.value(7).toInt()}});
    return items;
}

} // namespace keel::crm
