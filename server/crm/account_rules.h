#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace keel {
struct Principal;
}

namespace keel::crm {

// ISO 3166-1 alpha-2, upper case ("GB", not "UK").
bool isCountryCode(const QString &code);

// Tax profiles an account may carry; billing decides what each means.
const QStringList &taxProfiles();

// Which legal entities' sales records a caller may see: those their SalesUse grants cover;
// executives and unscoped grants see every entity.
struct EntityScope
{
    bool all = false;
    QStringList codes;

    static EntityScope of(const Principal &principal);
    bool covers(const QString &entityCode) const { return all || codes.contains(entityCode); }
    // SQL condition on an entity-code expression, with its two binds (see binds()).
    static QString condition(const QString &codeExpression);
    QVariantList binds() const;
};

} // namespace keel::crm
