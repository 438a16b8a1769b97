# Client tests for time: keel_app_test(<name> LIBS ...) per file.
# The offline store alone (SQLite, no server).
keel_app_test(tst_time_local_store LIBS keel-client)
# The weekly grid from the keyboard (offscreen, local store).
keel_app_test(tst_time_timesheet LIBS keel-ui)
# Offline capture, sync and offline start against a live keel-server; the set-up reuses the
# server tests' time fixture (tests/server/tst_time_fixture.h).
if(TARGET keel-test-support)
  keel_app_test(tst_time_sync_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_time_sync_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  set_tests_properties(tst_time_sync_live PROPERTIES TIMEOUT 300
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
