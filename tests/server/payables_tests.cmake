# Server tests for payables: keel_server_test(<name>) per file.
keel_server_test(payables)
