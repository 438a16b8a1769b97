#include "state_machine.h"

#include "http/http_types.h"

#include <QMap>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace keel {

std::optional<QString> StateMachine::tryNext(const QString &from, const QString &action) const
{
    for (const Transition &t : transitions)
        if (t.from == from && t.action == action)
            return t.to;
    return std::nullopt;
}

QString StateMachine::next(const QString &from, const QString &action) const
{
    if (const auto to = tryNext(from, action))
        return *to;
    const QStringList allowed = actionsFrom(from);
    throw ApiError::conflict(
        QStringLiteral("A %1 in state \"%2\" cannot be %3 (%4).")
            .arg(documentType, from, action,
                 allowed.isEmpty()
                     ? QStringLiteral("no action is possible in this state")
                     : QStringLiteral("possible: ") + allowed.join(QStringLiteral(", "))));
}

QStringList StateMachine::actionsFrom(const QString &from) const
{
    QStringList actions;
    for (const Transition &t : transitions)
        if (t.from == from && !actions.contains(t.action))
            actions.append(t.action);
    return actions;
}

namespace {
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}
QMap<QString, StateMachine> &registry()
{
    static QMap<QString, StateMachine> machines;
    return machines;
}
} // namespace

void StateMachineRegistry::add(const StateMachine &machine)
{
    QMutexLocker lock(&registryMutex());
    registry().insert(machine.documentType, machine);
}

QList<StateMachine> StateMachineRegistry::all()
{
    QMutexLocker lock(&registryMutex());
    return registry().values(); // QMap: sorted by document type
}

std::optional<StateMachine> StateMachineRegistry::get(const QString &documentType)
{
    QMutexLocker lock(&registryMutex());
    const auto it = registry().constFind(documentType);
    if (it == registry().cend())
        return std::nullopt;
    return *it;
}

} // namespace keel
