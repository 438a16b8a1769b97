# server/timeexpense: expenses sources (owned by the expenses part of the context)
target_sources(keel-server-core PRIVATE
)
