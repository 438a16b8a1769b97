# server/billing: invoices, credit notes, numbering, PDF (the invoices part)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/invoice_store.h ${CMAKE_CURRENT_LIST_DIR}/invoice_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_json.h ${CMAKE_CURRENT_LIST_DIR}/invoice_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_numbering.h ${CMAKE_CURRENT_LIST_DIR}/invoice_numbering.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_issue.h ${CMAKE_CURRENT_LIST_DIR}/invoice_issue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf.h ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_parties.h ${CMAKE_CURRENT_LIST_DIR}/invoice_parties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_service.h ${CMAKE_CURRENT_LIST_DIR}/invoice_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/credit_note_store.h ${CMAKE_CURRENT_LIST_DIR}/credit_note_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/credit_note_service.h ${CMAKE_CURRENT_LIST_DIR}/credit_note_service.cpp
  ${CMAKE_CURRENT_LIST_DIR}/invoice_routes.cpp
)
