# The finance metrics of analytics: revenue, unbilled, deferred revenue, AR, aging, DSO, cash.
keel_server_test(analytics_finance)
