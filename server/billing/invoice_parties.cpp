#include "invoice_parties.h"

#include "db/database.h"

#include <QSqlQuery>

namespace keel {

InvoiceParties invoiceParties(QSqlDatabase db, qint64 invoiceId)
{
    // A snapshot's null (no tax id at issue) stays empty; only a missing snapshot reads live.
    const auto pick = [](const char *key, const char *live) {
        return QStringLiteral("coalesce(CASE WHEN i.legal_details IS NULL THEN %2 ELSE "
                              "i.legal_details->>'%1' END, '')")
            .arg(QLatin1String(key), QLatin1String(live));
    };
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT %1, %2, %3, %4, %5, %6 FROM invoices i JOIN legal_entities le ON "
                       "le.id = i.legal_entity_id JOIN accounts a ON a.id = i.account_id "
                       "WHERE i.id = ?")
            .arg(pick("entity_address", "le.address"), pick("entity_tax_id", "le.tax_id"),
                 pick("entity_registration", "le.registration"),
                 pick("bank_details", "le.bank_details"),
                 pick("billing_address", "a.billing_address"), pick("account_tax_id", "a.tax_id")),
        {invoiceId});
    InvoiceParties p;
    if (!q.next())
        return p;
    p.entityAddress = q.value(0).toString();
    p.entityTaxId = q.value(1).toString();
    p.entityRegistration = q.value(2).toString();
    p.bankDetails = q.value(3).toString();
    p.billingAddress = q.value(4).toString();
    p.accountTaxId = q.value(5).toString();
    return p;
}

} // namespace keel
