# keel-client: the month-end close cockpit (grid, checklist, drill-down, runs, period states)
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/close_api.h ${CMAKE_CURRENT_LIST_DIR}/close_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_text.h ${CMAKE_CURRENT_LIST_DIR}/close_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_grid_model.h ${CMAKE_CURRENT_LIST_DIR}/close_grid_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_checklist_model.h ${CMAKE_CURRENT_LIST_DIR}/close_checklist_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_records_model.h ${CMAKE_CURRENT_LIST_DIR}/close_records_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/close_run_job.h ${CMAKE_CURRENT_LIST_DIR}/close_run_job.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
