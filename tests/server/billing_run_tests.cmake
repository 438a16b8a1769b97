# Server tests for billing_run: keel_server_test(<name>) per file.
keel_server_test(billing_run)
keel_server_test(billing_run_models)
keel_server_test(billing_run_tax)
keel_server_test(billing_run_rules)
keel_server_test(billing_contracts)
