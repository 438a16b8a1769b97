# Server tests for issue 7 (fx): keel_server_test(<name>) per file.
keel_server_test(fx_rates)
keel_server_test(fx_revaluation)
