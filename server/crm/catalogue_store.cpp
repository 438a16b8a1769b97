#include "catalogue_store.h"

#include "json_codec.h"
#include "sales_store.h"

#include <QSqlQuery>

namespace keel::crm {

namespace {
const QString kStageColumns = QStringLiteral(
    "id, code, name, sort_order, default_probability::text, is_won, is_lost, active, version");

QJsonObject stageJson(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"code", q.value(1).toString()},
            {"name", q.value(2).toString()},
            {"sort_order", q.value(3).toInt()},
            {"default_probability", decimalFromText(q.value(4).toString()).toString()},
            {"is_won", q.value(5).toBool()},
            {"is_lost", q.value(6).toBool()},
            {"active", q.value(7).toBool()},
            {"version", q.value(8).toInt()}};
}
} // namespace

std::optional<QJsonObject> CatalogueStore::stage(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM opportunity_stages WHERE id = ? FOR UPDATE"),
                  {id});
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT ") + kStageColumns +
                                QStringLiteral(" FROM opportunity_stages WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return stageJson(q);
}

QJsonArray CatalogueStore::listStages(int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT ") + kStageColumns +
            QStringLiteral(" FROM opportunity_stages ORDER BY sort_order LIMIT %1").arg(limit),
        {});
    QJsonArray items;
    while (q.next())
        items.append(stageJson(q));
    return items;
}

std::optional<QString> CatalogueStore::stageUsing(const QString &code, int sortOrder) const
{
    QSqlQuery dup = db::query(m_db,
                              QStringLiteral("SELECT code FROM opportunity_stages WHERE code = ? "
                                             "OR sort_order = ?"),
                              {code, sortOrder});
    if (!dup.next())
        return std::nullopt;
    return dup.value(0).toString();
}

bool CatalogueStore::sortOrderTaken(int sortOrder, qint64 exceptId) const
{
    return db::query(
               m_db,
               QStringLiteral("SELECT 1 FROM opportunity_stages WHERE sort_order = ? AND id <> ?"),
               {sortOrder, exceptId})
        .next();
}

qint64 CatalogueStore::insertStage(const StageFields &f) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("INSERT INTO opportunity_stages (code, name, sort_order, "
                                 "default_probability, is_won, is_lost) VALUES (?, ?, "
                                 "?, ?::numeric, ?, ?) RETURNING id"),
                  {f.code, f.name, f.sortOrder, f.defaultProbability.toString(), f.won, f.lost});
    q.next();
    return q.value(0).toLongLong();
}

void CatalogueStore::updateStage(qint64 id, const StageFields &f) const
{
    db::query(m_db,
              QStringLiteral("UPDATE opportunity_stages SET name = ?, sort_order = ?, "
                             "default_probability = ?::numeric, active = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {f.name, f.sortOrder, f.defaultProbability.toString(), f.active, id});
}

QJsonArray CatalogueStore::listServiceLines(int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT s.id, s.code, s.name, p.code, s.active, s.version FROM "
                       "service_lines s LEFT JOIN practices p ON p.id = s.practice_id ORDER BY "
                       "s.code LIMIT %1")
            .arg(limit),
        {});
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"code", q.value(1).toString()},
                        {"name", q.value(2).toString()},
                        {"practice", q.value(3).isNull() ? QJsonValue() : q.value(3).toString()},
                        {"active", q.value(4).toBool()},
                        {"version", q.value(5).toInt()}});
    return items;
}

qint64 CatalogueStore::insertServiceLine(const QString &code, const QString &name,
                                         qint64 practiceId) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("INSERT INTO service_lines (code, name, practice_id) "
                                           "VALUES (?, ?, ?) RETURNING id"),
                            {code, name, nullableId(practiceId)});
    q.next();
    return q.value(0).toLongLong();
}

QList<qint64> CatalogueStore::offeringIds(const QString &serviceLine, int limit) const
{
    QString sql = QStringLiteral(
        "SELECT o.id FROM offerings o JOIN service_lines s ON s.id = o.service_line_id");
    QVariantList binds;
    if (!serviceLine.isEmpty()) {
        sql += QStringLiteral(" WHERE s.code = ?");
        binds.append(serviceLine);
    }
    sql += QStringLiteral(" ORDER BY o.code LIMIT %1").arg(limit);
    QSqlQuery q = db::query(m_db, sql, binds);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

std::optional<QJsonObject> CatalogueStore::offering(qint64 id) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT o.id, o.code, o.name, coalesce(o.description, ''), s.code, "
            "o.typical_duration_weeks, o.billing_model, o.active, o.version FROM "
            "offerings o JOIN service_lines s ON s.id = o.service_line_id WHERE o.id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    QJsonObject o{{"id", idToJson(id)},
                  {"code", q.value(1).toString()},
                  {"name", q.value(2).toString()},
                  {"description", q.value(3).toString()},
                  {"service_line", q.value(4).toString()},
                  {"typical_duration_weeks", q.value(5).toInt()},
                  {"billing_model", q.value(6).toString()},
                  {"active", q.value(7).toBool()},
                  {"version", q.value(8).toInt()}};
    QSqlQuery e =
        db::query(m_db,
                  QStringLiteral("SELECT r.code, e.hours::text FROM offering_effort e JOIN "
                                 "job_roles r ON r.id = e.job_role_id WHERE "
                                 "e.offering_id = ? ORDER BY r.sort_order, r.code"),
                  {id});
    QJsonArray effort;
    while (e.next())
        effort.append(QJsonObject{{"job_role", e.value(0).toString()},
                                  {"hours", decimalFromText(e.value(1).toString()).toString(2)}});
    o.insert("effort", effort);
    QSqlQuery m =
        db::query(m_db,
                  QStringLiteral("SELECT seq, name, value_pct::text, week_offset FROM "
                                 "offering_milestones WHERE offering_id = ? ORDER BY seq"),
                  {id});
    QJsonArray milestones;
    while (m.next())
        milestones.append(
            QJsonObject{{"seq", m.value(0).toInt()},
                        {"name", m.value(1).toString()},
                        {"value_pct", decimalFromText(m.value(2).toString()).toString()},
                        {"week_offset", m.value(3).toInt()}});
    o.insert("milestones", milestones);
    return o;
}

bool CatalogueStore::offeringCodeTaken(const QString &code) const
{
    return db::query(m_db, QStringLiteral("SELECT 1 FROM offerings WHERE code = ?"), {code}).next();
}

qint64 CatalogueStore::insertOffering(const OfferingFields &f) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("INSERT INTO offerings (service_line_id, code, name, description, "
                                 "typical_duration_weeks, billing_model) VALUES (?, ?, ?, ?, ?, ?) "
                                 "RETURNING id"),
                  {f.serviceLineId, f.code, f.name, nullableText(f.description),
                   f.typicalDurationWeeks, f.billingModel});
    q.next();
    return q.value(0).toLongLong();
}

void CatalogueStore::addOfferingEffort(qint64 offeringId, qint64 jobRoleId,
                                       const Decimal &hours) const
{
    db::query(m_db,
              QStringLiteral("INSERT INTO offering_effort (offering_id, job_role_id, hours) "
                             "VALUES (?, ?, ?::numeric) ON CONFLICT (offering_id, job_role_id) "
                             "DO UPDATE SET hours = offering_effort.hours + excluded.hours"),
              {offeringId, jobRoleId, hours.toString()});
}

void CatalogueStore::insertOfferingMilestone(qint64 offeringId, int seq,
                                             const OfferingMilestone &m) const
{
    db::query(m_db,
              QStringLiteral("INSERT INTO offering_milestones (offering_id, seq, name, "
                             "value_pct, week_offset) VALUES (?, ?, ?, ?::numeric, ?)"),
              {offeringId, seq, m.name, m.valuePct.toString(), m.weekOffset});
}

} // namespace keel::crm
