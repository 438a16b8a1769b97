# keel-client: billing workspace models and services (no widgets)
