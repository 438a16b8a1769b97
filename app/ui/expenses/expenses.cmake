# keel-ui: expenses widgets
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/receipt_drop_zone.h ${CMAKE_CURRENT_LIST_DIR}/receipt_drop_zone.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expense_form.h ${CMAKE_CURRENT_LIST_DIR}/expense_form.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expenses_page.h ${CMAKE_CURRENT_LIST_DIR}/expenses_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/expense_approval_page.h ${CMAKE_CURRENT_LIST_DIR}/expense_approval_page.cpp
)
