-- Insights: margin_risk (placeholder, filled by its author).
SELECT 1;
