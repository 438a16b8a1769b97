# Client tests for statements, revenue schedules and exchange rates (Finance workspace).
