# Server tests for billing_demo: keel_server_test(<name>) per file.
