# Issue 9: insights (insights_train_s, every model's backtest figures, insights_score_ms).
keel_bench(insights)
