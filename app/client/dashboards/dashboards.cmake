# keel-client: the Dashboards workspace's data side (issue 8): the analytics routes, metric
# answers, the filter, the declared cards of each role and the lazy drill-down records.
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/analytics_api.h ${CMAKE_CURRENT_LIST_DIR}/analytics_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metric_answer.h ${CMAKE_CURRENT_LIST_DIR}/metric_answer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metric_format.h ${CMAKE_CURRENT_LIST_DIR}/metric_format.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dashboard_filter.h ${CMAKE_CURRENT_LIST_DIR}/dashboard_filter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/card_spec.h ${CMAKE_CURRENT_LIST_DIR}/card_spec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metric_records_model.h ${CMAKE_CURRENT_LIST_DIR}/metric_records_model.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
