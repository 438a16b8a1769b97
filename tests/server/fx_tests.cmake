# Server tests for issue 7 (fx): keel_server_test(<name>) per file.
