# server/analytics: the finance metrics.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/finance_metrics.cpp
)
