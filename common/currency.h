#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace keel {

// An ISO 4217 currency from Keel's built-in table: its code and number of minor-unit digits
// (EUR 2, JPY 0, KWD 3). A default-constructed Currency is invalid.
class Currency
{
public:
    Currency() = default;

    // Exact upper-case code from the table; "eur", " EUR", "EURO", "XYZ" fail with
    // ValueErrorCode::InvalidCurrency.
    static Result<Currency> fromCode(QStringView code);
    static bool isKnown(QStringView code);
    static QList<Currency> all(); // the table, in code order

    bool isValid() const { return minorUnits_ >= 0; }
    QString code() const { return code_; }
    int minorUnits() const { return minorUnits_ < 0 ? 0 : minorUnits_; }
    qint64 minorFactor() const; // 10^minorUnits: 100 for EUR, 1 for JPY

    friend bool operator==(const Currency &, const Currency &) = default;

private:
    Currency(const QString &code, int minorUnits) : code_(code), minorUnits_(minorUnits) {}

    QString code_;
    int minorUnits_ = -1;
};

inline size_t qHash(const Currency &c, size_t seed = 0)
{
    return qHash(c.code(), seed);
}

} // namespace keel
