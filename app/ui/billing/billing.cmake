# keel-ui: Billing workspace widgets. The invoice PDF is previewed with Qt PDF (Debian
# qt6-pdf-dev, in installer/debian-packages.txt).
find_package(Qt6 REQUIRED COMPONENTS Pdf PdfWidgets GLOBAL)
target_sources(keel-ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/billing_page.h ${CMAKE_CURRENT_LIST_DIR}/billing_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/billing_run_panel.h ${CMAKE_CURRENT_LIST_DIR}/billing_run_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoices_panel.h ${CMAKE_CURRENT_LIST_DIR}/invoices_panel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_detail_pane.h ${CMAKE_CURRENT_LIST_DIR}/invoice_detail_pane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/credit_note_dialog.h ${CMAKE_CURRENT_LIST_DIR}/credit_note_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/write_down_dialog.h ${CMAKE_CURRENT_LIST_DIR}/write_down_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf_dialog.h ${CMAKE_CURRENT_LIST_DIR}/invoice_pdf_dialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/exceptions_panel.h ${CMAKE_CURRENT_LIST_DIR}/exceptions_panel.cpp
)
target_link_libraries(keel-ui PUBLIC Qt6::Pdf Qt6::PdfWidgets)
