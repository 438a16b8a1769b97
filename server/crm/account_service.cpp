#include "account_service.h"

#include "audit/audit_log.h"
#include "currency.h"
#include "duplicate_rules.h"
#include "http/concurrency.h"
#include "http/paging.h"
#include "json_codec.h"

#include <QRegularExpression>

namespace keel::crm {

namespace {

void throwIfInvalid(const JsonReader &in)
{
    if (!in.ok())
        throw ApiError::invalid(in.errors());
}

// Present-and-null clears an optional field; absent keeps it; a string replaces it.
void readText(JsonReader &in, const QString &name, QString &target)
{
    if (!in.object().contains(name))
        return;
    if (in.object().value(name).isNull()) {
        target.clear();
        return;
    }
    if (const auto v = in.optionalString(name))
        target = v->trimmed();
}

void readId(JsonReader &in, const QString &name, qint64 &target)
{
    if (!in.object().contains(name))
        return;
    if (in.object().value(name).isNull()) {
        target = 0;
        return;
    }
    if (const auto v = in.optionalInt64(name))
        target = *v;
}

bool isEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return pattern.match(email).hasMatch() && email.size() <= 254;
}

qint64 idQuery(const Request &request, const QString &name)
{
    if (!request.query.hasQueryItem(name))
        return 0;
    bool ok = false;
    const qint64 v = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v <= 0)
        throw ApiError::invalidField(name, QStringLiteral("invalid_value"),
                                     QStringLiteral("a record id"));
    return v;
}

AuditEntry audit(const Request &request, const char *action, const char *type, qint64 id)
{
    return AuditEntry::from(request, QString::fromLatin1(action), QString::fromLatin1(type),
                            QString::number(id));
}

const QStringList &activityKinds()
{
    static const QStringList k{QStringLiteral("note"), QStringLiteral("call"),
                               QStringLiteral("meeting"), QStringLiteral("task")};
    return k;
}

} // namespace

// --- accounts ---------------------------------------------------------------------------------

AccountRow AccountService::visibleAccount(const Request &request, qint64 id, bool forUpdate) const
{
    const auto row = m_store.account(id, forUpdate);
    // Outside the caller's entities is answered like "does not exist" (404, not 403), so the
    // answer does not reveal that another entity has this client.
    if (!row || !EntityScope::of(request.caller()).covers(row->fields.legalEntity))
        throw ApiError::notFound(QStringLiteral("There is no account %1.").arg(id));
    return *row;
}

void AccountService::readAccount(const EntityScope &scope, JsonReader &in, AccountFields &f,
                                 qint64 accountId) const
{
    readText(in, QStringLiteral("name"), f.name);
    QString domain = f.domain;
    readText(in, QStringLiteral("domain"), domain);
    readId(in, QStringLiteral("parent_id"), f.parentId);
    readText(in, QStringLiteral("industry"), f.industry);
    readText(in, QStringLiteral("country"), f.country);
    readText(in, QStringLiteral("billing_currency"), f.billingCurrency);
    if (in.object().contains(QStringLiteral("payment_terms_days"))) {
        const auto days = in.optionalInt64(QStringLiteral("payment_terms_days"));
        if (days && (*days < 0 || *days > 365))
            in.addError(QStringLiteral("payment_terms_days"), "out_of_range",
                        QStringLiteral("0 to 365 days"));
        else if (days)
            f.paymentTermsDays = int(*days);
    }
    readText(in, QStringLiteral("tax_profile"), f.taxProfile);
    readId(in, QStringLiteral("billing_contact_id"), f.billingContactId);
    readId(in, QStringLiteral("owner_id"), f.ownerId);
    readText(in, QStringLiteral("billing_address"), f.billingAddress);
    readText(in, QStringLiteral("tax_id"), f.taxId);

    if (f.name.isEmpty())
        in.addError(QStringLiteral("name"), FieldErrorCode::Required,
                    QStringLiteral("a name is needed"));
    else if (f.name.size() > 200)
        in.addError(QStringLiteral("name"), "too_long", QStringLiteral("at most 200 characters"));
    f.domain = normaliseDomain(domain);
    if (!f.domain.isEmpty() && !isValidDomain(f.domain))
        in.addError(QStringLiteral("domain"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a web domain such as example.com"));
    if (f.industry.size() > 100)
        in.addError(QStringLiteral("industry"), "too_long",
                    QStringLiteral("at most 100 characters"));
    if (f.billingAddress.size() > 500)
        in.addError(QStringLiteral("billing_address"), "too_long",
                    QStringLiteral("at most 500 characters"));
    if (f.taxId.size() > 40)
        in.addError(QStringLiteral("tax_id"), "too_long",
                    QStringLiteral("at most 40 characters (a VAT id such as DE123456789)"));
    if (f.country.isEmpty())
        in.addError(QStringLiteral("country"), FieldErrorCode::Required,
                    QStringLiteral("an ISO 3166 country code such as GB"));
    else if (!isCountryCode(f.country))
        in.addError(QStringLiteral("country"), "unknown",
                    QStringLiteral("not an ISO 3166-1 alpha-2 country code (e.g. GB, US, DE)"));
    if (f.billingCurrency.isEmpty())
        in.addError(QStringLiteral("billing_currency"), FieldErrorCode::Required,
                    QStringLiteral("an ISO 4217 currency code such as EUR"));
    else if (!Currency::isKnown(f.billingCurrency))
        in.addError(QStringLiteral("billing_currency"), "unknown",
                    QStringLiteral("not an ISO 4217 currency code"));
    if (f.taxProfile.isEmpty())
        in.addError(QStringLiteral("tax_profile"), FieldErrorCode::Required,
                    QStringLiteral("one of: %1").arg(taxProfiles().join(QStringLiteral(", "))));
    else if (!taxProfiles().contains(f.taxProfile))
        in.addError(QStringLiteral("tax_profile"), "unknown",
                    QStringLiteral("one of: %1").arg(taxProfiles().join(QStringLiteral(", "))));
    if (f.ownerId && !m_store.userExists(f.ownerId))
        in.addError(QStringLiteral("owner_id"), "unknown", QStringLiteral("no user has this id"));
    if (f.parentId) {
        const auto parent = m_store.account(f.parentId);
        if (!parent || !scope.covers(parent->fields.legalEntity))
            in.addError(QStringLiteral("parent_id"), "unknown", QStringLiteral("no such account"));
        else if (parent->mergedInto)
            in.addError(QStringLiteral("parent_id"), "merged",
                        QStringLiteral("that account was merged into %1").arg(parent->mergedInto));
        else if (accountId && m_store.isInSubtree(f.parentId, accountId))
            in.addError(QStringLiteral("parent_id"), "cycle",
                        QStringLiteral("the parent would be the account itself or one of its "
                                       "subsidiaries"));
    }
    if (f.billingContactId &&
        (accountId == 0 || m_store.contactAccount(f.billingContactId) != accountId))
        in.addError(QStringLiteral("billing_contact_id"), "not_a_contact",
                    QStringLiteral("the billing contact must be a contact of this account"));
}

qint64 AccountService::createAccountIn(const Request &request, JsonReader &in, AccountFields f,
                                       bool confirmDuplicate) const
{
    const EntityScope scope = EntityScope::of(request.caller());
    readText(in, QStringLiteral("legal_entity"), f.legalEntity);
    if (f.legalEntity.isEmpty() && !scope.all && scope.codes.size() == 1)
        f.legalEntity = scope.codes.first();
    if (f.legalEntity.isEmpty()) {
        in.addError(QStringLiteral("legal_entity"), FieldErrorCode::Required,
                    QStringLiteral("the selling legal entity's code"));
    } else if (const auto id = m_store.legalEntityId(f.legalEntity)) {
        f.legalEntityId = *id;
    } else {
        in.addError(QStringLiteral("legal_entity"), "unknown",
                    QStringLiteral("no legal entity has this code"));
    }
    if (!f.ownerId)
        f.ownerId = request.caller().user.id;
    readAccount(scope, in, f, 0);
    throwIfInvalid(in);
    if (!scope.covers(f.legalEntity))
        throw ApiError::forbidden(QStringLiteral("You may not create accounts for legal entity "
                                                 "%1.")
                                      .arg(f.legalEntity));

    const QString nameNorm = normaliseAccountName(f.name);
    const QJsonArray candidates = m_store.duplicateCandidates(nameNorm, f.domain, scope);
    if (!candidates.isEmpty() && !confirmDuplicate)
        throw DuplicateAccountsFound(candidates);
    const qint64 id = m_store.insertAccount(f, nameNorm);
    AuditEntry entry = audit(request, "account.create", "account", id);
    entry.after = m_store.account(id)->json;
    if (!candidates.isEmpty())
        entry.after.insert(QStringLiteral("confirmed_despite_candidates"), candidates);
    appendAudit(m_store.db(), entry);
    return id;
}

QJsonObject AccountService::createAccount(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const bool confirm = in.optionalBool(QStringLiteral("confirm_duplicate")).value_or(false);
    db::Transaction tx(m_store.db());
    const qint64 id = createAccountIn(request, in, AccountFields{}, confirm);
    tx.commit();
    return m_store.account(id)->json;
}

QJsonObject AccountService::getAccount(const Request &request, qint64 id) const
{
    const AccountRow row = visibleAccount(request, id);
    QJsonObject o = row.json;
    const EntityScope scope = EntityScope::of(request.caller());
    // Children in other entities stay hidden from a caller who cannot see them.
    QJsonArray children;
    for (const QJsonValue &c : m_store.children(id, kDetailChildren))
        if (scope.covers(c.toObject().value(QStringLiteral("legal_entity")).toString()))
            children.append(c);
    o.insert(QStringLiteral("children"), children);
    o.insert(QStringLiteral("contacts"), m_store.listContacts(id, {}, scope, 0, kDetailContacts));
    o.insert(QStringLiteral("recent_activities"), m_store.recentActivities(id, kDetailActivities));
    return o;
}

QJsonObject AccountService::updateAccount(const Request &request, qint64 id,
                                          const QJsonObject &body) const
{
    const EntityScope scope = EntityScope::of(request.caller());
    db::Transaction tx(m_store.db());
    if (body.contains(QStringLiteral("parent_id")))
        m_store.lockHierarchy();
    const AccountRow row = visibleAccount(request, id, true);
    if (row.mergedInto)
        throw ApiError::conflict(QStringLiteral("Account %1 was merged into %2; edit that one.")
                                     .arg(id)
                                     .arg(row.mergedInto));
    requireVersion(request, body, row.version);
    JsonReader in(body);
    if (body.contains(QStringLiteral("legal_entity")) &&
        body.value(QStringLiteral("legal_entity")).toString() != row.fields.legalEntity)
        in.addError(QStringLiteral("legal_entity"), "immutable",
                    QStringLiteral("the selling entity of an account cannot change"));
    AccountFields f = row.fields;
    readAccount(scope, in, f, id);
    throwIfInvalid(in);
    m_store.updateAccount(id, f, normaliseAccountName(f.name));
    AuditEntry entry = audit(request, "account.update", "account", id);
    entry.before = row.json;
    entry.after = m_store.account(id)->json;
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject AccountService::listAccounts(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    AccountFilter f;
    f.q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
    f.ownerId = idQuery(request, QStringLiteral("owner"));
    f.entity = request.query.queryItemValue(QStringLiteral("entity"));
    f.country = request.query.queryItemValue(QStringLiteral("country"));
    f.parentId = idQuery(request, QStringLiteral("parent"));
    f.includeMerged =
        request.query.queryItemValue(QStringLiteral("include_merged")) == QLatin1String("true");
    return page.page(
        m_store.listAccounts(f, EntityScope::of(request.caller()), page.after, page.limit));
}

QJsonObject AccountService::mergeAccount(const Request &request, qint64 id,
                                         const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 survivorId = in.requiredInt64(QStringLiteral("survivor_id"));
    throwIfInvalid(in);
    if (survivorId == id)
        throw ApiError::invalidField(QStringLiteral("survivor_id"), QStringLiteral("same_account"),
                                     QStringLiteral("an account cannot be merged into itself"));

    db::Transaction tx(m_store.db());
    m_store.lockHierarchy(); // merges and parent changes one at a time: no cycles, no deadlocks
    const AccountRow merged = visibleAccount(request, id, true);
    const auto survivor = m_store.account(survivorId, true);
    if (!survivor || !EntityScope::of(request.caller()).covers(survivor->fields.legalEntity))
        throw ApiError::invalidField(QStringLiteral("survivor_id"), QStringLiteral("unknown"),
                                     QStringLiteral("no such account"));
    if (merged.mergedInto)
        throw ApiError::conflict(QStringLiteral("Account %1 was already merged into %2.")
                                     .arg(id)
                                     .arg(merged.mergedInto));
    if (survivor->mergedInto)
        throw ApiError::conflict(QStringLiteral("Account %1 was itself merged into %2; merge into "
                                                "that one.")
                                     .arg(survivorId)
                                     .arg(survivor->mergedInto));
    requireVersion(request, body, merged.version);

    // A survivor below the merged account takes its place in the hierarchy first; otherwise
    // moving the merged account's children to it could close a loop.
    if (m_store.isInSubtree(survivorId, id))
        m_store.setParent(survivorId, merged.fields.parentId);
    QJsonObject moved;
    try {
        moved = m_store.moveReferences(id, survivorId);
    } catch (const DbError &e) {
        // e.g. both accounts have client rate overrides for the same role and dates (23P01).
        if (!e.sqlState().startsWith(QLatin1String("23")))
            throw;
        throw ApiError::conflict(
            QStringLiteral("The accounts' records clash and cannot be combined "
                           "as they are (%1); resolve that first.")
                .arg(e.message()));
    }
    m_store.markMerged(id, survivorId);

    AuditEntry entry = audit(request, "account.merge", "account", id);
    entry.before = merged.json;
    entry.after = m_store.account(id)->json;
    entry.after.insert(QStringLiteral("moved"), moved);
    appendAudit(m_store.db(), entry);
    AuditEntry into = audit(request, "account.merge_in", "account", survivorId);
    into.before = survivor->json;
    into.after = m_store.account(survivorId)->json;
    into.after.insert(QStringLiteral("merged_account_id"), QString::number(id));
    into.after.insert(QStringLiteral("moved"), moved);
    appendAudit(m_store.db(), into);
    tx.commit();
    return {{"merged", m_store.account(id)->json},
            {"survivor", m_store.account(survivorId)->json},
            {"moved", moved}};
}

// --- contacts ---------------------------------------------------------------------------------

void AccountService::readContact(JsonReader &in, ContactFields &f) const
{
    readId(in, QStringLiteral("account_id"), f.accountId);
    readText(in, QStringLiteral("name"), f.name);
    readText(in, QStringLiteral("email"), f.email);
    readText(in, QStringLiteral("phone"), f.phone);
    readText(in, QStringLiteral("title"), f.title);
    if (f.name.isEmpty())
        in.addError(QStringLiteral("name"), FieldErrorCode::Required,
                    QStringLiteral("a name is needed"));
    else if (f.name.size() > 200)
        in.addError(QStringLiteral("name"), "too_long", QStringLiteral("at most 200 characters"));
    if (!f.email.isEmpty() && !isEmail(f.email))
        in.addError(QStringLiteral("email"), FieldErrorCode::InvalidValue,
                    QStringLiteral("not an e-mail address"));
    if (f.phone.size() > 50)
        in.addError(QStringLiteral("phone"), "too_long", QStringLiteral("at most 50 characters"));
    if (f.title.size() > 200)
        in.addError(QStringLiteral("title"), "too_long", QStringLiteral("at most 200 characters"));
}

namespace {
void checkAccountField(const AccountStore &store, const EntityScope &scope, JsonReader &in,
                       qint64 accountId)
{
    if (!accountId) {
        in.addError(QStringLiteral("account_id"), FieldErrorCode::Required,
                    QStringLiteral("the account this belongs to"));
        return;
    }
    const auto account = store.account(accountId);
    if (!account || !scope.covers(account->fields.legalEntity))
        in.addError(QStringLiteral("account_id"), "unknown", QStringLiteral("no such account"));
    else if (account->mergedInto)
        in.addError(QStringLiteral("account_id"), "merged",
                    QStringLiteral("that account was merged into %1").arg(account->mergedInto));
}
} // namespace

qint64 AccountService::createContactIn(const Request &request, JsonReader &in,
                                       ContactFields f) const
{
    readContact(in, f);
    checkAccountField(m_store, EntityScope::of(request.caller()), in, f.accountId);
    throwIfInvalid(in);
    const qint64 id = m_store.insertContact(f);
    AuditEntry entry = audit(request, "contact.create", "contact", id);
    entry.after = *m_store.contact(id);
    appendAudit(m_store.db(), entry);
    return id;
}

QJsonObject AccountService::createContact(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    db::Transaction tx(m_store.db());
    const qint64 id = createContactIn(request, in, {});
    tx.commit();
    return *m_store.contact(id);
}

QJsonObject AccountService::getContact(const Request &request, qint64 id) const
{
    const auto c = m_store.contact(id);
    if (!c || !EntityScope::of(request.caller())
                   .covers(c->value(QStringLiteral("legal_entity")).toString()))
        throw ApiError::notFound(QStringLiteral("There is no contact %1.").arg(id));
    return *c;
}

QJsonObject AccountService::updateContact(const Request &request, qint64 id,
                                          const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const auto before = m_store.contact(id, true);
    const EntityScope scope = EntityScope::of(request.caller());
    if (!before || !scope.covers(before->value(QStringLiteral("legal_entity")).toString()))
        throw ApiError::notFound(QStringLiteral("There is no contact %1.").arg(id));
    requireVersion(request, body, before->value(QStringLiteral("version")).toInt());
    ContactFields f;
    f.accountId = before->value(QStringLiteral("account_id")).toString().toLongLong();
    f.name = before->value(QStringLiteral("name")).toString();
    f.email = before->value(QStringLiteral("email")).toString();
    f.phone = before->value(QStringLiteral("phone")).toString();
    f.title = before->value(QStringLiteral("title")).toString();
    JsonReader in(body);
    readContact(in, f);
    checkAccountField(m_store, scope, in, f.accountId);
    throwIfInvalid(in);
    m_store.updateContact(id, f);
    AuditEntry entry = audit(request, "contact.update", "contact", id);
    entry.before = *before;
    entry.after = *m_store.contact(id);
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject AccountService::listContacts(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    return page.page(m_store.listContacts(
        idQuery(request, QStringLiteral("account")),
        request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed(),
        EntityScope::of(request.caller()), page.after, page.limit));
}

// --- activities -------------------------------------------------------------------------------

void AccountService::readActivity(JsonReader &in, ActivityFields &f) const
{
    readId(in, QStringLiteral("account_id"), f.accountId);
    readId(in, QStringLiteral("opportunity_id"), f.opportunityId);
    readText(in, QStringLiteral("kind"), f.kind);
    readText(in, QStringLiteral("subject"), f.subject);
    readText(in, QStringLiteral("body"), f.body);
    if (in.object().contains(QStringLiteral("due_date")))
        f.dueDate = in.optionalDate(QStringLiteral("due_date")).value_or(QDate());
    if (in.object().contains(QStringLiteral("done")))
        f.done = in.optionalBool(QStringLiteral("done")).value_or(false);
    if (f.kind.isEmpty())
        in.addError(QStringLiteral("kind"), FieldErrorCode::Required,
                    QStringLiteral("note, call, meeting or task"));
    else if (!activityKinds().contains(f.kind))
        in.addError(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                    QStringLiteral("note, call, meeting or task"));
    if (f.subject.isEmpty())
        in.addError(QStringLiteral("subject"), FieldErrorCode::Required,
                    QStringLiteral("a subject is needed"));
    else if (f.subject.size() > 200)
        in.addError(QStringLiteral("subject"), "too_long",
                    QStringLiteral("at most 200 characters"));
    if (f.body.size() > 20000)
        in.addError(QStringLiteral("body"), "too_long", QStringLiteral("at most 20000 characters"));
    if (f.dueDate.isValid() && f.kind != QLatin1String("task"))
        in.addError(QStringLiteral("due_date"), "not_a_task",
                    QStringLiteral("only tasks have a due date"));
    if (f.opportunityId && f.accountId &&
        !m_store.opportunityOfAccount(f.opportunityId, f.accountId))
        in.addError(QStringLiteral("opportunity_id"), "unknown",
                    QStringLiteral("no opportunity with this id on this account"));
}

QJsonObject AccountService::createActivity(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    ActivityFields f;
    readActivity(in, f);
    checkAccountField(m_store, EntityScope::of(request.caller()), in, f.accountId);
    throwIfInvalid(in);
    db::Transaction tx(m_store.db());
    const qint64 id = m_store.insertActivity(f, request.caller().user.id);
    AuditEntry entry = audit(request, "activity.create", "activity", id);
    entry.after = *m_store.activity(id);
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject AccountService::getActivity(const Request &request, qint64 id) const
{
    const auto a = m_store.activity(id);
    if (!a || !EntityScope::of(request.caller())
                   .covers(a->value(QStringLiteral("legal_entity")).toString()))
        throw ApiError::notFound(QStringLiteral("There is no activity %1.").arg(id));
    return *a;
}

QJsonObject AccountService::updateActivity(const Request &request, qint64 id,
                                           const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const auto before = m_store.activity(id, true);
    const EntityScope scope = EntityScope::of(request.caller());
    if (!before || !scope.covers(before->value(QStringLiteral("legal_entity")).toString()))
        throw ApiError::notFound(QStringLiteral("There is no activity %1.").arg(id));
    requireVersion(request, body, before->value(QStringLiteral("version")).toInt());
    ActivityFields f;
    f.accountId = before->value(QStringLiteral("account_id")).toString().toLongLong();
    f.opportunityId = before->value(QStringLiteral("opportunity_id")).toString().toLongLong();
    f.kind = before->value(QStringLiteral("kind")).toString();
    f.subject = before->value(QStringLiteral("subject")).toString();
    f.body = before->value(QStringLiteral("body")).toString();
    f.dueDate =
        QDate::fromString(before->value(QStringLiteral("due_date")).toString(), Qt::ISODate);
    f.done = before->value(QStringLiteral("done")).toBool();
    JsonReader in(body);
    readActivity(in, f);
    checkAccountField(m_store, scope, in, f.accountId);
    throwIfInvalid(in);
    m_store.updateActivity(id, f);
    AuditEntry entry = audit(request, "activity.update", "activity", id);
    entry.before = *before;
    entry.after = *m_store.activity(id);
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject AccountService::listActivities(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    std::optional<bool> done;
    const QString d = request.query.queryItemValue(QStringLiteral("done"));
    if (d == QLatin1String("true"))
        done = true;
    else if (d == QLatin1String("false"))
        done = false;
    else if (!d.isEmpty())
        throw ApiError::invalidField(QStringLiteral("done"), QStringLiteral("invalid_value"),
                                     QStringLiteral("true or false"));
    return page.page(m_store.listActivities(idQuery(request, QStringLiteral("account")),
                                            idQuery(request, QStringLiteral("opportunity")),
                                            request.query.queryItemValue(QStringLiteral("kind")),
                                            done, EntityScope::of(request.caller()), page.after,
                                            page.limit));
}

} // namespace keel::crm
