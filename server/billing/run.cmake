# server/billing: billing runs, rates, taxes, exceptions (the run part)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/billing_run_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/billing_context.cpp
)
