# Server tests for issue 7 (revenue): keel_server_test(<name>) per file.
