#include "missing_time_service.h"

#include "http/http_types.h"
#include "roles.h"

namespace keel {

namespace {

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

bool covers(const QStringList &entities, const QString &entity)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(entity);
}

} // namespace

QJsonObject MissingTimeService::list(const Request &request, const QDate &from, const QDate &to,
                                     qint64 projectId, int limit, const QDate &afterWeek,
                                     qint64 afterEmployee) const
{
    MissingTimeQuery q;
    q.firstMonday = mondayOf(from);
    q.lastMonday = mondayOf(to);
    if (q.lastMonday < q.firstMonday || q.firstMonday.daysTo(q.lastMonday) / 7 >= kMaxWeeks)
        throw ApiError::invalidField(
            QStringLiteral("to"), QStringLiteral("out_of_range"),
            QStringLiteral("on or after from, at most %1 weeks").arg(kMaxWeeks));
    q.limit = limit;
    bool manager = false;
    for (const RoleGrant &g : request.caller().user.roles) {
        if (g.role == QLatin1String(Role::Finance) || g.role == QLatin1String(Role::Controller) ||
            g.role == QLatin1String(Role::ResourceManager)) {
            const QString e = g.legalEntity.isEmpty() ? QStringLiteral("*") : g.legalEntity;
            if (!q.entities.contains(e))
                q.entities << e;
        } else if (g.role == QLatin1String(Role::ProjectManager)) {
            manager = true;
        }
    }
    if (manager)
        q.managerUserId = request.caller().user.id;
    if (projectId) {
        const auto [entity, projectManager] = m_store.project(projectId);
        const bool mine = manager && projectManager == request.caller().user.id;
        if (entity.isEmpty() || (!mine && !covers(q.entities, entity)))
            throw ApiError::notFound(
                QStringLiteral("There is no project %1 of yours.").arg(projectId));
        q.projectId = projectId;
    }
    q.afterWeek = afterWeek;
    q.afterEmployee = afterEmployee;
    const QJsonArray items = m_store.weeks(q);
    QJsonObject out{{"items", items}};
    if (items.size() == limit) {
        const QJsonObject last = items.last().toObject();
        out.insert("next_after", last.value("week_start").toString() + u'/' +
                                     last.value("employee_id").toString());
    }
    return out;
}

} // namespace keel
