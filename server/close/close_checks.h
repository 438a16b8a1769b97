#pragma once

#include "close_store.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QStringList>

namespace keel {

// The checklist's tasks in their order (README "The checklist").
namespace close_tasks {
const QStringList &all();
bool isRun(const QString &task);
// close_runs.kind of a run task ("revenue" for revenue_recognition …); empty for checks.
QString runKind(const QString &task);
// Checks whose records block the soft close (red), the others warn (amber).
bool blocks(const QString &task);
} // namespace close_tasks

// What the checks count for an entity and period, each a single aggregate over the records.
struct CloseCheckFigures
{
    QHash<QString, qint64> counts;     // per check task
    QHash<QString, QJsonValue> amount; // money object or null
    // The latest approval or posting in the period that the runs did not make themselves: a run
    // completed before it is stale.
    QDateTime lastChange;
};

CloseCheckFigures closeCheckFigures(QSqlDatabase db, const CloseEntity &entity, QDate periodStart);

// The records behind a check, keyset-paged by `after` (the previous page's next_after):
// {"items":[{id, label, amount, owner, …}], "next_after"?}.
QJsonObject closeCheckRecords(QSqlDatabase db, const CloseEntity &entity, QDate periodStart,
                              const QString &task, const QString &after, int limit);

} // namespace keel
