# server/timeexpense: time sources (owned by the time part of the context)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/missing_time_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/missing_time_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_approval_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_approval_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_entry_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_entry_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_entry_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timesheet_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timesheet_store.cpp
)
