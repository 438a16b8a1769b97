# server/insights: explained, backtested models (README.md).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/insights_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_catalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_stats.cpp
)
# One fragment per part, owned by its author.
include(${CMAKE_CURRENT_LIST_DIR}/platform.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/opportunity_score.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/margin_risk.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/collections_forecast.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/executive_forecast.cmake)
