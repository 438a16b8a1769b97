# server/revenue: performance obligations, recognition runs, schedules, forecast.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/revenue_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_routes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_run_machine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_run_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_run_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_run_engine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_measures.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_obligation_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_obligation_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/revenue_forecast_service.cpp
)
