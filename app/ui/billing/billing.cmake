# keel-ui: Billing workspace widgets
