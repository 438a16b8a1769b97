# keel-client: time models and services (no widgets)
target_sources(keel-client PRIVATE
    time/local_store.h time/local_store.cpp
    time/sync_engine.h time/sync_engine.cpp
    time/timesheet_model.h time/timesheet_model.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/time)
