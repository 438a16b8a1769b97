# The insights platform: model versions, training runs claimed once by any of two servers, the
# schedule, the registry routes.
keel_server_test(insights_platform)
