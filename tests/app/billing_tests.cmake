# Client tests for the Billing workspace, against a live keel-server (tst_billing_fixture.h
# seeds contracts and approved time straight into the tables).
if(TARGET keel-test-support)
  keel_app_test(tst_billing_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_billing_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  target_compile_definitions(tst_billing_live PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_tests_properties(tst_billing_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
if(TARGET keel-test-support)
  keel_app_test(tst_billing_credit_live LIBS keel-ui keel-test-support)
  target_include_directories(tst_billing_credit_live PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
  set_tests_properties(tst_billing_credit_live PROPERTIES
    ENVIRONMENT_MODIFICATION
    "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
endif()
