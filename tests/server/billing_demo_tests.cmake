# The demo firm's billing and cash history (server/admin/demo_billing).
keel_server_test(billing_demo)
set_tests_properties(server.billing_demo PROPERTIES TIMEOUT 900)
