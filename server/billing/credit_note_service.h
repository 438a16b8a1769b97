#pragma once

#include "invoice_store.h"
#include "ledger/ledger_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Credit notes against issued invoices (server/billing/README.md): full or partial, issued at
// once with the gapless CN-<entity>-<year>-<6 digits> number and posted as the mirror of the
// invoice (posting_rules::creditNoteIssued) at the invoice's rate. A credit note is applied to
// its invoice in full when issued: the invoice's amount_paid and functional_paid grow by it (so
// its balance falls), the credit note itself is 'paid' with a zero balance. A full credit voids
// the invoice and may release its sources to the next billing run.
class CreditNoteService
{
public:
    explicit CreditNoteService(DbConfig config) : m_store(config), m_ledger(config) {}
    const InvoiceStore &store() const { return m_store; }

    // POST /billing/invoices/{id}/credit-note {lines?: [{line_id, amount}], reason,
    // release_sources?, date?}: 201 with the credit note and its lines.
    QJsonObject create(const Request &request, qint64 invoiceId, const QJsonObject &body) const;

private:
    InvoiceStore m_store;
    LedgerService m_ledger;
};

} // namespace keel
