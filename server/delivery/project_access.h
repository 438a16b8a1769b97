#pragma once

#include "http/http_types.h"
#include "permissions.h"
#include "project_store.h"
#include "roles.h"

namespace keel::project_access {

inline bool holdsRole(const Principal &p, const QString &role, const QString &entity)
{
    for (const RoleGrant &g : p.user.roles)
        if (g.role == role && (g.legalEntity.isEmpty() || g.legalEntity == entity))
            return true;
    return false;
}

inline bool covers(const QStringList &entities, const QString &entity)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(entity);
}

// Delivery users and finance / controllers read projects of their entities.
inline bool mayRead(const Principal &p, const QString &entity)
{
    return covers(p.entitiesFor(QString::fromLatin1(Permission::DeliveryUse)), entity) ||
           covers(p.entitiesFor(QString::fromLatin1(Permission::FinanceUse)), entity);
}

// The project, or 404 when it does not exist or the caller may not read it.
inline ProjectRow visibleProject(const ProjectStore &store, const Request &request, qint64 id,
                                 bool lock)
{
    const auto p = store.project(id, lock);
    if (!p || !mayRead(request.caller(), p->entity))
        throw ApiError::notFound(QStringLiteral("There is no project %1.").arg(id));
    return *p;
}

// Project managers change their own projects (scope my_projects); executives any project of
// their entities. Everyone else who can read it gets 403.
inline bool mayManage(const Principal &p, const ProjectRow &project)
{
    return holdsRole(p, QString::fromLatin1(Role::Executive), project.entity) ||
           (holdsRole(p, QString::fromLatin1(Role::ProjectManager), project.entity) &&
            project.projectManagerId == p.user.id);
}

inline void requireManage(const Request &request, const ProjectRow &project)
{
    if (!mayManage(request.caller(), project))
        throw ApiError::forbidden(
            QStringLiteral("Only the project's manager (or an executive) may change project %1.")
                .arg(project.id));
}

// Client acceptance and billing readiness of milestones: the project's manager or finance.
inline void requireManageOrFinance(const Request &request, const ProjectRow &project)
{
    if (mayManage(request.caller(), project) ||
        holdsRole(request.caller(), QString::fromLatin1(Role::Finance), project.entity))
        return;
    throw ApiError::forbidden(
        QStringLiteral("Only the project's manager or finance may record this on project %1.")
            .arg(project.id));
}

} // namespace keel::project_access
