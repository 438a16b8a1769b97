#pragma once

#include <QString>
#include <QStringList>

namespace keel {
struct Problem;
}

namespace keel::closing {

// Words for the close API's codes (translated, context keel::closing::CloseText).

// "Missing timesheets", "FX revaluation" …; the server's label when the task is unknown.
QString taskText(const QString &task, const QString &serverLabel = {});
// "Open", "Soft-closed", "Closed".
QString periodStatusText(const QString &status);
// A checklist light in words, never colour alone: "Red", "Amber", "Green", "Signed off".
QString signalText(const QString &state, bool signedOff = false);
// "Running 40 %", "Completed", "Failed".
QString runStatusText(const QString &status, int progress);
// What a refused soft close, hard close, sign-off, run or reopen means for the person:
// 409 checklist_red with the red items named (`redItems`, as the checklist shows them, is used
// when the answer does not list them), 409 previous_period_open, 423, 403.
QString actionProblemText(const Problem &problem, const QStringList &redItems);

} // namespace keel::closing
