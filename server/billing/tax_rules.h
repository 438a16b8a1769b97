#pragma once

#include <QString>

namespace keel::tax_rules {

// The tax code of an invoice (table tax_codes) from the billing entity's country, the client's
// country and the client's tax_profile (server/billing/README.md "Tax"). Countries are ISO 3166
// alpha-2 ("GB" for the United Kingdom).
//  US entity: US_EXEMPT when the client's profile says so, else US_STANDARD (no tax on services).
//  Same country (GB, DE): UK_VAT_ZERO when the client's profile says so, else the country's
//  standard rate (UK_VAT_STANDARD 20 %, DE_UST_STANDARD 19 %).
//  EU entity, client in another EU member state: EU_REVERSE_CHARGE.
//  Anything else across a border: EXPORT_EXEMPT.
QString codeFor(const QString &entityCountry, const QString &clientCountry,
                const QString &clientTaxProfile);

bool isEuMember(const QString &country);

} // namespace keel::tax_rules
