# Benches of server/billing: keel_bench(<name>) per file.
