#pragma once

#include <QDate>
#include <QString>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::finance {

// The exchange-rate and group routes (server/close/README.md "Exchange rates and the group"):
// rates by day per currency pair, the manual entry of one, and the group's currency.
class FxApi
{
public:
    explicit FxApi(ApiClient *api) : m_api(api) {}

    // The keyset-paged list; filters from_currency, to_currency, from, to.
    static QString ratesPath();
    static QString importPath();
    // Inserts or replaces the day's rate of the pair (fx.manage); `rate` a decimal text.
    ApiReply *putRate(const QString &from, const QString &to, QDate day, const QString &rate) const;
    // The rate the server uses for that day (the latest on or before it).
    ApiReply *rateOn(const QString &from, const QString &to, QDate day) const;
    ApiReply *group() const; // {group_currency, intercompany_markup, version}

    // "1.0834000000" -> "1.0834": at least four places, no trailing zeros after them, grouped
    // for the locale.
    static QString rateText(const QString &rate);
    // A rate typed by a person ("1,0834" in German too) as the API's decimal text; empty when
    // it is not a positive number.
    static QString rateFromInput(const QString &typed);
    // A fraction as a percentage for people: "0.10" -> "10".
    static QString percentText(const QString &fraction);

private:
    ApiClient *m_api;
};

} // namespace keel::finance
