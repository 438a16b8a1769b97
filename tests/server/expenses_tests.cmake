# Server tests for the expenses part of server/timeexpense: keel_server_test(<name>) per file.
