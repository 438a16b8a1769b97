# keel-ui: Finance & Close workspace widgets
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/finance_widgets.h ${CMAKE_CURRENT_LIST_DIR}/finance_widgets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/finance_tab.h ${CMAKE_CURRENT_LIST_DIR}/finance_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/journal_entry_dialog.h ${CMAKE_CURRENT_LIST_DIR}/journal_entry_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledger_tab.h ${CMAKE_CURRENT_LIST_DIR}/ledger_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cash_dialog.h ${CMAKE_CURRENT_LIST_DIR}/cash_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/statement_dialog.h ${CMAKE_CURRENT_LIST_DIR}/statement_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/collection_note_dialog.h ${CMAKE_CURRENT_LIST_DIR}/collection_note_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/receivables_tab.h ${CMAKE_CURRENT_LIST_DIR}/receivables_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/vendor_bill_dialog.h ${CMAKE_CURRENT_LIST_DIR}/vendor_bill_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/payables_tab.h ${CMAKE_CURRENT_LIST_DIR}/payables_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/book_line_dialog.h ${CMAKE_CURRENT_LIST_DIR}/book_line_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bank_account_dialog.h ${CMAKE_CURRENT_LIST_DIR}/bank_account_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/bank_tab.h ${CMAKE_CURRENT_LIST_DIR}/bank_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/finance_page.h ${CMAKE_CURRENT_LIST_DIR}/finance_page.cpp
    # Statements, revenue, exchange rates (issue 7).
    ${CMAKE_CURRENT_LIST_DIR}/statements_tab.h ${CMAKE_CURRENT_LIST_DIR}/statements_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fx_rates_tab.h ${CMAKE_CURRENT_LIST_DIR}/fx_rates_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_schedule_pane.h ${CMAKE_CURRENT_LIST_DIR}/revenue_schedule_pane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_chart.h ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_chart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_pane.h ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_pane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/revenue_tab.h ${CMAKE_CURRENT_LIST_DIR}/revenue_tab.cpp
)
# The revenue forecast's bar chart.
target_link_libraries(keel-ui PUBLIC Qt6::Charts)
