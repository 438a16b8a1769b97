#pragma once

#include <QString>
#include <QStringList>

namespace keel {

// A role as people read it ("Project manager"), translated; unknown roles as given.
QString roleDisplayName(const QString &role);
QString roleDisplayNames(const QStringList &roles);

} // namespace keel
