#pragma once

#include <QSqlDatabase>
#include <QString>

namespace keel {

// What the law asks an invoice to say about both parties beyond their names (UK VAT, §14 UStG):
// the seller's registered address, tax number, registration and payment instructions; the
// buyer's billing address and tax id. Empty strings where none is on record.
struct InvoiceParties
{
    QString entityAddress, entityTaxId, entityRegistration, bankDetails;
    QString billingAddress, accountTaxId;
};

// An issued invoice's parties as frozen at issue (invoices.legal_details); a draft's, or a
// document issued without that record, as the entity and the account read now.
InvoiceParties invoiceParties(QSqlDatabase db, qint64 invoiceId);

} // namespace keel
