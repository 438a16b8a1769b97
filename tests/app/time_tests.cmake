# Client tests for time: keel_app_test(<name> LIBS ...) per file.
