# server/revenue: performance obligations, recognition runs, schedules, forecast.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/revenue_context.cpp
)
