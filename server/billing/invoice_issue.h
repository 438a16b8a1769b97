#pragma once

#include "http/http_types.h"
#include "invoice_store.h"

#include <QDateTime>

#include <utility>

namespace keel {

class LedgerService;
struct Request;

// Who issues and when: a request (routes) or a user id alone (the demo loader, batch jobs).
struct IssueActor
{
    qint64 userId = 0;
    const Request *request = nullptr; // audit names its request id when set
    QDateTime issuedAt;               // invalid: now
};

// Issue, set-based: the same statements for one invoice or a month of them. Inside the
// caller's transaction; the invoices must be locked and approved (the caller checks state).
// Refused whole (422 account.tax_id required_for_reverse_charge) while any EU_REVERSE_CHARGE
// invoice's client has no tax id: the batch caller retries one by one, so only those fail.
// For each invoice: the gapless number (one statement for all), fx_rate and functional_total at
// the invoice date's rate, status issued (frozen by the 0016 trigger), legal_details (both
// parties' addresses and tax ids as printed, 0020), its time entries and
// expenses 'invoiced' with invoice_id, and the posting (posting_rules::invoiceIssued): arrears
// lines clear the project's unbilled receivable up to its balance, the rest and 'ahead' lines go
// to deferred revenue, tax to tax payable, the total to receivables.
class InvoiceIssuer
{
public:
    InvoiceIssuer(const InvoiceStore &store, const LedgerService &ledger)
        : m_store(store), m_ledger(ledger)
    {}

    void issue(QSqlDatabase db, const QList<InvoiceRow> &invoices, const IssueActor &actor) const;

    // The invoices that may not be issued as they are, each with its 422 (today: reverse charge
    // for a client without a tax id), so a batch can set them aside and issue the rest together.
    static QList<std::pair<qint64, ApiError>> refusals(QSqlDatabase db,
                                                       const QList<InvoiceRow> &invoices);

private:
    const InvoiceStore &m_store;
    const LedgerService &m_ledger;
};

} // namespace keel
