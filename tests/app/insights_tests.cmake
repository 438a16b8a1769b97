# Client tests for the Insights workspace (issue 9): the answers, lists and words alone, and the
# workspace, the Retrain run and the billing review's flags against a live keel-server on a small
# fixture the test builds (tests/server/tst_billing_run_fixture.h).
keel_app_test(tst_insights_models LIBS keel-ui)
if(TARGET keel-test-support AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_insights_live.cpp)
  keel_app_test(tst_insights_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_insights_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server
                                                       ${PROJECT_SOURCE_DIR}/server)
  set_tests_properties(tst_insights_live PROPERTIES TIMEOUT 300
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
