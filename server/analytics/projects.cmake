# server/analytics: the project metrics.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/project_metrics.cpp
)
