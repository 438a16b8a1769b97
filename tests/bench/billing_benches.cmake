# Benches of server/billing: keel_bench(<name>) per file.
keel_bench(billing_run)
keel_bench(invoice_issue)
# The PDF is rendered in the in-process server: QtGui, a QGuiApplication on the offscreen platform.
keel_bench(invoice_pdf)
target_link_libraries(bench_invoice_pdf PRIVATE Qt6::Gui)
