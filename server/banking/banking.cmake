# server/banking: bank accounts, statement import, reconciliation
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/banking_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_account_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_account_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_statement_csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_statement_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bank_statement_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reconciliation_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reconciliation_store.cpp
)
