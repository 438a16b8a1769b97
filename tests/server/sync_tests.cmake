# Server tests for the sync part of server/timeexpense: keel_server_test(<name>) per file.
keel_server_test(sync_cursor)
keel_server_test(sync_push)
keel_server_test(sync_reference)

# The real keel-server process killed in the middle of a push.
keel_server_test(sync_kill)
add_dependencies(tst_sync_kill keel-server)
target_compile_definitions(tst_sync_kill PRIVATE KEEL_SERVER_BIN="$<TARGET_FILE:keel-server>")
