#include "resource_request_service.h"

#include "audit/audit_log.h"
#include "employee_access.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

QStringList salesEntities(const Request &request)
{
    return request.caller().entitiesFor(QString::fromLatin1(Permission::SalesUse));
}

// Requests the caller may read, as a condition on r / le / p.
QString visibleRequestsSql(const Request &request, const ResourcingCaller &caller,
                           QVariantList &binds)
{
    QStringList parts;
    if (caller.readEntities.contains(QStringLiteral("*"))) {
        parts << QStringLiteral("true");
    } else if (!caller.readEntities.isEmpty()) {
        parts << QStringLiteral("le.code = ANY(?::text[])");
        binds << textArray(caller.readEntities);
    }
    if (caller.isProjectManager()) {
        parts << QStringLiteral("p.project_manager_id = ?");
        binds << caller.userId;
    }
    const QStringList sales = salesEntities(request);
    if (sales.contains(QStringLiteral("*"))) {
        parts << QStringLiteral("r.opportunity_id IS NOT NULL");
    } else if (!sales.isEmpty()) {
        parts << QStringLiteral("(r.opportunity_id IS NOT NULL AND le.code = ANY(?::text[]))");
        binds << textArray(sales);
    }
    if (parts.isEmpty())
        throw ApiError::forbidden(
            QStringLiteral("Resource requests are for resource, project and sales managers."));
    return QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QStringLiteral(")");
}

} // namespace

ResourceRequestService::ResourceRequestService(DbConfig config) : m_store(std::move(config)) {}

QJsonObject ResourceRequestService::create(const Request &request, const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    ResourceRequestInput r;
    r.projectId = in.optionalInt64(QStringLiteral("project_id")).value_or(0);
    r.opportunityId = in.optionalInt64(QStringLiteral("opportunity_id")).value_or(0);
    if ((r.projectId != 0) == (r.opportunityId != 0))
        in.addError(QStringLiteral("project_id"), FieldErrorCode::Required,
                    QStringLiteral("exactly one of project_id (hard) or opportunity_id (soft)"));
    const QString role = in.requiredString(QStringLiteral("job_role"));
    if (!role.isEmpty()) {
        r.jobRoleId = idByCode(m_store.db(), QStringLiteral("job_roles"), role).value_or(0);
        if (!r.jobRoleId)
            in.addError(QStringLiteral("job_role"), FieldErrorCode::InvalidValue,
                        QStringLiteral("no job role %1").arg(role));
    }
    const Decimal hours = in.requiredDecimal(QStringLiteral("hours_per_week"));
    if (in.has(QStringLiteral("hours_per_week")) &&
        (!hours.isPositive() || hours > Decimal::fromInt(80) || hours.rounded(2) != hours))
        in.addError(QStringLiteral("hours_per_week"), FieldErrorCode::InvalidValue,
                    QStringLiteral("more than 0, at most 80, 2 decimals"));
    r.hoursPerWeek = hours.toString(2);
    r.start = in.requiredDate(QStringLiteral("start_date"));
    r.end = in.requiredDate(QStringLiteral("end_date"));
    if (r.start.isValid() && r.end.isValid() && r.end < r.start)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after start_date"));
    if (r.start.isValid() && r.end.isValid() && r.start.daysTo(r.end) > 3 * 366)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most three years after start_date"));
    r.locationCountry = in.optionalString(QStringLiteral("location_country")).value_or(QString());
    static const QRegularExpression countryRe(QStringLiteral("^[A-Z]{2}$"));
    if (!r.locationCountry.isEmpty() && !countryRe.match(r.locationCountry).hasMatch())
        in.addError(QStringLiteral("location_country"), FieldErrorCode::InvalidValue,
                    QStringLiteral("an ISO 3166 country code such as GB"));
    r.locationCity = in.optionalString(QStringLiteral("location_city")).value_or(QString());
    if (r.locationCity.size() > 100)
        in.addError(QStringLiteral("location_city"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 100 characters"));
    r.note = in.optionalString(QStringLiteral("note")).value_or(QString());
    if (r.note.size() > 2000)
        in.addError(QStringLiteral("note"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 2000 characters"));
    // Required skills: [{"skill": "AWS", "min_level": 3}], codes (or names) of the taxonomy.
    const QJsonArray skills = in.optionalArray(QStringLiteral("skills")).value_or(QJsonArray());
    if (skills.size() > 30)
        in.addError(QStringLiteral("skills"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 30 skills"));
    QStringList codes;
    for (const QJsonValue &v : skills)
        codes << v.toObject().value("skill").toString();
    QSqlQuery known = db::query(m_store.db(),
                                QStringLiteral("SELECT c, s.id, s.name FROM unnest(?::text[]) AS c "
                                               "JOIN skills s ON s.code = c OR lower(s.name) = "
                                               "lower(c)"),
                                {textArray(codes)});
    QHash<QString, QPair<qint64, QString>> found;
    while (known.next())
        found.insert(known.value(0).toString(),
                     {known.value(1).toLongLong(), known.value(2).toString()});
    for (int i = 0; i < skills.size() && i < 30; ++i) {
        if (!skills[i].isObject()) {
            in.addError(QStringLiteral("skills/%1").arg(i), FieldErrorCode::InvalidType,
                        QStringLiteral("an object {skill, min_level}"));
            continue;
        }
        JsonReader s = in.child(QStringLiteral("skills/%1").arg(i), skills[i].toObject());
        const QString code = s.requiredString(QStringLiteral("skill"));
        const qint64 level = s.optionalInt64(QStringLiteral("min_level")).value_or(1);
        if (level < 1 || level > 5)
            s.addError(QStringLiteral("min_level"), FieldErrorCode::InvalidValue,
                       QStringLiteral("1 to 5"));
        if (!code.isEmpty() && !found.contains(code))
            s.addError(QStringLiteral("skill"), "unknown_skill",
                       QStringLiteral("no skill %1 in the taxonomy").arg(code));
        in.addErrors(s.errors());
        if (s.ok() && found.contains(code)) {
            r.skills.append({found.value(code).first, int(level)});
            r.skillNames.append(found.value(code).second);
        }
    }
    throwIfInvalid(in);

    db::Transaction tx(m_store.db());
    if (r.projectId) {
        const auto p = m_store.project(r.projectId);
        const bool pm = p && p->managerId == caller.userId && caller.isProjectManager();
        if (!p || !(pm || caller.reads(p->entity)))
            throw ApiError::invalidField(QStringLiteral("project_id"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("no project %1").arg(r.projectId));
        if (!pm && !caller.manages(p->entity))
            throw ApiError::forbidden(QStringLiteral("Hard requests come from the project's "
                                                     "manager or a resource manager."));
        if (!p->open)
            throw ApiError::conflict(QStringLiteral("The project is closed."));
        if (r.start < p->start || r.end > p->end)
            throw ApiError::invalidField(
                QStringLiteral("start_date"), QStringLiteral("outside_project"),
                QStringLiteral("the request (%1 to %2) must lie within the project's dates "
                               "(%3 to %4)")
                    .arg(formatDate(r.start), formatDate(r.end), formatDate(p->start),
                         formatDate(p->end)));
        r.legalEntityId = p->legalEntityId;
        r.kind = QStringLiteral("hard");
        r.probability = QStringLiteral("100");
    } else {
        const auto o = m_store.opportunity(r.opportunityId);
        const QStringList sales = salesEntities(request);
        const bool seller = o && ResourcingCaller::covers(sales, o->entity);
        if (!o || !(seller || caller.reads(o->entity)))
            throw ApiError::invalidField(QStringLiteral("opportunity_id"),
                                         FieldErrorCode::InvalidValue,
                                         QStringLiteral("no opportunity %1").arg(r.opportunityId));
        if (!seller && !caller.manages(o->entity))
            throw ApiError::forbidden(QStringLiteral("Soft requests come from sales or a resource "
                                                     "manager of the opportunity's entity."));
        if (!o->open)
            throw ApiError::conflict(
                QStringLiteral("The opportunity is closed; it no longer makes requests."));
        r.legalEntityId = o->legalEntityId;
        r.kind = QStringLiteral("soft");
        r.probability = o->probability;
    }
    r.createdBy = caller.userId;
    const qint64 id = m_store.insert(r);
    const QJsonObject after = m_store.request(id)->first;
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("resource_request.create"),
                                        QStringLiteral("resource_request"), QString::number(id));
    audit.after = after;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return after;
}

QJsonObject ResourceRequestService::list(const Request &request, const PageRequest &page) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    ResourceRequestFilter f;
    f.visibleSql = visibleRequestsSql(request, caller, f.visibleBinds);
    const QUrlQuery &q = request.query;
    f.status = q.queryItemValue(QStringLiteral("status"));
    static const QStringList statuses{"open", "filled", "cancelled"};
    if (!f.status.isEmpty() && !statuses.contains(f.status))
        throw ApiError::invalidField(QStringLiteral("status"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("open, filled or cancelled"));
    f.kind = q.queryItemValue(QStringLiteral("kind"));
    if (!f.kind.isEmpty() && f.kind != QLatin1String("soft") && f.kind != QLatin1String("hard"))
        throw ApiError::invalidField(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("soft or hard"));
    f.role = q.queryItemValue(QStringLiteral("role"));
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("project_id"), &f.projectId},
          std::pair{QStringLiteral("opportunity_id"), &f.opportunityId}}) {
        const QString v = q.queryItemValue(name);
        if (v.isEmpty())
            continue;
        bool ok = false;
        *target = v.toLongLong(&ok);
        if (!ok || *target <= 0)
            throw ApiError::invalidField(name, FieldErrorCode::InvalidValue,
                                         QStringLiteral("an id"));
    }
    return page.page(m_store.list(f, page.after, page.limit));
}

QJsonObject ResourceRequestService::get(const Request &request, qint64 id) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    ResourceRequestFilter f;
    f.visibleSql = visibleRequestsSql(request, caller, f.visibleBinds);
    f.visibleSql = QStringLiteral("r.id = ? AND ") + f.visibleSql;
    f.visibleBinds.prepend(id);
    const QJsonArray rows = m_store.list(f, 0, 1);
    if (rows.isEmpty())
        throw ApiError::notFound(QStringLiteral("There is no resource request %1.").arg(id));
    return rows.first().toObject();
}

} // namespace keel
