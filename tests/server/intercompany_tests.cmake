# Server tests for issue 7 (intercompany): keel_server_test(<name>) per file.
keel_server_test(intercompany)
keel_server_test(statements)
