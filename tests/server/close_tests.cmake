# Server tests for issue 7 (close): keel_server_test(<name>) per file.
keel_server_test(close_periods)
keel_server_test(close_checklist)
keel_server_test(close_runs)
