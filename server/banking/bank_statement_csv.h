#pragma once

#include "money.h"
#include "problem.h"

#include <QByteArray>
#include <QDate>
#include <QList>

namespace keel {

struct StatementCsvLine
{
    int lineNo = 0; // in the file; the header is line 1
    QDate date;
    Money amount; // + in, − out
    QString reference, counterparty;
};

struct StatementCsv
{
    QList<StatementCsvLine> lines;
    QList<FieldError> errors; // "lines/<line>/<column>", each naming line and column in words
};

// A bank statement export: header `date,amount,reference,counterparty`, ISO dates, amounts with
// a dot in the account's currency (negative = out), RFC 4180 quoting. UTF-8, CRLF or LF.
StatementCsv parseStatementCsv(const QByteArray &body, const Currency &currency);

} // namespace keel
