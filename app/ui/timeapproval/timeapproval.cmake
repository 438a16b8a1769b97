# keel-ui: timeapproval widgets
target_sources(keel-ui PRIVATE
)
