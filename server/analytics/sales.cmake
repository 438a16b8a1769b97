# server/analytics: the sales metrics (README "Sales metrics").
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sales_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sales_query.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sales_relations.cpp
)
