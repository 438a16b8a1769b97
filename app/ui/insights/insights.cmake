# keel-ui: the Insights workspace (issue 9): deals, projects at risk, flagged invoices,
# cash-in, forecast and models as tabs, and the insights cards of the role dashboards.
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/insights_bar_chart.h ${CMAKE_CURRENT_LIST_DIR}/insights_bar_chart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_state.h ${CMAKE_CURRENT_LIST_DIR}/insights_state.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reasons_view.h ${CMAKE_CURRENT_LIST_DIR}/reasons_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_list_tab.h ${CMAKE_CURRENT_LIST_DIR}/insights_list_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cash_in_tab.h ${CMAKE_CURRENT_LIST_DIR}/cash_in_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/forecast_tab.h ${CMAKE_CURRENT_LIST_DIR}/forecast_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/models_tab.h ${CMAKE_CURRENT_LIST_DIR}/models_tab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_page.h ${CMAKE_CURRENT_LIST_DIR}/insights_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_card.h ${CMAKE_CURRENT_LIST_DIR}/insights_card.cpp
)
