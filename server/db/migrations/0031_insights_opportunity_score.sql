-- Insights: opportunity_score (placeholder, filled by its author).
SELECT 1;
