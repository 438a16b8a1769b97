# server/timeexpense: sync sources (owned by the sync part of the context)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sync_cursor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sync_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sync_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sync_store.cpp
)
