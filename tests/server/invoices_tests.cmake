# Server tests for invoices: keel_server_test(<name>) per file. They render invoice PDFs in the
# in-process server, which needs a QGuiApplication (the tests' own main) on the offscreen platform.
foreach(name invoice_issue invoice_review invoice_legal)
  keel_server_test(${name})
  target_link_libraries(tst_${name} PRIVATE Qt6::Gui)
  set_tests_properties(server.${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()
