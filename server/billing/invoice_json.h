#pragma once

#include "invoice_store.h"

#include <QJsonObject>

namespace keel {

// The invoice JSON of server/billing/README.md; list items pass no lines.
QJsonObject invoiceJson(const InvoiceRow &row, const QList<InvoiceLineRow> *lines = nullptr);
QJsonObject invoiceLineJson(const InvoiceLineRow &line);

// 409 with a machine-readable code in errors[] (e.g. write_down_pending).
[[noreturn]] void conflict(const QString &field, const char *code, const QString &detail);

} // namespace keel
