# Client tests for the close cockpit (Finance workspace) against a live keel-server; the set-up
# reuses the ledger fixture (tests/server/tst_ledger_fixture.h).
if(TARGET keel-test-support)
  keel_app_test(tst_close_cockpit_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_close_cockpit_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  target_compile_definitions(tst_close_cockpit_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_tests_properties(tst_close_cockpit_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
