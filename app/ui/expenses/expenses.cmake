# keel-ui: expenses widgets
target_sources(keel-ui PRIVATE
)
