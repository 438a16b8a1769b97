# keel-ui: time widgets
target_sources(keel-ui PRIVATE
    time/timesheet_view.h time/timesheet_view.cpp
    time/timesheet_page.h time/timesheet_page.cpp
    time/time_page.h time/time_page.cpp
    time/sync_log_dialog.h time/sync_log_dialog.cpp
)
