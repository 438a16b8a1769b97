# Server tests for payables: keel_server_test(<name>) per file.
