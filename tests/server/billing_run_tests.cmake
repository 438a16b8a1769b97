# Server tests for billing_run: keel_server_test(<name>) per file.
