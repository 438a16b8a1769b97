#pragma once

#include "paged_list_model.h"

namespace keel {
class ApiClient;
}

namespace keel::finance {

// The workspace's keyset-paged lists (rows arrive a page at a time as the view scrolls):
// column sets in one place, titles in the context "keel::sales::Columns" the model translates
// in.
sales::PagedListModel *accountLinesModel(ApiClient *api, QObject *parent);
sales::PagedListModel *vendorBillsModel(ApiClient *api, QObject *parent);
sales::PagedListModel *statementLinesModel(ApiClient *api, QObject *parent);

} // namespace keel::finance
