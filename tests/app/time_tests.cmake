# Client tests for time: keel_app_test(<name> LIBS ...) per file.
# The offline store alone (SQLite, no server).
keel_app_test(tst_time_local_store LIBS keel-client)
# The weekly grid from the keyboard (offscreen, local store).
keel_app_test(tst_time_timesheet LIBS keel-ui)
