# keel-ui: the month-end close cockpit (Finance workspace, tab "Close")
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/close_lights.h ${CMAKE_CURRENT_LIST_DIR}/close_lights.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_records_dialog.h ${CMAKE_CURRENT_LIST_DIR}/close_records_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_reopen_dialog.h ${CMAKE_CURRENT_LIST_DIR}/close_reopen_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_checklist_panel.h ${CMAKE_CURRENT_LIST_DIR}/close_checklist_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_tab.h ${CMAKE_CURRENT_LIST_DIR}/close_tab.cpp
)
