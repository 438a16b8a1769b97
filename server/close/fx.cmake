# server/close: month-end FX revaluation and its reversal.
target_sources(keel-server-core PRIVATE
)
