# Client tests for the Finance workspace (receivables, payables, ledger, bank).
