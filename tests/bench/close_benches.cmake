# Benches of issue 7: keel_bench(<name>) per file (revrec_run_s, close_month_s, consolidated_ms).
keel_bench(revrec)
keel_bench(consolidated)
keel_bench(close)
