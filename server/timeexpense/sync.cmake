# server/timeexpense: sync sources (owned by the sync part of the context)
target_sources(keel-server-core PRIVATE
)
