# server/timeexpense: expenses sources (owned by the expenses part of the context)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/expense_values.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_policy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_category_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_report_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_report_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/expense_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_bill_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_bill_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vendor_routes.cpp
)
