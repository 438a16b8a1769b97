# server/receivables: receipts, allocations, aging, statements, collections, DSO
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/receivables_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receivables_values.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receipt_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receipt_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aging_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/aging_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statement_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statement_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_service.cpp
)
