# server/analytics: metrics, drill-downs and the aggregates behind them (README.md).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/analytics_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_dimensions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_rates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_facts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analytics_catalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_month_fact.cpp
)
# One fragment per family, owned by its author.
include(${CMAKE_CURRENT_LIST_DIR}/people.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/projects.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/finance.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/revenue.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sales.cmake)
