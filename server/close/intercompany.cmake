# server/close: intercompany charges, their reconciliation, consolidated statements.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/intercompany_charges.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intercompany_reconciliation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intercompany_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/intercompany_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statements_balances.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statements_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statements_query.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statements_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statements_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/consolidation_rates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/consolidation_service.cpp
)
