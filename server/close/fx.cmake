# server/close: month-end FX revaluation and its reversal.
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fx_revaluation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_revaluation_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_revaluation_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fx_revaluation_routes.cpp
)
