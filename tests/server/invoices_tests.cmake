# Server tests for invoices: keel_server_test(<name>) per file.
