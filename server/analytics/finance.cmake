# server/analytics: the finance metrics (revenue, unbilled, deferred revenue, AR, aging, DSO,
# cash; README "Finance metrics").
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/finance_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finance_ledger.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finance_dso.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finance_aging.cpp
)
