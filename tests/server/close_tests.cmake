# Server tests for issue 7 (close): keel_server_test(<name>) per file.
