# server/insights: Collections prediction (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast.cpp
)
