#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace keel {

struct Request;

// One column of a financial statement: a P&L sums its lines from..to, a balance sheet is as of
// `to` (`from` then only fixes the comparison columns).
struct FinancialStatementColumn
{
    QString key; // current, previous_period, previous_year
    QDate from, to;
};

// GET /close/statements, read and checked.
struct FinancialStatementQuery
{
    bool balanceSheet = false;
    bool group = false;
    qint64 entityId = 0;
    QList<FinancialStatementColumn> columns; // current first
};

// 422 with every bad parameter: kind (required, invalid_value), legal_entity_id (required,
// invalid_value: an id or "group"), from / to (invalid_value: not a date; before_start: to before
// from; out_of_range: beyond ten years), compare (invalid_value). `to` is required; `from`
// defaults to the first day of to's month.
FinancialStatementQuery parseFinancialStatementQuery(const Request &request);

// The current column and the comparisons asked for. previous_period: the same length just before
// (whole months when from..to is whole months, else days); previous_year: from..to a year
// earlier (a month end stays a month end).
QList<FinancialStatementColumn> financialStatementColumns(QDate from, QDate to,
                                                          const QStringList &compare);

} // namespace keel
