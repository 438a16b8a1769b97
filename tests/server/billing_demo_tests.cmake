# The demo firm's billing and cash history (server/admin/demo_billing): one load at scale 1.
keel_server_test(billing_demo)
set_tests_properties(server.billing_demo PROPERTIES TIMEOUT 900)
# tst_demo_firm loads the firm a dozen times to check what came before billing; the billing
# history (most of a load's time) is left out there, and checked here.
set_tests_properties(server.demo_firm PROPERTIES ENVIRONMENT "KEEL_DEMO_BILLING=0")
