#include "roles.h"

namespace keel {

QStringList allRoles()
{
    return {Role::Consultant, Role::ProjectManager, Role::ResourceManager,
            Role::Sales,      Role::SalesDirector,  Role::Finance,
            Role::Controller, Role::Executive,      Role::Admin};
}

bool isKnownRole(const QString &role)
{
    return allRoles().contains(role);
}

} // namespace keel
