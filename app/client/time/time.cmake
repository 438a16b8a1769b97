# keel-client: time models and services (no widgets)
target_sources(keel-client PRIVATE
)
