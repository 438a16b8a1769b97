# server/insights: Opportunity scoring (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/logistic_regression.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/opportunity_score_store.cpp
)
