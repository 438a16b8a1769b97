# server/insights: Invoice anomalies (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly_detect.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_anomaly_store.cpp
)
