#include "role_names.h"

#include "roles.h"

#include <QCoreApplication>
#include <QHash>

namespace keel {

QString roleDisplayName(const QString &role)
{
    static const QHash<QString, const char *> names{
        {Role::Consultant, QT_TRANSLATE_NOOP("keel::Role", "Consultant")},
        {Role::ProjectManager, QT_TRANSLATE_NOOP("keel::Role", "Project manager")},
        {Role::ResourceManager, QT_TRANSLATE_NOOP("keel::Role", "Resource manager")},
        {Role::Sales, QT_TRANSLATE_NOOP("keel::Role", "Sales")},
        {Role::SalesDirector, QT_TRANSLATE_NOOP("keel::Role", "Sales director")},
        {Role::Finance, QT_TRANSLATE_NOOP("keel::Role", "Finance")},
        {Role::Controller, QT_TRANSLATE_NOOP("keel::Role", "Controller")},
        {Role::Executive, QT_TRANSLATE_NOOP("keel::Role", "Executive")},
        {Role::Admin, QT_TRANSLATE_NOOP("keel::Role", "Administrator")},
    };
    const auto it = names.constFind(role);
    return it == names.constEnd() ? role : QCoreApplication::translate("keel::Role", *it);
}

QString roleDisplayNames(const QStringList &roles)
{
    QStringList out;
    for (const QString &r : roles)
        out.append(roleDisplayName(r));
    return out.join(QStringLiteral(", "));
}

} // namespace keel
