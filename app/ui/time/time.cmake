# keel-ui: time widgets
target_sources(keel-ui PRIVATE
)
