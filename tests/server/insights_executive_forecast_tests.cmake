# Executive forecast (server/insights/executive_forecast*), owned by its author.
keel_server_test(insights_executive_forecast)
