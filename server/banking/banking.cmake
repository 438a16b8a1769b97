# server/banking: bank accounts, statement import, reconciliation
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/banking_routes.cpp
)
