#pragma once

// The answers tst_dashboards_models reads, as the server writes them (kept out of the test's
// source: moc does not parse raw string literals).

inline constexpr char UtilisationAnswer[] = R"({
            "metric": "utilisation", "title": "Utilisation", "unit": "ratio", "currency": "USD",
            "by": "month", "from": "2026-01", "to": "2026-10", "filters": {"entity": "1"},
            "value": "0.7312", "numerator": "81234.50", "denominator": "111100.00",
            "target": "0.8000",
            "points": [{"key": "2026-01", "label": "Jan 2026", "value": "0.7012",
                        "numerator": "7012.00", "denominator": "10000.00"},
                       {"key": "2026-02", "label": "Feb 2026", "value": null,
                        "numerator": "0.00", "denominator": "0.00"}],
            "extra": {"note": "x"}, "drill": "/api/v1/analytics/metrics/utilisation/records"})";

inline constexpr char ForecastAnswer[] = R"({
            "metric": "revenue_vs_forecast", "unit": "money", "currency": "EUR", "by": "month",
            "value": "100.00",
            "points": [{"key": "2026-01", "label": "Jan 2026", "series": "actual", "value": "1.50"},
                       {"key": "2026-01", "label": "Jan 2026", "series": "forecast", "value": "2.00"},
                       {"key": "2026-02", "label": "Feb 2026", "series": "forecast", "value": "3"}]})";

inline constexpr char HeatmapAnswer[] = R"({
            "metric": "utilisation", "unit": "ratio", "by": "person", "by2": "month",
            "points": [{"key": "7", "label": "Ann, \"Lead\"", "key2": "2026-01", "label2": "Jan 2026",
                        "value": "0.5000"}]})";

inline constexpr char ZeroAnswer[] = R"({
            "metric": "unbilled", "unit": "money", "value": "0.00",
            "points": [{"key": "2026-01", "value": "0.00"}, {"key": "2026-02", "value": null}]})";

inline constexpr char NullAnswer[] = R"({"value": null, "points": []})";
