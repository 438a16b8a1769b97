#include "currency.h"

#include <iterator>

namespace keel {

namespace {
struct Entry
{
    const char *code;
    int minorUnits;
};

// Sorted by code. Minor units per ISO 4217.
constexpr Entry table[] = {
    {"AED", 2}, {"AUD", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0},
    {"CNY", 2}, {"CZK", 2}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0},
    {"KWD", 3}, {"MXN", 2}, {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2},
    {"PLN", 2}, {"QAR", 2}, {"RON", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2},
    {"TND", 3}, {"TRY", 2}, {"TWD", 2}, {"UAH", 2}, {"USD", 2}, {"ZAR", 2},
};
} // namespace

Result<Currency> Currency::fromCode(QStringView code)
{
    if (code.size() == 3) {
        for (const Entry &e : table) {
            if (code == QLatin1StringView(e.code))
                return Currency(QString::fromLatin1(e.code), e.minorUnits);
        }
    }
    return valueError(ValueErrorCode::InvalidCurrency,
                      QStringLiteral("'%1' is not a supported ISO 4217 currency code").arg(code));
}

bool Currency::isKnown(QStringView code)
{
    return fromCode(code).ok();
}

QList<Currency> Currency::all()
{
    QList<Currency> out;
    out.reserve(qsizetype(std::size(table)));
    for (const Entry &e : table)
        out.append(Currency(QString::fromLatin1(e.code), e.minorUnits));
    return out;
}

qint64 Currency::minorFactor() const
{
    qint64 f = 1;
    for (int i = 0; i < minorUnits(); ++i)
        f *= 10;
    return f;
}

} // namespace keel
