#pragma once

#include "workflow/state_machine.h"

// A document type that exists only in tests, to exercise the workflow framework on its own:
// draft --submit--> submitted --approve--> approved, submitted --reject--> rejected,
// rejected --revise--> draft.
inline keel::StateMachine workflowTestDocMachine()
{
    return {QStringLiteral("wf_test_doc"),
            {QStringLiteral("draft"), QStringLiteral("submitted"), QStringLiteral("approved"),
             QStringLiteral("rejected")},
            QStringLiteral("draft"),
            {{QStringLiteral("draft"), QStringLiteral("submit"), QStringLiteral("submitted")},
             {QStringLiteral("submitted"), QStringLiteral("approve"), QStringLiteral("approved")},
             {QStringLiteral("submitted"), QStringLiteral("reject"), QStringLiteral("rejected")},
             {QStringLiteral("rejected"), QStringLiteral("revise"), QStringLiteral("draft")}}};
}
