# The revenue and billing metrics of analytics: revenue vs forecast, forecast accuracy from
# snapshots, write-off rate, invoice cycle time, milestones due.
keel_server_test(analytics_revenue)
