#include "tax_rules.h"

#include <QSet>

namespace keel::tax_rules {

bool isEuMember(const QString &country)
{
    // The 27 member states since 2020 (the United Kingdom left on 2020-01-31).
    static const QSet<QString> eu{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                  "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
                                  "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
    return eu.contains(country);
}

QString codeFor(const QString &entityCountry, const QString &clientCountry,
                const QString &clientTaxProfile)
{
    if (entityCountry == QLatin1String("US"))
        return clientTaxProfile == QLatin1String("US_EXEMPT") ? QStringLiteral("US_EXEMPT")
                                                              : QStringLiteral("US_STANDARD");
    if (entityCountry == clientCountry) {
        if (entityCountry == QLatin1String("GB"))
            return clientTaxProfile == QLatin1String("UK_VAT_ZERO")
                       ? QStringLiteral("UK_VAT_ZERO")
                       : QStringLiteral("UK_VAT_STANDARD");
        if (entityCountry == QLatin1String("DE"))
            return QStringLiteral("DE_UST_STANDARD");
    }
    if (isEuMember(entityCountry) && isEuMember(clientCountry) && entityCountry != clientCountry)
        return QStringLiteral("EU_REVERSE_CHARGE");
    // A domestic supply in a country without a code of its own is not billed by the demo
    // entities; treating it as outside the scope is the conservative answer.
    return QStringLiteral("EXPORT_EXEMPT");
}

} // namespace keel::tax_rules
