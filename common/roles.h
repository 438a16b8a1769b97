#pragma once

#include <QString>
#include <QStringList>

namespace keel {

// The roles a user may hold. A grant is a role scoped to one legal entity or to all.
namespace Role {
inline constexpr auto Consultant = "consultant";
inline constexpr auto ProjectManager = "project_manager";
inline constexpr auto ResourceManager = "resource_manager";
inline constexpr auto Sales = "sales";
inline constexpr auto SalesDirector = "sales_director";
inline constexpr auto Finance = "finance";
inline constexpr auto Controller = "controller";
inline constexpr auto Executive = "executive";
inline constexpr auto Admin = "admin";
} // namespace Role

QStringList allRoles();
bool isKnownRole(const QString &role);

} // namespace keel
