# keel-ui: the Dashboards workspace (issue 8): role dashboards of chart cards under one filter
# bar, the drill-down into a point's records, PNG and CSV export.
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/metric_chart_view.h ${CMAKE_CURRENT_LIST_DIR}/metric_chart_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/heatmap_view.h ${CMAKE_CURRENT_LIST_DIR}/heatmap_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chart_card.h ${CMAKE_CURRENT_LIST_DIR}/chart_card.cpp
    ${CMAKE_CURRENT_LIST_DIR}/drill_dialog.h ${CMAKE_CURRENT_LIST_DIR}/drill_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/filter_bar.h ${CMAKE_CURRENT_LIST_DIR}/filter_bar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dashboard_view.h ${CMAKE_CURRENT_LIST_DIR}/dashboard_view.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dashboards_page.h ${CMAKE_CURRENT_LIST_DIR}/dashboards_page.cpp
)
target_link_libraries(keel-ui PUBLIC Qt6::Charts)
