# server/analytics: the people metrics (utilisation, bench) and the person_month aggregate.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/people_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/people_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/people_utilisation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/people_bench.cpp
)
