# server/timeexpense: time sources (owned by the time part of the context)
target_sources(keel-server-core PRIVATE
)
