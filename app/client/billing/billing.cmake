# keel-client: billing workspace models and services (no widgets)
target_sources(keel-client PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/billing_format.h ${CMAKE_CURRENT_LIST_DIR}/billing_format.cpp
    ${CMAKE_CURRENT_LIST_DIR}/billing_run_job.h ${CMAKE_CURRENT_LIST_DIR}/billing_run_job.cpp
    ${CMAKE_CURRENT_LIST_DIR}/billing_runs_model.h ${CMAKE_CURRENT_LIST_DIR}/billing_runs_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_list_model.h ${CMAKE_CURRENT_LIST_DIR}/invoice_list_model.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_detail.h ${CMAKE_CURRENT_LIST_DIR}/invoice_detail.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf_fetch.h ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf_fetch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/billable_contracts.h ${CMAKE_CURRENT_LIST_DIR}/billable_contracts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/credit_note.h ${CMAKE_CURRENT_LIST_DIR}/credit_note.cpp
    ${CMAKE_CURRENT_LIST_DIR}/client_directory.h ${CMAKE_CURRENT_LIST_DIR}/client_directory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/billing_exceptions_model.h ${CMAKE_CURRENT_LIST_DIR}/billing_exceptions_model.cpp
)
target_include_directories(keel-client PUBLIC ${CMAKE_CURRENT_LIST_DIR})
