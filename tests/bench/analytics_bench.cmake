# Benches of issue 8: the role dashboards on the demo firm (dashboard_<role>_ms through the real
# DashboardView offscreen, kpi_max_ms).
keel_bench(dashboards)
target_link_libraries(bench_dashboards PRIVATE keel-ui)
