# server/insights: Margin-risk alerts (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/margin_risk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/margin_risk_rule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/margin_risk_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/margin_risk_train.cpp
)
