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
# Offline start with "remember me" and the automatic resume need a secret service.
if(TARGET keel-test-support AND DBUS_RUN_SESSION AND GNOME_KEYRING_DAEMON)
  qt_add_executable(tst_time_offline_remember tst_time_offline_remember.cpp)
  target_link_libraries(tst_time_offline_remember PRIVATE Qt6::Test keel-ui keel-test-support)
  target_include_directories(tst_time_offline_remember PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  add_test(NAME tst_time_offline_remember
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/with_keyring.sh
                   $<TARGET_FILE:tst_time_offline_remember>)
  set_tests_properties(tst_time_offline_remember PROPERTIES
    ENVIRONMENT "${_offscreen}" TIMEOUT 120 LABELS app)
endif()
