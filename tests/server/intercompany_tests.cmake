# Server tests for issue 7 (intercompany): keel_server_test(<name>) per file.
