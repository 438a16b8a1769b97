# server/close: the checklist, period states, reopening, accruals (the close part).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/close_context.cpp
)
