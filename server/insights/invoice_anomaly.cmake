# server/insights: Invoice anomalies (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly.cpp
)
