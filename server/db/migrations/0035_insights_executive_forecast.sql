-- Insights: executive_forecast (placeholder, filled by its author).
SELECT 1;
