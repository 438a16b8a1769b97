#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

// The explicit lifecycle of one document type: its states, the initial one and the allowed
// transitions (from --action--> to). Services ask next() before changing a document's state;
// the meta-test tst_state_machines walks every registered machine (see README.md).
struct StateMachine
{
    struct Transition
    {
        QString from;
        QString action;
        QString to;
    };

    QString documentType;
    QStringList states;
    QString initial;
    QList<Transition> transitions;

    // The state `action` leads to from `from`; throws ApiError::conflict (409) naming the state
    // and the action when the machine does not allow it.
    QString next(const QString &from, const QString &action) const;
    // Same, without throwing.
    std::optional<QString> tryNext(const QString &from, const QString &action) const;
    // The actions allowed from a state (for clients that show buttons).
    QStringList actionsFrom(const QString &from) const;
};

// Process-wide registry of state machines. Contexts add theirs while KeelServer is constructed;
// add() is idempotent per documentType (the last definition wins), because one test process
// may construct several servers. Thread-safe.
class StateMachineRegistry
{
public:
    static void add(const StateMachine &machine);
    static QList<StateMachine> all(); // sorted by documentType
    static std::optional<StateMachine> get(const QString &documentType);
};

} // namespace keel
