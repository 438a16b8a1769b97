#pragma once

class QLabel;
class QString;
class QTableView;

namespace keel::timeapproval {

// The look of the approval, missing-time and expense lists: row separators instead of a grid,
// a quiet header with room around the titles, 30 px rows.
void styleListView(QTableView *view);

// A page's outcome line: green for done, red for refused, shown.
void showOutcome(QLabel *label, const QString &text, bool error);

} // namespace keel::timeapproval
