# Benches of issue 8: the role dashboards on the demo firm (dashboard_<role>_ms, kpi_max_ms).
keel_bench(dashboards)
