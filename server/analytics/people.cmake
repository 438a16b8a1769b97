# server/analytics: the people metrics.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/people_metrics.cpp
)
