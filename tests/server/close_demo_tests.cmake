# Server tests for issue 7 (close_demo): keel_server_test(<name>) per file.
# The demo firm's closed history (server/admin/demo_close): one load at scale 1.
keel_server_test(close_demo)
set_tests_properties(server.close_demo PROPERTIES TIMEOUT 900)
