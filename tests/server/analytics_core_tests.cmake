# The generic analytics core: stale partitions, the ledger aggregate, errors.
keel_server_test(analytics_core)
