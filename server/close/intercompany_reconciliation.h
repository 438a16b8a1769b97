#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace keel {

struct Request;

// One pair of entities at a period end: what the employing entity is owed (its due-from lines
// posted by intercompany charges) and what the contracting entity owes (its due-to lines), each
// in its own functional currency and both in the group currency. The group amounts convert the
// lines' transaction-currency balances at the period end's rate, one rate per currency for
// both sides, so a pair whose entries both sides posted reconciles to a zero difference.
struct IntercompanyReconciledPair
{
    qint64 employingEntityId = 0, contractingEntityId = 0;
    Money dueFromFunctional, dueToFunctional;
    Money dueFrom, dueTo, difference; // group currency
    Money chargedInPeriod;            // group currency, due-from side
};

// Every pair with intercompany balances at the end of the period starting `periodStart`, ordered
// by employing then contracting entity. 422 (no_fx_rate) when a rate into the group currency
// is missing.
QList<IntercompanyReconciledPair> reconcileIntercompany(QSqlDatabase db, QDate periodStart);

// GET /close/intercompany?period=YYYY-MM: the pairs of which the caller sees (finance.use)
// either side.
QJsonObject intercompanyReconciliationJson(QSqlDatabase db, const Request &request);

} // namespace keel
