# Server tests for issue 7 (close_demo): keel_server_test(<name>) per file.
