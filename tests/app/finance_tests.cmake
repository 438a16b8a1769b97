# Client tests for the Finance workspace (receivables, payables, ledger, bank) against a live
# keel-server; they reuse the server tests' fixtures (tests/server/tst_ledger_fixture.h,
# tst_receivables_fixture.h, tst_payables_fixture.h) for the set-up.
# The models alone: allocation, statement file checks, aging grid, entity choice.
keel_app_test(tst_finance_models LIBS keel-client)

if(TARGET keel-test-support)
  set(_finance_live tst_finance_ledger_live)
  # Receivables and banking fixtures arrive with their server parts.
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/../server/tst_receivables_fixture.h)
    list(APPEND _finance_live tst_finance_receivables_live tst_finance_bank_live)
  endif()
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/../server/tst_payables_fixture.h)
    list(APPEND _finance_live tst_finance_payables_live)
  endif()
  foreach(_t IN LISTS _finance_live)
    keel_app_test(${_t} LIBS keel-ui keel-test-support)
    target_include_directories(${_t} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../server)
    target_compile_definitions(${_t} PRIVATE KEEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    set_tests_properties(${_t} PROPERTIES
      ENVIRONMENT_MODIFICATION
      "DBUS_SESSION_BUS_ADDRESS=set:unix:path=/nonexistent/keel-no-bus;DISPLAY=unset:;WAYLAND_DISPLAY=unset:")
  endforeach()
endif()
