# The sales metrics of server/analytics (README "Sales metrics").
keel_server_test(analytics_sales)
