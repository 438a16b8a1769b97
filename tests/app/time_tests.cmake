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
# A client killed (SIGKILL) after a local save: the helper saves and waits to be killed.
if(TARGET keel-test-support)
  qt_add_executable(time_killed_helper time_killed_helper.cpp)
  target_link_libraries(time_killed_helper PRIVATE keel-client)
  keel_app_test(tst_time_killed LIBS keel-client keel-test-support)
  target_include_directories(tst_time_killed PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  add_dependencies(tst_time_killed time_killed_helper)
  target_compile_definitions(tst_time_killed PRIVATE
    KEEL_TIME_KILLED_HELPER="$<TARGET_FILE:time_killed_helper>")
endif()
if(TARGET tst_time_sync_live)
  # Screenshots (KEEL_SCREENSHOT_DIR) use the application's style sheet from the sources.
  target_compile_definitions(tst_time_sync_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
