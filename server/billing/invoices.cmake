# server/billing: invoices, credit notes, numbering, PDF (the invoices part)
target_sources(keel-server-core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/invoice_routes.cpp
)
