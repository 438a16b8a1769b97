#include "account_store.h"

#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel::crm {

const QList<AccountReference> &accountReferences()
{
    static const QList<AccountReference> refs{
        {"contacts", "account_id"},
        {"activities", "account_id"},
        {"accounts", "parent_id"},
        {"leads", "converted_account_id"},
        {"opportunities", "account_id"},
        {"quotes", "account_id"},
        {"contracts", "account_id"},
        {"projects", "account_id"},
        {"client_rate_overrides", "account_id"},
    };
    return refs;
}

const QList<AccountReference> &accountHistoryReferences()
{
    static const QList<AccountReference> refs{
        {"journal_lines", "client_account_id"},
        // Issued invoices, their runs and the client's payments are documents addressed to the
        // account as it was: they stay with it (the issued invoice is frozen by trigger).
        {"invoices", "account_id"},
        {"billing_runs", "account_id"},
        {"customer_receipts", "account_id"},
    };
    return refs;
}

namespace {

QString instant(const QString &column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        .arg(column);
}

const QString &accountJson()
{
    static const QString s =
        QStringLiteral("json_build_object('id', a.id::text, 'legal_entity', le.code, 'name', "
                       "a.name, 'domain', a.domain, 'parent_id', a.parent_id::text, 'industry', "
                       "a.industry, 'country', a.country, 'billing_currency', a.billing_currency, "
                       "'payment_terms_days', a.payment_terms_days, 'tax_profile', a.tax_profile, "
                       "'billing_address', a.billing_address, 'tax_id', a.tax_id, "
                       "'billing_contact_id', a.billing_contact_id::text, 'owner_id', "
                       "a.owner_id::text, 'owner_name', u.display_name, 'merged_into', "
                       "a.merged_into::text, 'merged_at', ") +
        instant(QStringLiteral("a.merged_at")) + QStringLiteral(", 'created_at', ") +
        instant(QStringLiteral("a.created_at")) + QStringLiteral(", 'updated_at', ") +
        instant(QStringLiteral("a.updated_at")) +
        QStringLiteral(", 'version', a.version)::text FROM accounts a JOIN legal_entities le ON "
                       "le.id = a.legal_entity_id LEFT JOIN users u ON u.id = a.owner_id ");
    return s;
}

const QString &contactJson()
{
    static const QString s =
        QStringLiteral("json_build_object('id', c.id::text, 'account_id', c.account_id::text, "
                       "'account_name', a.name, 'legal_entity', le.code, 'name', c.name, "
                       "'email', c.email, 'phone', c.phone, 'title', c.title, 'created_at', ") +
        instant(QStringLiteral("c.created_at")) + QStringLiteral(", 'updated_at', ") +
        instant(QStringLiteral("c.updated_at")) +
        QStringLiteral(", 'version', c.version)::text FROM contacts c JOIN accounts a ON a.id = "
                       "c.account_id JOIN legal_entities le ON le.id = a.legal_entity_id ");
    return s;
}

const QString &activityJson()
{
    static const QString s =
        QStringLiteral("json_build_object('id', t.id::text, 'account_id', t.account_id::text, "
                       "'account_name', a.name, 'legal_entity', le.code, 'opportunity_id', "
                       "t.opportunity_id::text, 'kind', t.kind, 'subject', t.subject, 'body', "
                       "t.body, 'due_date', to_char(t.due_date, 'YYYY-MM-DD'), 'done', t.done, "
                       "'done_at', ") +
        instant(QStringLiteral("t.done_at")) +
        QStringLiteral(", 'created_by', t.created_by::text, 'created_at', ") +
        instant(QStringLiteral("t.created_at")) + QStringLiteral(", 'updated_at', ") +
        instant(QStringLiteral("t.updated_at")) +
        QStringLiteral(", 'version', t.version)::text FROM activities t JOIN accounts a ON a.id = "
                       "t.account_id JOIN legal_entities le ON le.id = a.legal_entity_id ");
    return s;
}

QJsonObject parse(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QJsonArray column0(QSqlQuery &q)
{
    QJsonArray out;
    while (q.next())
        out.append(parse(q.value(0)));
    return out;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

QVariant nullable(QDate d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

} // namespace

std::optional<qint64> AccountStore::legalEntityId(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool AccountStore::userExists(qint64 id) const
{
    QSqlQuery q = db::query(db(), QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id});
    return q.next();
}

std::optional<AccountRow> AccountStore::account(qint64 id, bool forUpdate) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT a.id, coalesce(a.merged_into, 0), a.version, a.legal_entity_id, "
                       "le.code, a.name, coalesce(a.domain, ''), coalesce(a.parent_id, 0), "
                       "coalesce(a.industry, ''), a.country, a.billing_currency, "
                       "a.payment_terms_days, a.tax_profile, coalesce(a.billing_contact_id, 0), "
                       "coalesce(a.owner_id, 0), a.billing_address, coalesce(a.tax_id, ''), ") +
            accountJson() + QStringLiteral("WHERE a.id = ?") +
            (forUpdate ? QStringLiteral(" FOR UPDATE OF a") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    AccountRow r;
    r.id = q.value(0).toLongLong();
    r.mergedInto = q.value(1).toLongLong();
    r.version = q.value(2).toInt();
    AccountFields &f = r.fields;
    f.legalEntityId = q.value(3).toLongLong();
    f.legalEntity = q.value(4).toString();
    f.name = q.value(5).toString();
    f.domain = q.value(6).toString();
    f.parentId = q.value(7).toLongLong();
    f.industry = q.value(8).toString();
    f.country = q.value(9).toString();
    f.billingCurrency = q.value(10).toString();
    f.paymentTermsDays = q.value(11).toInt();
    f.taxProfile = q.value(12).toString();
    f.billingContactId = q.value(13).toLongLong();
    f.ownerId = q.value(14).toLongLong();
    f.billingAddress = q.value(15).toString();
    f.taxId = q.value(16).toString();
    r.json = parse(q.value(17));
    return r;
}

QJsonArray AccountStore::duplicateCandidates(const QString &nameNorm, const QString &domain,
                                             const EntityScope &scope, qint64 excludeId) const
{
    QVariantList binds{nameNorm, nameNorm, nullable(domain), excludeId};
    binds += scope.binds();
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT json_build_object('id', a.id::text, 'name', a.name, 'domain', "
                       "a.domain, 'legal_entity', le.code, 'match', CASE WHEN a.name_norm = ? "
                       "THEN 'name' ELSE 'domain' END)::text FROM accounts a JOIN legal_entities "
                       "le ON le.id = a.legal_entity_id WHERE a.merged_into IS NULL AND "
                       "(a.name_norm = ? OR a.domain = ?) AND a.id <> ? AND ") +
            EntityScope::condition(QStringLiteral("le.code")) +
            QStringLiteral(" ORDER BY a.id LIMIT 20"),
        binds);
    return column0(q);
}

bool AccountStore::isInSubtree(qint64 candidate, qint64 id) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?::bigint UNION SELECT a.id FROM "
                       "accounts a JOIN sub ON a.parent_id = sub.id) "
                       "SELECT EXISTS (SELECT 1 FROM sub WHERE id = ?)"),
        {id, candidate});
    q.next();
    return q.value(0).toBool();
}

qint64 AccountStore::insertAccount(const AccountFields &f, const QString &nameNorm) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, domain, "
            "parent_id, industry, country, billing_currency, payment_terms_days, "
            "tax_profile, billing_contact_id, owner_id, billing_address, tax_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?) RETURNING id"),
        {f.legalEntityId, f.name, nameNorm, nullable(f.domain), nullable(f.parentId),
         nullable(f.industry), f.country, f.billingCurrency, f.paymentTermsDays, f.taxProfile,
         nullable(f.billingContactId), nullable(f.ownerId), f.billingAddress, nullable(f.taxId)});
    q.next();
    return q.value(0).toLongLong();
}

void AccountStore::updateAccount(qint64 id, const AccountFields &f, const QString &nameNorm) const
{
    db::query(
        db(),
        QStringLiteral(
            "UPDATE accounts SET name = ?, name_norm = ?, domain = ?, "
            "parent_id = ?, industry = ?, country = ?, billing_currency = ?, "
            "payment_terms_days = ?, tax_profile = ?, billing_contact_id = ?, "
            "owner_id = ?, billing_address = coalesce(?, ''), tax_id = ?, updated_at = now(), "
            "version = version + 1 WHERE id = ?"),
        {f.name, nameNorm, nullable(f.domain), nullable(f.parentId), nullable(f.industry),
         f.country, f.billingCurrency, f.paymentTermsDays, f.taxProfile,
         nullable(f.billingContactId), nullable(f.ownerId), f.billingAddress, nullable(f.taxId),
         id});
}

QJsonArray AccountStore::listAccounts(const AccountFilter &f, const EntityScope &scope,
                                      qint64 after, int limit) const
{
    QString where =
        QStringLiteral("WHERE a.id > ? AND ") + EntityScope::condition(QStringLiteral("le.code"));
    QVariantList binds{after};
    binds += scope.binds();
    if (!f.includeMerged)
        where += QStringLiteral(" AND a.merged_into IS NULL");
    if (!f.q.isEmpty()) {
        where += QStringLiteral(" AND (a.name ILIKE ? OR a.domain ILIKE ?)");
        QString pattern = f.q;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        binds << pattern << pattern;
    }
    if (f.ownerId) {
        where += QStringLiteral(" AND a.owner_id = ?");
        binds << f.ownerId;
    }
    if (!f.entity.isEmpty()) {
        where += QStringLiteral(" AND le.code = ?");
        binds << f.entity;
    }
    if (!f.country.isEmpty()) {
        where += QStringLiteral(" AND a.country = ?");
        binds << f.country;
    }
    if (f.parentId) {
        where += QStringLiteral(" AND a.parent_id = ?");
        binds << f.parentId;
    }
    binds << limit;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + accountJson() + where +
                                QStringLiteral(" ORDER BY a.id LIMIT ?"),
                            binds);
    return column0(q);
}

QJsonArray AccountStore::children(qint64 id, int limit) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + accountJson() +
                                QStringLiteral("WHERE a.parent_id = ? ORDER BY a.name, a.id "
                                               "LIMIT ?"),
                            {id, limit});
    return column0(q);
}

QJsonObject AccountStore::moveReferences(qint64 from, qint64 to) const
{
    QJsonObject moved;
    for (const AccountReference &ref : accountReferences()) {
        QSqlQuery columns = db::query(
            db(),
            QStringLiteral("SELECT count(*) FILTER (WHERE column_name = ?), count(*) FILTER "
                           "(WHERE column_name = 'version') FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND table_name = ?"),
            {QString::fromLatin1(ref.column), QString::fromLatin1(ref.table)});
        columns.next();
        if (columns.value(0).toInt() == 0)
            continue; // that context's migration is not there (yet)
        // Moved rows get a new version, so an edit made from the old page gets 412.
        const QString bump =
            columns.value(1).toInt() > 0 ? QStringLiteral(", version = version + 1") : QString();
        QSqlQuery q = db::query(db(),
                                QStringLiteral("UPDATE %1 SET %2 = ?%3 WHERE %2 = ?")
                                    .arg(QLatin1String(ref.table), QLatin1String(ref.column), bump),
                                {to, from});
        moved.insert(
            QStringLiteral("%1.%2").arg(QLatin1String(ref.table), QLatin1String(ref.column)),
            q.numRowsAffected());
    }
    return moved;
}

void AccountStore::setParent(qint64 id, qint64 parentId) const
{
    db::query(db(),
              QStringLiteral("UPDATE accounts SET parent_id = ?, updated_at = now(), "
                             "version = version + 1 WHERE id = ?"),
              {nullable(parentId), id});
}

void AccountStore::markMerged(qint64 id, qint64 survivorId) const
{
    db::query(db(),
              QStringLiteral("UPDATE accounts SET merged_into = ?, merged_at = now(), "
                             "billing_contact_id = NULL, updated_at = now(), "
                             "version = version + 1 WHERE id = ?"),
              {survivorId, id});
}

void AccountStore::lockHierarchy() const
{
    db::query(db(), QStringLiteral("SELECT pg_advisory_xact_lock(7411050)"), {});
}

std::optional<QJsonObject> AccountStore::contact(qint64 id, bool forUpdate) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT ") + contactJson() + QStringLiteral("WHERE c.id = ?") +
                      (forUpdate ? QStringLiteral(" FOR UPDATE OF c") : QString()),
                  {id});
    if (!q.next())
        return std::nullopt;
    return parse(q.value(0));
}

qint64 AccountStore::contactAccount(qint64 contactId) const
{
    QSqlQuery q = db::query(db(), QStringLiteral("SELECT account_id FROM contacts WHERE id = ?"),
                            {contactId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 AccountStore::insertContact(const ContactFields &f) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("INSERT INTO contacts (account_id, name, email, phone, "
                                 "title) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                  {f.accountId, f.name, nullable(f.email), nullable(f.phone), nullable(f.title)});
    q.next();
    return q.value(0).toLongLong();
}

bool AccountStore::updateContact(qint64 id, const ContactFields &f) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("UPDATE contacts SET account_id = ?, name = ?, "
                       "email = ?, phone = ?, title = ?, updated_at = now(), "
                       "version = version + 1 WHERE id = ?"),
        {f.accountId, f.name, nullable(f.email), nullable(f.phone), nullable(f.title), id});
    return q.numRowsAffected() == 1;
}

QJsonArray AccountStore::listContacts(qint64 accountId, const QString &search,
                                      const EntityScope &scope, qint64 after, int limit) const
{
    QString where =
        QStringLiteral("WHERE c.id > ? AND ") + EntityScope::condition(QStringLiteral("le.code"));
    QVariantList binds{after};
    binds += scope.binds();
    if (accountId) {
        where += QStringLiteral(" AND c.account_id = ?");
        binds << accountId;
    }
    if (!search.isEmpty()) {
        where += QStringLiteral(" AND (strpos(lower(c.name), lower(?)) > 0 OR "
                                "strpos(lower(coalesce(c.email, '')), lower(?)) > 0)");
        binds << search << search;
    }
    binds << limit;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + contactJson() + where +
                                QStringLiteral(" ORDER BY c.id LIMIT ?"),
                            binds);
    return column0(q);
}

std::optional<QJsonObject> AccountStore::activity(qint64 id, bool forUpdate) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT ") + activityJson() + QStringLiteral("WHERE t.id = ?") +
                      (forUpdate ? QStringLiteral(" FOR UPDATE OF t") : QString()),
                  {id});
    if (!q.next())
        return std::nullopt;
    return parse(q.value(0));
}

bool AccountStore::opportunityOfAccount(qint64 id, qint64 accountId) const
{
    QSqlQuery t =
        db::query(db(), QStringLiteral("SELECT to_regclass('opportunities') IS NOT NULL"), {});
    t.next();
    if (!t.value(0).toBool())
        return true;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT 1 FROM opportunities WHERE id = ? AND "
                                           "account_id = ?"),
                            {id, accountId});
    return q.next();
}

qint64 AccountStore::insertActivity(const ActivityFields &f, qint64 createdBy) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO activities (account_id, opportunity_id, kind, subject, body, "
                       "due_date, done, done_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "CASE WHEN ? THEN now() END, ?) RETURNING id"),
        {f.accountId, nullable(f.opportunityId), f.kind, f.subject, nullable(f.body),
         nullable(f.dueDate), f.done, f.done, nullable(createdBy)});
    q.next();
    return q.value(0).toLongLong();
}

void AccountStore::updateActivity(qint64 id, const ActivityFields &f) const
{
    db::query(db(),
              QStringLiteral("UPDATE activities SET account_id = ?, opportunity_id = ?, kind = ?, "
                             "subject = ?, body = ?, due_date = ?, done_at = CASE WHEN NOT ? THEN "
                             "NULL WHEN done THEN done_at ELSE now() END, done = ?, "
                             "updated_at = now(), version = version + 1 WHERE id = ?"),
              {f.accountId, nullable(f.opportunityId), f.kind, f.subject, nullable(f.body),
               nullable(f.dueDate), f.done, f.done, id});
}

QJsonArray AccountStore::listActivities(qint64 accountId, qint64 opportunityId, const QString &kind,
                                        std::optional<bool> done, const EntityScope &scope,
                                        qint64 after, int limit) const
{
    QString where =
        QStringLiteral("WHERE t.id > ? AND ") + EntityScope::condition(QStringLiteral("le.code"));
    QVariantList binds{after};
    binds += scope.binds();
    if (accountId) {
        where += QStringLiteral(" AND t.account_id = ?");
        binds << accountId;
    }
    if (opportunityId) {
        where += QStringLiteral(" AND t.opportunity_id = ?");
        binds << opportunityId;
    }
    if (!kind.isEmpty()) {
        where += QStringLiteral(" AND t.kind = ?");
        binds << kind;
    }
    if (done) {
        where += QStringLiteral(" AND t.done = ?");
        binds << *done;
    }
    binds << limit;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + activityJson() + where +
                                QStringLiteral(" ORDER BY t.id LIMIT ?"),
                            binds);
    return column0(q);
}

QJsonArray AccountStore::recentActivities(qint64 accountId, int limit) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT ") + activityJson() +
                                QStringLiteral("WHERE t.account_id = ? ORDER BY t.created_at "
                                               "DESC, t.id DESC LIMIT ?"),
                            {accountId, limit});
    return column0(q);
}

} // namespace keel::crm
