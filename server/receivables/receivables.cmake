# server/receivables: receipts, allocations, aging, statements, collections, DSO
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/receivables_routes.cpp
)
