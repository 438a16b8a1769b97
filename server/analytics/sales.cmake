# server/analytics: the sales metrics.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sales_metrics.cpp
)
