# Client tests for expense: keel_app_test(<name> LIBS ...) per file.
# Time approvals and expenses against a live keel-server; they reuse the server tests' fixtures
# (tests/server/tst_time_fixture.h, tst_expense_fixture.h) for the set-up.
if(TARGET keel-test-support)
  keel_app_test(tst_time_approval_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_time_approval_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  target_compile_definitions(tst_time_approval_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_tests_properties(tst_time_approval_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
if(TARGET keel-test-support)
  keel_app_test(tst_expense_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_expense_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  target_compile_definitions(tst_expense_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_tests_properties(tst_expense_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
