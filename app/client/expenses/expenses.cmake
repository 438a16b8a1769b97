# keel-client: expenses models and services (no widgets)
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/expense_policy_check.h ${CMAKE_CURRENT_LIST_DIR}/expense_policy_check.cpp
    ${CMAKE_CURRENT_LIST_DIR}/receipt_file.h ${CMAKE_CURRENT_LIST_DIR}/receipt_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expense_book.h ${CMAKE_CURRENT_LIST_DIR}/expense_book.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expense_list_model.h ${CMAKE_CURRENT_LIST_DIR}/expense_list_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expense_report_inbox.h ${CMAKE_CURRENT_LIST_DIR}/expense_report_inbox.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
