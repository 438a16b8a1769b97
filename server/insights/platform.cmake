# server/insights: model store, training runs and the registry routes (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/insights_platform.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_platform_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_model_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_training.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_training_runs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/insights_trainer.cpp
)
