# keel-ui: timeapproval widgets
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/time_approval_page.h ${CMAKE_CURRENT_LIST_DIR}/time_approval_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/missing_time_page.h ${CMAKE_CURRENT_LIST_DIR}/missing_time_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/row_highlight_delegate.h ${CMAKE_CURRENT_LIST_DIR}/row_highlight_delegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/list_style.h ${CMAKE_CURRENT_LIST_DIR}/list_style.cpp
)
