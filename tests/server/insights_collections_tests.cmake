# Server tests of the collections prediction (server/insights/collections_forecast*).
keel_server_test(insights_collections)
