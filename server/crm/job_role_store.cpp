#include "job_role_store.h"

#include "json_codec.h"
#include "sales_store.h"

#include <QSqlQuery>

namespace keel::crm {

namespace {
const QString kJobRoleColumns = QStringLiteral("id, code, name, sort_order, active, version");

QJsonObject jobRoleJson(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())}, {"code", q.value(1).toString()},
            {"name", q.value(2).toString()},           {"sort_order", q.value(3).toInt()},
            {"active", q.value(4).toBool()},           {"version", q.value(5).toInt()}};
}
} // namespace

std::optional<QJsonObject> JobRoleStore::jobRole(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM job_roles WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT ") + kJobRoleColumns +
                                QStringLiteral(" FROM job_roles WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return jobRoleJson(q);
}

QJsonArray JobRoleStore::listJobRoles(int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT ") + kJobRoleColumns +
            QStringLiteral(" FROM job_roles ORDER BY sort_order, code LIMIT %1").arg(limit),
        {});
    QJsonArray items;
    while (q.next())
        items.append(jobRoleJson(q));
    return items;
}

qint64 JobRoleStore::insertJobRole(const QString &code, const QString &name, int sortOrder) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("INSERT INTO job_roles (code, name, sort_order) "
                                           "VALUES (?, ?, ?) RETURNING id"),
                            {code, name, sortOrder});
    q.next();
    return q.value(0).toLongLong();
}

void JobRoleStore::updateJobRole(qint64 id, const QString &name, bool active, int sortOrder) const
{
    db::query(m_db,
              QStringLiteral("UPDATE job_roles SET name = ?, active = ?, sort_order = ?, "
                             "version = version + 1, updated_at = now() WHERE id = ?"),
              {name, active, sortOrder, id});
}

QJsonArray JobRoleStore::listCosts(const RateFilter &filter, int limit) const
{
    QString sql = QStringLiteral(
        "SELECT c.id, r.code, e.code, c.currency, c.hourly_cost::text, c.valid_from, c.valid_to, "
        "c.version FROM job_role_costs c JOIN job_roles r ON r.id = c.job_role_id "
        "JOIN legal_entities e ON e.id = c.legal_entity_id WHERE c.id > ?");
    QVariantList binds{filter.after};
    appendEquals(sql, binds, QStringLiteral("r.code"), filter.jobRole);
    appendEquals(sql, binds, QStringLiteral("e.code"), filter.legalEntity);
    appendEquals(sql, binds, QStringLiteral("c.currency"), filter.currency);
    appendEntityScope(sql, binds, filter.entities, QStringLiteral("e.code"));
    sql += QStringLiteral(" ORDER BY c.id LIMIT %1").arg(limit);
    QSqlQuery q = db::query(m_db, sql, binds);
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"job_role", q.value(1).toString()},
                        {"legal_entity", q.value(2).toString()},
                        {"currency", q.value(3).toString()},
                        {"hourly_cost", decimalFromText(q.value(4).toString()).toString(2)},
                        {"valid_from", dateToJson(q.value(5).toDate())},
                        {"valid_to", optionalDateJson(q.value(6))},
                        {"version", q.value(7).toInt()}});
    return items;
}

} // namespace keel::crm
