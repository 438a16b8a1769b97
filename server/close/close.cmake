# server/close: the checklist, period states, reopening, accruals (the close part).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/close_accruals.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_checklist.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_runs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/close_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/period_reopen.cpp
  ${CMAKE_CURRENT_LIST_DIR}/period_states.cpp
)
