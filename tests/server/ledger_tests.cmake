# Server tests for server/ledger: keel_server_test(<name>) per file.
keel_server_test(ledger_postings)
keel_server_test(ledger_reports)
keel_server_test(ledger_expenses)
