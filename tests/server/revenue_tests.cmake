# Server tests for issue 7 (revenue): keel_server_test(<name>) per file.
keel_server_test(revenue_methods)
keel_server_test(revenue_run)
