# server/close: intercompany charges, their reconciliation, consolidated statements.
target_sources(keel-server-core PRIVATE
)
