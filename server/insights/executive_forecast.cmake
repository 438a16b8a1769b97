# server/insights: Executive forecast (owned by its author).
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/executive_forecast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executive_forecast_fit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executive_forecast_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/executive_forecast_store.cpp
)
