# server/payables: vendor payments, payables aging
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/payables_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/payables_aging_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/payables_aging_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_payment_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_payment_store.cpp
)
