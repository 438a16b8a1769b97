# Client tests for the close cockpit (Finance workspace).
