# Server tests of issue 8 on the demo firm: one load at scale 1, every aggregate against a rebuild
# from the detail, every metric's drill-down against its figure.
keel_server_test(analytics_demo)
set_tests_properties(server.analytics_demo PROPERTIES TIMEOUT 900)
