-- Insights: collections (placeholder, filled by its author).
SELECT 1;
