# Benches of receivables, payables and banking: keel_bench(<name>) per file.
keel_bench(aging)
