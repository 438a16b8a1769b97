#pragma once

#include "fx_rate_store.h"
#include "problem.h"

#include <QByteArray>
#include <QList>

namespace keel {

// What a rate file holds: rows ready to store, or every error found (nothing is stored then).
struct FxRateCsv
{
    QList<FxRateRow> rows;    // source "import"
    QList<FieldError> errors; // "lines/<line>/<column>", naming line and column in words
};

// `date,from,to,rate` per line (the header line is optional), ISO dates, a dot for decimals,
// UTF-8 with or without BOM, LF or CRLF. The same pair and date twice is an error on the later
// line.
FxRateCsv parseFxRateCsv(const QByteArray &body);

// Checks shared by the manual PUT and the import: std::nullopt when fine, else the message.
std::optional<QString> fxCurrencyProblem(const QString &code);
std::optional<QString> fxRateProblem(const QString &rate); // > 0, at most 10 decimal places

} // namespace keel
