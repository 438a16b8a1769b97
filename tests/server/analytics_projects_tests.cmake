# The project metrics of server/analytics: margin, realisation, budget burn, projects at risk.
keel_server_test(analytics_projects)
