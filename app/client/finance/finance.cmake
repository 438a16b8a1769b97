# keel-client: finance workspace models (receivables, payables, ledger, bank)
