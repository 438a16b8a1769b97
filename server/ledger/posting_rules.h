#pragma once

#include "ledger_service.h"

namespace keel {

// The posting rules of DESIGN.md section 7, in one place. Each builds its lines here and posts
// through LedgerService::post inside the caller's transaction, exactly once per event (source
// type, source id, purpose). A rule's build… form returns the Posting without posting it, for
// batches through LedgerService::postMany (a month of invoices, the demo's history).
namespace posting_rules {

struct ProjectAmount
{
    qint64 projectId = 0;            // 0: not tied to a project
    Money amount;                    // transaction currency
    std::optional<Money> functional; // when the caller already converted it
    QString memo;
};

// Subcontractor bill approved: Dr Subcontractor cost per line (tagged to its project) /
// Cr Accounts payable, at the bill date's rate.
struct VendorBillApproved
{
    qint64 entityId = 0, billId = 0, approvedBy = 0, createdBy = 0;
    QDate billDate;
    QString vendorRef;
    QList<ProjectAmount> lines;
};
Posting buildVendorBillApproved(const LedgerService &ledger, const VendorBillApproved &e);
PostingResult vendorBillApproved(const LedgerService &ledger, const VendorBillApproved &e);

// Reimbursable expenses approved (expense report's final step): Dr Project expenses (or General
// expenses without a project) per expense at its own converted amount / Cr Employee payables
// in functional currency, tagged to the employee.
struct ExpenseReportApproved
{
    qint64 entityId = 0, reportId = 0, employeeId = 0, approvedBy = 0;
    QDate approvedOn;
    QString title;
    QList<ProjectAmount> expenses; // functional set for each
};
Posting buildExpenseReportApproved(const LedgerService &ledger, const ExpenseReportApproved &e);
PostingResult expenseReportApproved(const LedgerService &ledger, const ExpenseReportApproved &e);

// Invoice issued: Dr Accounts receivable (total incl. tax) / Cr Unbilled receivable for what
// was recognised before, Cr Deferred revenue for what is billed ahead, Cr Tax payable; at the
// invoice date's rate.
struct InvoiceIssued
{
    qint64 entityId = 0, invoiceId = 0, clientId = 0, issuedBy = 0;
    QDate invoiceDate;
    QString number;
    QList<ProjectAmount> recognised;  // clears unbilled receivable
    QList<ProjectAmount> billedAhead; // to deferred revenue
    Money tax;                        // may be zero or invalid for none
};
Posting buildInvoiceIssued(const LedgerService &ledger, const InvoiceIssued &e);
PostingResult invoiceIssued(const LedgerService &ledger, const InvoiceIssued &e);

// Revenue recognised: Dr Unbilled receivable (earned, not yet billed) or Dr Deferred revenue
// (billed ahead) / Cr Revenue per project.
struct RevenueRecognised
{
    qint64 entityId = 0, clientId = 0, postedBy = 0;
    QString sourceId; // e.g. "<project>:<period>" of the recognition run
    QDate date;
    QList<ProjectAmount> unbilled; // Dr Unbilled receivable
    QList<ProjectAmount> deferred; // Dr Deferred revenue
};
Posting buildRevenueRecognised(const LedgerService &ledger, const RevenueRecognised &e);
PostingResult revenueRecognised(const LedgerService &ledger, const RevenueRecognised &e);

// Customer receipt: Dr Bank at the receipt date's rate / Cr Accounts receivable at
// receivableFunctional; a difference is realised FX gain (credit) or loss (debit).
// server/receivables posts the whole receipt with receivableFunctional left invalid (AR at the
// receipt's own rate, no FX line) and the differences per invoice with receiptAllocated.
struct CustomerReceipt
{
    qint64 entityId = 0, receiptId = 0, clientId = 0, postedBy = 0;
    QDate receiptDate;
    Money amount;               // transaction currency, as received
    Money receivableFunctional; // the receivable cleared; invalid: at the receipt's rate
    QString reference;
    QString bankAccountNumber = {}; // the bank account's ledger account; empty: the 'bank' role
    // The receipt at its date's rate when the caller converted it already (batches skip the
    // lookups); otherwise converted here.
    std::optional<Money> cashFunctional = {};
};
Posting buildCustomerReceipt(const LedgerService &ledger, const CustomerReceipt &e);
PostingResult customerReceipt(const LedgerService &ledger, const CustomerReceipt &e);

// Intercompany work: the employing entity charges the contracting entity at transfer price.
// Employing: Dr Due from affiliates / Cr Intercompany revenue; contracting: Dr Intercompany cost
// (its project) / Cr Due to affiliates — accounts of their own so consolidation eliminates them
// by role. Each side converts at its own functional currency's rate on `date`, unless the caller
// converted already (a run converts once per currency pair). A negative amount (time adjusted
// down after it was charged) posts the mirror lines of both entries.
struct IntercompanyCharge
{
    qint64 employingEntityId = 0, contractingEntityId = 0, postedBy = 0;
    qint64 projectId = 0, employeeId = 0; // the contracting entity's project, the employee
    QString sourceId;                     // server/close: "<charge id>:<previous entry id or 0>"
    QDate date;
    Money amount; // at transfer price, in the agreed currency
    std::optional<Money> employingFunctional = {}, contractingFunctional = {}; // same sign
};
struct IntercompanyResult
{
    PostingResult employing, contracting;
};
struct IntercompanyPostings
{
    Posting employing, contracting;
};
IntercompanyPostings buildIntercompanyCharge(const IntercompanyCharge &e);
IntercompanyResult intercompanyCharge(const LedgerService &ledger, const IntercompanyCharge &e);

// Credit note issued (server/billing): the mirror of the invoice's posting at the invoice's rate —
// Dr Unbilled receivable for the credited arrears part, Dr Deferred revenue for the credited
// billed-ahead part, Dr Tax payable / Cr Accounts receivable. Implemented in
// posting_rules_billing.cpp.
struct CreditNoteIssued
{
    qint64 entityId = 0, creditNoteId = 0, clientId = 0, issuedBy = 0;
    QDate date;
    QString number;
    QList<ProjectAmount> arrears; // Dr Unbilled receivable (functional at the invoice's rate)
    QList<ProjectAmount> ahead;   // Dr Deferred revenue
    Money tax;
    std::optional<Money> taxFunctional;
    Money receivableFunctional; // Cr AR: what the credit clears, at the invoice's rate
};
PostingResult creditNoteIssued(const LedgerService &ledger, const CreditNoteIssued &e);

// Part of a receipt allocated to an invoice (server/receivables): the receipt itself posted
// Dr Bank / Cr AR at the receipt's rate (customerReceipt with receivableFunctional equal to the
// cash); the allocation posts only the realised FX difference between the receivable at the
// invoice's rate and the cash at the receipt's: Dr AR / Cr Realised FX gain, or Dr Realised FX
// loss / Cr AR. Nothing is posted when they are equal. Implemented in
// posting_rules_receivables.cpp.
struct ReceiptAllocated
{
    qint64 entityId = 0, allocationId = 0, clientId = 0, postedBy = 0;
    QDate date;
    Money receivableFunctional; // cleared, at the invoice's rate
    Money cashFunctional;       // the same amount at the receipt's rate
    QString reference;
};
std::optional<Posting> buildReceiptAllocated(const ReceiptAllocated &e);
std::optional<PostingResult> receiptAllocated(const LedgerService &ledger,
                                              const ReceiptAllocated &e);

// Vendor payment (server/payables): Dr Accounts payable at the bills' carried functional amount /
// Cr the bank account's ledger account at the payment date's rate; the difference to realised FX
// gain or loss. Implemented in posting_rules_payables.cpp.
struct VendorPayment
{
    qint64 entityId = 0, paymentId = 0, vendorId = 0, postedBy = 0;
    QDate paymentDate;
    QString bankAccountNumber; // the bank account's ledger account number
    Money amount;              // transaction currency, as paid
    Money payableFunctional;   // AP cleared, at the bills' rates
    Money cashFunctional;      // the payment at its date's rate
    QString reference;
};
Posting buildVendorPayment(const LedgerService &ledger, const VendorPayment &e);
PostingResult vendorPayment(const LedgerService &ledger, const VendorPayment &e);

// Revenue recognition run (server/revenue), one entry per contract and run: Revenue by the
// cumulative catch-up difference; the contract's asset (Unbilled receivable) and liability
// (Deferred revenue) moved so that at most one of them is left non-zero for its project; the
// loss provision changed (Dr Contract loss / Cr Provision, the other way when it falls). Amounts
// are signed changes in the contract currency; a zero change posts no line. When the contract
// currency is not the functional one, the functional amounts come with them (a position cleared
// to zero is cleared at what it carried) and what they leave unbalanced is realised FX gain or
// loss. std::nullopt when nothing changes. Implemented in posting_rules_revenue.cpp.
struct RevenueCatchUp
{
    qint64 entityId = 0, projectId = 0, clientId = 0, postedBy = 0;
    QString sourceId;    // "<contract>:<YYYY-MM>:<run>"
    QDate date;          // the period end
    Money revenue;       // > 0 credits Revenue, < 0 debits it
    Money unbilled;      // > 0 debits Unbilled receivable, < 0 credits it
    Money deferred;      // > 0 credits Deferred revenue, < 0 debits it
    Money lossProvision; // > 0 Dr Contract loss / Cr Provision, < 0 the reverse
    // Functional amounts with the same signs; all given or none (then converted at `date`).
    std::optional<Money> revenueFunctional, unbilledFunctional, deferredFunctional,
        lossProvisionFunctional;
};
std::optional<Posting> buildRevenueCatchUp(const RevenueCatchUp &e);

} // namespace posting_rules

} // namespace keel
