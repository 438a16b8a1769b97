#include "lead_store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::crm {

namespace {
const QString &leadSelect()
{
    static const QString s = QStringLiteral(
        "SELECT l.legal_entity_id, le.code, l.source, l.status, l.company, l.contact_name, "
        "coalesce(l.email, ''), coalesce(l.phone, ''), coalesce(l.notes, ''), "
        "coalesce(l.owner_id, 0), l.version, json_build_object('id', l.id::text, "
        "'legal_entity', le.code, 'source', l.source, 'status', l.status, 'company', l.company, "
        "'contact_name', l.contact_name, 'email', l.email, 'phone', l.phone, 'notes', l.notes, "
        "'owner_id', l.owner_id::text, 'owner_name', u.display_name, 'converted_account_id', "
        "l.converted_account_id::text, 'converted_contact_id', l.converted_contact_id::text, "
        "'converted_opportunity_id', l.converted_opportunity_id::text, 'converted_at', "
        "to_char(l.converted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "'created_at', to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "'version', l.version)::text FROM leads l JOIN legal_entities le ON le.id = "
        "l.legal_entity_id LEFT JOIN users u ON u.id = l.owner_id ");
    return s;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}
} // namespace

std::optional<LeadRow> LeadStore::lead(qint64 id, bool forUpdate) const
{
    QSqlQuery q = db::query(db(),
                            leadSelect() + QStringLiteral("WHERE l.id = ?") +
                                (forUpdate ? QStringLiteral(" FOR UPDATE OF l") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    LeadRow r;
    LeadFields &f = r.fields;
    f.legalEntityId = q.value(0).toLongLong();
    f.legalEntity = q.value(1).toString();
    f.source = q.value(2).toString();
    f.status = q.value(3).toString();
    f.company = q.value(4).toString();
    f.contactName = q.value(5).toString();
    f.email = q.value(6).toString();
    f.phone = q.value(7).toString();
    f.notes = q.value(8).toString();
    f.ownerId = q.value(9).toLongLong();
    r.version = q.value(10).toInt();
    r.json = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object();
    return r;
}

qint64 LeadStore::insert(const LeadFields &f) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("INSERT INTO leads (legal_entity_id, source, status, "
                                 "company, contact_name, email, phone, notes, owner_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                  {f.legalEntityId, f.source, f.status, f.company, f.contactName, nullable(f.email),
                   nullable(f.phone), nullable(f.notes), nullable(f.ownerId)});
    q.next();
    return q.value(0).toLongLong();
}

void LeadStore::update(qint64 id, const LeadFields &f) const
{
    db::query(db(),
              QStringLiteral("UPDATE leads SET source = ?, status = ?, company = ?, "
                             "contact_name = ?, email = ?, phone = ?, notes = ?, owner_id = ?, "
                             "updated_at = now(), version = version + 1 WHERE id = ?"),
              {f.source, f.status, f.company, f.contactName, nullable(f.email), nullable(f.phone),
               nullable(f.notes), nullable(f.ownerId), id});
}

void LeadStore::markConverted(qint64 id, qint64 accountId, qint64 contactId,
                              qint64 opportunityId) const
{
    db::query(db(),
              QStringLiteral("UPDATE leads SET status = 'converted', converted_account_id = ?, "
                             "converted_contact_id = ?, converted_opportunity_id = ?, "
                             "converted_at = now(), updated_at = now(), version = version + 1 "
                             "WHERE id = ?"),
              {accountId, contactId, nullable(opportunityId), id});
}

QJsonArray LeadStore::list(const LeadFilter &f, const EntityScope &scope, qint64 after,
                           int limit) const
{
    QString where =
        QStringLiteral("WHERE l.id > ? AND ") + EntityScope::condition(QStringLiteral("le.code"));
    QVariantList binds{after};
    binds += scope.binds();
    if (!f.status.isEmpty()) {
        where += QStringLiteral(" AND l.status = ?");
        binds << f.status;
    }
    if (!f.source.isEmpty()) {
        where += QStringLiteral(" AND l.source = ?");
        binds << f.source;
    }
    if (f.ownerId) {
        where += QStringLiteral(" AND l.owner_id = ?");
        binds << f.ownerId;
    }
    if (!f.entity.isEmpty()) {
        where += QStringLiteral(" AND le.code = ?");
        binds << f.entity;
    }
    if (!f.q.isEmpty()) {
        where += QStringLiteral(" AND (strpos(lower(l.company), lower(?)) > 0 OR "
                                "strpos(lower(l.contact_name), lower(?)) > 0)");
        binds << f.q << f.q;
    }
    binds << limit;
    QSqlQuery q =
        db::query(db(), leadSelect() + where + QStringLiteral(" ORDER BY l.id LIMIT ?"), binds);
    QJsonArray out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object());
    return out;
}

std::pair<QString, QString> LeadStore::entityDefaults(qint64 legalEntityId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT country, functional_currency FROM "
                                           "legal_entities WHERE id = ?"),
                            {legalEntityId});
    if (!q.next())
        return {};
    return {q.value(0).toString(), q.value(1).toString()};
}

} // namespace keel::crm
