# Server tests for the expenses part of server/timeexpense: keel_server_test(<name>) per file.
keel_server_test(expenses)
keel_server_test(expense_reports)
keel_server_test(vendor_bills)
