#include "resource_request_store.h"

#include "employee_access.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {

const QString kColumns = QStringLiteral(
    "SELECT r.id, le.code, r.kind, r.project_id, p.name, r.opportunity_id, o.name, jr.code, "
    "r.hours_per_week::text, r.total_hours::text, r.start_date, r.end_date, r.probability::text, "
    "r.location_country, r.location_city, r.status, r.note, r.version, "
    "(SELECT coalesce(json_agg(json_build_object('skill', s.code, 'name', s.name, 'min_level', "
    " rs.min_level) ORDER BY s.code), '[]') FROM resource_request_skills rs JOIN skills s ON "
    " s.id = rs.skill_id WHERE rs.request_id = r.id)::text, "
    "(SELECT coalesce(sum(a.hours_per_week), 0) FROM assignments a WHERE a.request_id = "
    "r.id)::text "
    "FROM resource_requests r JOIN legal_entities le ON le.id = r.legal_entity_id "
    "JOIN job_roles jr ON jr.id = r.job_role_id LEFT JOIN projects p ON p.id = r.project_id "
    "LEFT JOIN opportunities o ON o.id = r.opportunity_id ");

QJsonObject requestFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"legal_entity", q.value(1).toString()},
            {"kind", q.value(2).toString()},
            {"project_id", optId(q.value(3))},
            {"project_name", optText(q.value(4))},
            {"opportunity_id", optId(q.value(5))},
            {"opportunity_name", optText(q.value(6))},
            {"job_role", q.value(7).toString()},
            {"hours_per_week", decimalText(q.value(8))},
            {"total_hours", decimalText(q.value(9))},
            {"start_date", dateToJson(q.value(10).toDate())},
            {"end_date", dateToJson(q.value(11).toDate())},
            {"probability", decimalText(q.value(12))},
            {"location_country", optText(q.value(13))},
            {"location_city", optText(q.value(14))},
            {"status", q.value(15).toString()},
            {"note", optText(q.value(16))},
            {"version", q.value(17).toInt()},
            {"skills", QJsonDocument::fromJson(q.value(18).toByteArray()).array()},
            {"assigned_hours_per_week", decimalText(q.value(19))}};
}

} // namespace

QSqlDatabase ResourceRequestStore::db() const
{
    return db::connection(m_config);
}

std::optional<DemandSource> ResourceRequestStore::project(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT p.id, p.legal_entity_id, le.code, p.start_date, "
                                           "p.end_date, p.project_manager_id, p.status FROM "
                                           "projects p JOIN legal_entities le ON le.id = "
                                           "p.legal_entity_id WHERE p.id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    DemandSource s;
    s.id = id;
    s.legalEntityId = q.value(1).toLongLong();
    s.entity = q.value(2).toString();
    s.start = q.value(3).toDate();
    s.end = q.value(4).toDate();
    s.managerId = q.value(5).toLongLong();
    s.status = q.value(6).toString();
    s.open = s.status != QLatin1String("closed");
    s.probability = QStringLiteral("100");
    return s;
}

std::optional<DemandSource> ResourceRequestStore::opportunity(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT o.id, o.legal_entity_id, le.code, "
                                           "o.expected_start, o.owner_id, o.probability::text, "
                                           "o.is_open FROM opportunities o JOIN legal_entities "
                                           "le ON le.id = o.legal_entity_id WHERE o.id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    DemandSource s;
    s.id = id;
    s.legalEntityId = q.value(1).toLongLong();
    s.entity = q.value(2).toString();
    s.start = q.value(3).toDate();
    s.managerId = q.value(4).toLongLong();
    s.probability = q.value(5).toString();
    s.open = q.value(6).toBool();
    return s;
}

qint64 ResourceRequestStore::insert(const ResourceRequestInput &in) const
{
    // total_hours: hours per week × working days in the range / 5.
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO resource_requests (legal_entity_id, project_id, opportunity_id, "
            "job_role_id, hours_per_week, total_hours, start_date, end_date, skills, kind, "
            "probability, location_country, location_city, note, created_by) "
            "SELECT ?, ?, ?, ?, ?::numeric, round(?::numeric * (SELECT count(*) FROM "
            "generate_series(?::date, ?::date, interval '1 day') d WHERE extract(isodow FROM d) "
            "< 6) / 5, 2), ?, ?, ?::text[], ?, ?::numeric, ?, ?, ?, ? RETURNING id"),
        {in.legalEntityId, nullableId(in.projectId), nullableId(in.opportunityId), in.jobRoleId,
         in.hoursPerWeek, in.hoursPerWeek, in.start, in.end, in.start, in.end,
         textArray(in.skillNames), in.kind, in.probability, nullableText(in.locationCountry),
         nullableText(in.locationCity), nullableText(in.note), nullableId(in.createdBy)});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    for (const auto &[skillId, level] : in.skills)
        db::query(db(),
                  QStringLiteral("INSERT INTO resource_request_skills (request_id, skill_id, "
                                 "min_level) VALUES (?, ?, ?) ON CONFLICT (request_id, skill_id) "
                                 "DO UPDATE SET min_level = excluded.min_level"),
                  {id, skillId, level});
    return id;
}

std::optional<QPair<QJsonObject, QString>> ResourceRequestStore::request(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kColumns + QStringLiteral("WHERE r.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF r") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return QPair<QJsonObject, QString>(requestFrom(q), q.value(1).toString());
}

QJsonArray ResourceRequestStore::list(const ResourceRequestFilter &f, qint64 after, int limit) const
{
    QString sql = kColumns + QStringLiteral("WHERE r.id > ? AND ") + f.visibleSql;
    QVariantList binds{after};
    binds << f.visibleBinds;
    auto add = [&](const QString &value, const QString &condition) {
        if (value.isEmpty())
            return;
        sql += QStringLiteral(" AND ") + condition;
        binds << value;
    };
    add(f.status, QStringLiteral("r.status = ?"));
    add(f.kind, QStringLiteral("r.kind = ?"));
    add(f.role, QStringLiteral("jr.code = ?"));
    if (f.projectId) {
        sql += QStringLiteral(" AND r.project_id = ?");
        binds << f.projectId;
    }
    if (f.opportunityId) {
        sql += QStringLiteral(" AND r.opportunity_id = ?");
        binds << f.opportunityId;
    }
    sql += QStringLiteral(" ORDER BY r.id LIMIT ?");
    binds << limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(requestFrom(q));
    return out;
}

void ResourceRequestStore::updateFilled(qint64 id) const
{
    db::query(db(),
              QStringLiteral("UPDATE resource_requests r SET status = CASE WHEN (SELECT "
                             "coalesce(sum(a.hours_per_week), 0) FROM assignments a WHERE "
                             "a.request_id = r.id) >= r.hours_per_week THEN 'filled' ELSE 'open' "
                             "END, version = version + 1, updated_at = now() WHERE r.id = ? AND "
                             "r.status <> 'cancelled'"),
              {id});
}

} // namespace keel
