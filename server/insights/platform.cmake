# server/insights: model store, training runs and the registry routes (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/insights_platform.cpp
)
