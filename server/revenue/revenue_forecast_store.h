#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace keel {

// One obligation's revenue in one month: recognised by runs ("actual") or expected ("forecast").
struct RevenueMonthRow
{
    qint64 obligationId = 0, contractId = 0, entityId = 0;
    QDate month;
    bool actual = false;
    QString amount; // contract currency, exact
    QString currency;
};

// SQL of schedules and the forecast (server/revenue/README.md "Schedules and forecast").
namespace revenue_forecast_store {

// Months [from, to] of the obligations `where` selects (a condition on `o`, revenue_obligations,
// with its binds): actuals from revenue_recognitions, then the forecast from the month after the
// last recognised one (or the current month) to the obligation's end — time and materials from
// planned assignment hours at the contract's rate for the role (else the entity's rate card),
// capped by the not-to-exceed; completion methods the price left spread evenly to the project's
// end; milestones not yet recognised in their planned month; straight-line by day.
// `asOf` (valid): the forecast as it stood on that day for the analytics snapshots: recognitions
// of its month and later are ignored and "the current month" is its month. Plans (assignments,
// milestone states) are read as they are now.
QList<RevenueMonthRow> months(QSqlDatabase db, const QString &where, const QVariantList &binds,
                              QDate from, QDate to, QDate asOf = QDate());

// Posted to date for a contract's project, in the contract currency (journal lines in it):
// revenue, unbilled receivable (asset), deferred revenue (liability), loss provision.
struct RevenuePosition
{
    QString revenue = QStringLiteral("0"), asset = QStringLiteral("0"),
            liability = QStringLiteral("0"), provision = QStringLiteral("0");
};
RevenuePosition position(QSqlDatabase db, qint64 entityId, qint64 projectId,
                         const QString &currency);

} // namespace revenue_forecast_store
} // namespace keel
