# Client tests for expense: keel_app_test(<name> LIBS ...) per file.
