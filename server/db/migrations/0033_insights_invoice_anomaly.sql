-- Insights: invoice_anomaly (placeholder, filled by its author).
SELECT 1;
