# Server tests for banking: keel_server_test(<name>) per file.
keel_server_test(banking)
