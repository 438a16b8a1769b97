#pragma once

#include "workflow/state_machine.h"

#include <QTest>

// Marks a state-machine transition as covered by the test it appears in. Write it where the test
// has driven the transition and observed the document's new state:
//
//     KEEL_COVERS_TRANSITION("quote", "draft", "submit", quote.value("status").toString());
//
// At run time it checks that the transition exists and leads to the observed state (so a stale
// marker fails its own test); tst_state_machines finds the markers in tests/**/*.cpp by their
// literal text, so the three first arguments must be string literals.
#define KEEL_COVERS_TRANSITION(type, from, action, observed)                                       \
    do {                                                                                           \
        const auto keelMachine_ = ::keel::StateMachineRegistry::get(QStringLiteral(type));         \
        QVERIFY2(keelMachine_.has_value(), "no state machine for " type);                          \
        const auto keelTo_ = keelMachine_->tryNext(QStringLiteral(from), QStringLiteral(action));  \
        QVERIFY2(keelTo_.has_value(), type ": no transition " from " --" action "-->");            \
        QCOMPARE(QString(observed), *keelTo_);                                                     \
    } while (false)
