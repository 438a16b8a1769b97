# server/insights: Collections prediction (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collections_forecast_train.cpp
)
