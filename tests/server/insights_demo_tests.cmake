# Issue 9 on the demo firm: one load at scale 1 (which trains every model), every insights route
# for the executive, the planted truth found.
keel_server_test(insights_demo)
set_tests_properties(server.insights_demo PROPERTIES TIMEOUT 900)
