# Client tests for the Dashboards workspace (issue 8): the models alone, and the cards, drill
# down, exports and filter bar against a live keel-server with the ledger fixture
# (tests/server/tst_ledger_fixture.h).
keel_app_test(tst_dashboards_models LIBS keel-client)
if(TARGET keel-test-support)
  keel_app_test(tst_dashboards_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_dashboards_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  target_compile_definitions(tst_dashboards_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_tests_properties(tst_dashboards_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
