# server/insights: Opportunity scoring (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score.cpp
)
