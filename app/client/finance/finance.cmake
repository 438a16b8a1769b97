# keel-client: finance workspace models (receivables, payables, ledger, bank)
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/finance_api.h ${CMAKE_CURRENT_LIST_DIR}/finance_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/finance_scope.h ${CMAKE_CURRENT_LIST_DIR}/finance_scope.cpp
    ${CMAKE_CURRENT_LIST_DIR}/finance_lists.h ${CMAKE_CURRENT_LIST_DIR}/finance_lists.cpp
    ${CMAKE_CURRENT_LIST_DIR}/row_text_proxy.h ${CMAKE_CURRENT_LIST_DIR}/row_text_proxy.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledger_report.h ${CMAKE_CURRENT_LIST_DIR}/ledger_report.cpp
    ${CMAKE_CURRENT_LIST_DIR}/journal_entry.h ${CMAKE_CURRENT_LIST_DIR}/journal_entry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/aging_model.h ${CMAKE_CURRENT_LIST_DIR}/aging_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/allocation_model.h ${CMAKE_CURRENT_LIST_DIR}/allocation_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/statement_import.h ${CMAKE_CURRENT_LIST_DIR}/statement_import.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vendor_bill.h ${CMAKE_CURRENT_LIST_DIR}/vendor_bill.cpp
    # Statements, revenue schedules and forecast, exchange rates (issue 7).
    ${CMAKE_CURRENT_LIST_DIR}/statements_model.h ${CMAKE_CURRENT_LIST_DIR}/statements_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fx_api.h ${CMAKE_CURRENT_LIST_DIR}/fx_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fx_rates_model.h ${CMAKE_CURRENT_LIST_DIR}/fx_rates_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fx_rate_import.h ${CMAKE_CURRENT_LIST_DIR}/fx_rate_import.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_api.h ${CMAKE_CURRENT_LIST_DIR}/revenue_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_run_job.h ${CMAKE_CURRENT_LIST_DIR}/revenue_run_job.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_months_model.h ${CMAKE_CURRENT_LIST_DIR}/revenue_months_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_schedule_model.h ${CMAKE_CURRENT_LIST_DIR}/revenue_schedule_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_model.h ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_model.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
