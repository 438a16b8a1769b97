# Server tests for the time part of server/timeexpense: keel_server_test(<name>) per file.
keel_server_test(time_entries)
keel_server_test(time_approvals)
keel_server_test(time_missing)
