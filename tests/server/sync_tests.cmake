# Server tests for the sync part of server/timeexpense: keel_server_test(<name>) per file.
