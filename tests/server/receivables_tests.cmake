# Server tests for receivables: keel_server_test(<name>) per file.
keel_server_test(receivables_receipts)
keel_server_test(receivables_reports)
