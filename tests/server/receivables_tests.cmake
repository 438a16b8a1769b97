# Server tests for receivables: keel_server_test(<name>) per file.
