# server/ledger: the general ledger (chart, postings, posting rules, reports, export).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fx_rates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_rate_csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_rate_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_rate_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_rate_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_access.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_reports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/posting_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/posting_rules_billing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/posting_rules_receivables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/posting_rules_payables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/posting_rules_revenue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ledger_routes.cpp
)
