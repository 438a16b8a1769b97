# server/payables: vendor payments, payables aging
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/payables_routes.cpp
)
