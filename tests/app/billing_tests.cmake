# Client tests for the Billing workspace.
