#include "analytics_facts.h"

#include "db/database.h"
#include "db/pg_array.h"

namespace keel {

namespace {

const AnalyticsFact *findFact(const QString &name)
{
    for (const AnalyticsFact &fact : analyticsFacts())
        if (fact.name == name)
            return &fact;
    return nullptr;
}

// One lock key per fact: concurrent readers of a stale fact wait for the first one's rebuild.
void lockFact(QSqlDatabase db, const QString &name)
{
    db::query(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('analytics:' || ?))"),
              {name});
}

void prepareRebuild(QSqlDatabase db)
{
    db::query(db,
              QStringLiteral("SELECT set_config('jit', 'off', true), set_config('work_mem', "
                             "'64MB', true)"),
              {});
}

} // namespace

QVariantList partitionBinds(const QList<EntityMonth> &partitions)
{
    db::PgArray entities, months;
    for (const EntityMonth &p : partitions) {
        entities.add(p.entityId);
        months.add(p.month);
    }
    return {entities.literal(), months.literal()};
}

void deletePartitions(QSqlDatabase db, const QString &table, const QList<EntityMonth> &partitions)
{
    db::query(db,
              QStringLiteral("DELETE FROM %1 f USING unnest(?::bigint[], ?::date[]) AS "
                             "p(legal_entity_id, month) WHERE f.legal_entity_id = "
                             "p.legal_entity_id AND f.month = p.month")
                  .arg(table),
              partitionBinds(partitions));
}

void refreshStaleFacts(QSqlDatabase db, const QStringList &facts)
{
    for (const QString &name : facts) {
        const AnalyticsFact *fact = findFact(name);
        if (!fact)
            continue;
        // Cheap test first: most requests find nothing stale and take no lock.
        QSqlQuery any = db::query(
            db, QStringLiteral("SELECT 1 FROM analytics_stale_months WHERE fact = ? LIMIT 1"),
            {name});
        if (!any.next())
            continue;
        db::Transaction tx(db);
        lockFact(db, name);
        // Taking the marks before reading the detail: a change committed after this statement
        // leaves its own mark for the next reader, so none is lost.
        QSqlQuery taken =
            db::query(db,
                      QStringLiteral("DELETE FROM analytics_stale_months WHERE fact = ? "
                                     "RETURNING legal_entity_id, month"),
                      {name});
        QList<EntityMonth> partitions;
        while (taken.next())
            partitions.append({taken.value(0).toLongLong(), taken.value(1).toDate()});
        if (!partitions.isEmpty()) {
            prepareRebuild(db);
            fact->rebuild(db, partitions);
        }
        tx.commit();
    }
}

int rebuildAllFacts(QSqlDatabase db, QDate from, QDate to)
{
    QList<qint64> entities;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT id FROM legal_entities ORDER BY id"));
    while (q.next())
        entities.append(q.value(0).toLongLong());
    QList<EntityMonth> partitions;
    for (qint64 entity : entities)
        for (QDate m(from.year(), from.month(), 1); m <= to; m = m.addMonths(1))
            partitions.append({entity, m});
    for (const AnalyticsFact &fact : analyticsFacts()) {
        db::Transaction tx(db);
        lockFact(db, fact.name);
        db::query(db, QStringLiteral("DELETE FROM analytics_stale_months WHERE fact = ?"),
                  {fact.name});
        prepareRebuild(db);
        fact.rebuild(db, partitions);
        db::query(db,
                  QStringLiteral("INSERT INTO analytics_fact_builds (fact, built_at, months) "
                                 "VALUES (?, now(), ?) ON CONFLICT (fact) DO UPDATE SET "
                                 "built_at = now(), months = EXCLUDED.months"),
                  {fact.name, int(partitions.size())});
        tx.commit();
    }
    return int(partitions.size());
}

} // namespace keel
