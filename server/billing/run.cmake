# server/billing: billing runs, rates, taxes, exceptions (the run part)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/billing_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_contract_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_contract_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_exception_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_exception_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_rates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_access.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_engine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_retainer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tax_rules.cpp
)
