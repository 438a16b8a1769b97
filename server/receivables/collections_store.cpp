#include "collections_store.h"

#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

QJsonObject DunningState::json() const
{
    return {{"id", idToJson(id)},
            {"number", number},
            {"status", status},
            {"dunning_level", dunningLevel},
            {"last_dunned_on", dateToJson(lastDunnedOn)},
            {"version", version}};
}

QSqlDatabase CollectionsStore::db() const
{
    return db::connection(m_config);
}

std::optional<DunningState> CollectionsStore::invoice(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT i.id, le.code, i.kind, i.status, coalesce(i.number, ''), "
                       "i.dunning_level, i.last_dunned_on, i.version FROM invoices i JOIN "
                       "legal_entities le ON le.id = i.legal_entity_id WHERE i.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF i") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    return DunningState{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(),   q.value(4).toString(), q.value(5).toInt(),
                        q.value(6).toDate(),     q.value(7).toInt()};
}

qint64 CollectionsStore::insertNote(const NewCollectionNote &n) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO collection_notes (invoice_id, note, promised_date, "
                       "dunning_level, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {n.invoiceId, n.note,
         n.promisedDate.isValid() ? QVariant(n.promisedDate)
                                  : QVariant(QMetaType::fromType<QDate>()),
         n.dunningLevel >= 0 ? QVariant(n.dunningLevel) : QVariant(QMetaType::fromType<int>()),
         n.createdBy});
    q.next();
    return q.value(0).toLongLong();
}

void CollectionsStore::raiseDunning(qint64 invoiceId, int level, QDate on) const
{
    db::query(db(),
              QStringLiteral("UPDATE invoices SET dunning_level = ?, last_dunned_on = ?, version "
                             "= version + 1, updated_at = now() WHERE id = ?"),
              {level, on, invoiceId});
}

QJsonArray CollectionsStore::notes(qint64 invoiceId, qint64 onlyId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT json_build_object('id', n.id::text, 'invoice_id', "
                       "n.invoice_id::text, 'note', n.note, 'promised_date', n.promised_date, "
                       "'dunning_level', n.dunning_level, 'created_by', n.created_by::text, "
                       "'created_by_name', u.username, 'created_at', to_char(n.created_at AT "
                       "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))::text FROM "
                       "collection_notes n JOIN users u ON u.id = n.created_by WHERE "
                       "n.invoice_id = ? AND (? = 0 OR n.id = ?) ORDER BY n.id DESC LIMIT 500"),
        {invoiceId, onlyId, onlyId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
    return out;
}

} // namespace keel
