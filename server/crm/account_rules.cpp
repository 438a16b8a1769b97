#include "account_rules.h"

#include "http/http_types.h"
#include "permissions.h"
#include "roles.h"

#include <QSet>

namespace keel::crm {

bool isCountryCode(const QString &code)
{
    static const QSet<QString> codes = [] {
        QSet<QString> s;
        for (const QString &c :
             QStringLiteral(
                 "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM "
                 "BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX "
                 "CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG "
                 "GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR "
                 "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV "
                 "LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE "
                 "NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO "
                 "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
                 "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF "
                 "WS YE YT ZA ZM ZW")
                 .split(u' '))
            s.insert(c);
        return s;
    }();
    return codes.contains(code);
}

const QStringList &taxProfiles()
{
    static const QStringList p{
        QStringLiteral("US_STANDARD"),     QStringLiteral("US_EXEMPT"),
        QStringLiteral("UK_VAT_STANDARD"), QStringLiteral("UK_VAT_ZERO"),
        QStringLiteral("DE_UST_STANDARD"), QStringLiteral("EU_REVERSE_CHARGE"),
        QStringLiteral("EXPORT_EXEMPT")};
    return p;
}

EntityScope EntityScope::of(const Principal &principal)
{
    EntityScope s;
    if (principal.roles().contains(QLatin1String(Role::Executive))) {
        s.all = true;
        return s;
    }
    s.codes = principal.entitiesFor(QLatin1String(Permission::SalesUse));
    s.all = s.codes.contains(QStringLiteral("*"));
    return s;
}

QString EntityScope::condition(const QString &codeExpression)
{
    return QStringLiteral("(?::boolean OR %1 = ANY(string_to_array(?::text, ',')))")
        .arg(codeExpression);
}

QVariantList EntityScope::binds() const
{
    return {all, codes.join(u',')};
}

} // namespace keel::crm
