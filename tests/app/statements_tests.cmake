# Client tests for statements, revenue schedules and exchange rates (Finance workspace), against
# a live keel-server; the set-up reuses the server tests' fixtures (tst_ledger_fixture.h,
# tst_intercompany_fixture.h, tst_revenue_fixture.h).
# The models alone: exact differences, several obligations' months, typed rates, import errors.
keel_app_test(tst_finance_statements_models LIBS keel-client)

if(TARGET keel-test-support)
  set(_statements_live tst_finance_statements_live tst_finance_fx_live tst_finance_revenue_live)
  foreach(_t IN LISTS _statements_live)
    keel_app_test(${_t} LIBS keel-ui keel-test-support)
    target_include_directories(${_t} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
    target_compile_definitions(${_t} PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    set_tests_properties(${_t} PROPERTIES
      ENVIRONMENT_MODIFICATION
      "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
  endforeach()
endif()
