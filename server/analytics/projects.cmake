# server/analytics: the project metrics (README "Project metrics").
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/project_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_fact.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_ratio.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_burn.cpp
)
