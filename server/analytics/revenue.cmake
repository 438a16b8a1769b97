# server/analytics: the revenue metrics.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/revenue_metrics.cpp
)
