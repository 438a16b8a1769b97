#pragma once

#include "invoice_parties.h"
#include "invoice_store.h"

#include <QByteArray>

namespace keel {

// What the invoice PDF shows: the document, its lines and, with show_time_detail, the time
// entries behind it.
struct InvoiceDocument
{
    InvoiceRow invoice;
    QList<InvoiceLineRow> lines;
    QList<TimeDetailRow> time;
    QString creditsNumber; // a credit note: the invoice it credits
    InvoiceParties parties;
};

// A4 PDF rendered on demand with QTextDocument + QPdfWriter: entity letterhead (address, tax id,
// registration), the client's billing address and tax id, number and dates, lines, tax per rate
// with the tax code's note (on reverse charge with both VAT ids), totals, payment terms with the
// entity's bank details and, when asked, an appendix of the time entries. Needs a QGuiApplication
// (keel-server creates one on the offscreen platform); without one the answer is 503, never a
// crash.
QByteArray renderInvoicePdf(const InvoiceDocument &doc);

} // namespace keel
