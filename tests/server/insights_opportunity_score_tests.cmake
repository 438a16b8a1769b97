# Issue 9, opportunity scoring (owned by its author).
keel_server_test(insights_opportunity_score)
