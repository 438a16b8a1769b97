-- analytics_revenue: see server/analytics/README.md (placeholder until its family lands).
SELECT 1;
