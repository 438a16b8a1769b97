#pragma once

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace keel {

struct EntityMonth
{
    qint64 entityId = 0;
    QDate month; // first day
};

// An aggregate maintained as records change (server/analytics/README.md "Aggregates"): a table
// keyed by legal entity and month, rebuilt per partition from the detail. Triggers on the detail
// mark partitions stale (analytics_mark_stale); readers rebuild the stale ones first.
struct AnalyticsFact
{
    QString name;  // as in analytics_stale_months.fact, e.g. "person_month"
    QString table; // the aggregate table, e.g. analytics_person_month (the consistency test
                   // compares it with a rebuild from the detail)
    // Deletes and re-inserts the given partitions from the detail, set-based (bind the
    // partitions as two arrays). Runs inside the caller's transaction.
    std::function<void(QSqlDatabase, const QList<EntityMonth> &)> rebuild;
};

// What every rebuild starts with: the partitions as the two array binds of
// `unnest(?::bigint[], ?::date[])`, and the deletion of their rows from a fact table keyed by
// (legal_entity_id, month). refreshStaleFacts and rebuildAllFacts also turn JIT off and give the
// rebuild's sorts room (for the rest of the transaction): JIT compiled a two-year rebuild for
// longer than it ran.
QVariantList partitionBinds(const QList<EntityMonth> &partitions);
void deletePartitions(QSqlDatabase db, const QString &table, const QList<EntityMonth> &partitions);

// Every fact of every family (analytics_catalogue.cpp).
const QList<AnalyticsFact> &analyticsFacts();

// Brings the named facts up to date: takes their stale partitions and rebuilds them, one
// transaction per fact under a transaction-level advisory lock, so concurrent readers wait for
// one rebuild instead of repeating it. Unknown names are ignored.
void refreshStaleFacts(QSqlDatabase db, const QStringList &facts);

// Rebuilds every partition of every fact from `from` to `to` (first days) for all entities: the
// demo load and tests call it after bulk loads. Returns the number of partitions rebuilt.
int rebuildAllFacts(QSqlDatabase db, QDate from, QDate to);

} // namespace keel
