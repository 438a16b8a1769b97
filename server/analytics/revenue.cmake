# server/analytics: the revenue and billing metrics (README "Revenue and billing metrics").
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/revenue_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_analytics_sql.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_billing_sql.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_billing_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_live_forecast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_milestones_metric.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_snapshot_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/forecast_snapshot.cpp
)
