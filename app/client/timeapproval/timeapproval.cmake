# keel-client: timeapproval models and services (no widgets)
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/time_approval_model.h ${CMAKE_CURRENT_LIST_DIR}/time_approval_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/missing_time_model.h ${CMAKE_CURRENT_LIST_DIR}/missing_time_model.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
