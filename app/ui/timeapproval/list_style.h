#pragma once

class QTableView;

namespace keel::timeapproval {

// The look of the approval, missing-time and expense lists: row separators instead of a grid,
// a quiet header with room around the titles, 30 px rows.
void styleListView(QTableView *view);

} // namespace keel::timeapproval
