# keel-client: the Insights workspace's data side (issue 9): the insights routes
# (server/insights/README.md), their answers parsed, the lazy lists and the words of the
# factors, evidence and flags.
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/insights_api.h ${CMAKE_CURRENT_LIST_DIR}/insights_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_answers.h ${CMAKE_CURRENT_LIST_DIR}/insights_answers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_text.h ${CMAKE_CURRENT_LIST_DIR}/insights_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_table_model.h ${CMAKE_CURRENT_LIST_DIR}/insights_table_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/insights_lists.h ${CMAKE_CURRENT_LIST_DIR}/insights_lists.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_flags.h ${CMAKE_CURRENT_LIST_DIR}/invoice_flags.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
