#include "lead_service.h"

#include "audit/audit_log.h"
#include "crm/opportunity_service.h"
#include "currency.h"
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
} // namespace

const QStringList &LeadService::sources()
{
    static const QStringList s{QStringLiteral("web"), QStringLiteral("referral"),
                               QStringLiteral("event"), QStringLiteral("outbound"),
                               QStringLiteral("partner")};
    return s;
}

const QStringList &LeadService::statuses()
{
    static const QStringList s{QStringLiteral("new"), QStringLiteral("contacted"),
                               QStringLiteral("qualified"), QStringLiteral("converted"),
                               QStringLiteral("disqualified")};
    return s;
}

bool LeadService::allowedTransition(const QString &from, const QString &to)
{
    if (from == to)
        return true;
    if (to == QLatin1String("disqualified"))
        return from == QLatin1String("new") || from == QLatin1String("contacted") ||
               from == QLatin1String("qualified");
    return (from == QLatin1String("new") && to == QLatin1String("contacted")) ||
           (from == QLatin1String("contacted") && to == QLatin1String("qualified"));
}

LeadRow LeadService::visibleLead(const Request &request, qint64 id, bool forUpdate) const
{
    const auto row = m_store.lead(id, forUpdate);
    // Outside the caller's entities answers 404, like a lead that does not exist.
    if (!row || !EntityScope::of(request.caller()).covers(row->fields.legalEntity))
        throw ApiError::notFound(QStringLiteral("There is no lead %1.").arg(id));
    return *row;
}

void LeadService::readLead(JsonReader &in, LeadFields &f) const
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    readText(in, QStringLiteral("source"), f.source);
    readText(in, QStringLiteral("company"), f.company);
    readText(in, QStringLiteral("contact_name"), f.contactName);
    readText(in, QStringLiteral("email"), f.email);
    readText(in, QStringLiteral("phone"), f.phone);
    readText(in, QStringLiteral("notes"), f.notes);
    if (in.object().contains(QStringLiteral("owner_id")))
        f.ownerId = in.optionalInt64(QStringLiteral("owner_id")).value_or(0);
    if (!sources().contains(f.source))
        in.addError(QStringLiteral("source"),
                    f.source.isEmpty() ? FieldErrorCode::Required : FieldErrorCode::InvalidValue,
                    QStringLiteral("one of: %1").arg(sources().join(QStringLiteral(", "))));
    if (f.company.isEmpty() || f.company.size() > 200)
        in.addError(QStringLiteral("company"), FieldErrorCode::Required,
                    QStringLiteral("a company name of 1 to 200 characters"));
    if (f.contactName.isEmpty() || f.contactName.size() > 200)
        in.addError(QStringLiteral("contact_name"), FieldErrorCode::Required,
                    QStringLiteral("a name of 1 to 200 characters"));
    if (!f.email.isEmpty() && !email.match(f.email).hasMatch())
        in.addError(QStringLiteral("email"), FieldErrorCode::InvalidValue,
                    QStringLiteral("not an e-mail address"));
    if (f.phone.size() > 50)
        in.addError(QStringLiteral("phone"), "too_long", QStringLiteral("at most 50 characters"));
    if (f.notes.size() > 20000)
        in.addError(QStringLiteral("notes"), "too_long",
                    QStringLiteral("at most 20000 characters"));
    if (f.ownerId && !m_accounts->store().userExists(f.ownerId))
        in.addError(QStringLiteral("owner_id"), "unknown", QStringLiteral("no user has this id"));
}

QJsonObject LeadService::create(const Request &request, const QJsonObject &body) const
{
    const EntityScope scope = EntityScope::of(request.caller());
    JsonReader in(body);
    LeadFields f;
    f.ownerId = request.caller().user.id;
    readText(in, QStringLiteral("legal_entity"), f.legalEntity);
    if (f.legalEntity.isEmpty() && !scope.all && scope.codes.size() == 1)
        f.legalEntity = scope.codes.first();
    if (f.legalEntity.isEmpty())
        in.addError(QStringLiteral("legal_entity"), FieldErrorCode::Required,
                    QStringLiteral("the legal entity's code"));
    else if (const auto id = m_accounts->store().legalEntityId(f.legalEntity))
        f.legalEntityId = *id;
    else
        in.addError(QStringLiteral("legal_entity"), "unknown",
                    QStringLiteral("no legal entity has this code"));
    readLead(in, f);
    throwIfInvalid(in);
    if (!scope.covers(f.legalEntity))
        throw ApiError::forbidden(
            QStringLiteral("You may not create leads for legal entity %1.").arg(f.legalEntity));
    db::Transaction tx(m_store.db());
    const qint64 id = m_store.insert(f);
    AuditEntry entry = AuditEntry::from(request, QStringLiteral("lead.create"),
                                        QStringLiteral("lead"), QString::number(id));
    entry.after = m_store.lead(id)->json;
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject LeadService::get(const Request &request, qint64 id) const
{
    return visibleLead(request, id).json;
}

QJsonObject LeadService::update(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const LeadRow row = visibleLead(request, id, true);
    requireVersion(request, body, row.version);
    if (row.fields.status == QLatin1String("converted"))
        throw ApiError::conflict(
            QStringLiteral("Lead %1 was converted; it cannot change.").arg(id));
    JsonReader in(body);
    LeadFields f = row.fields;
    readLead(in, f);
    QString status = f.status;
    readText(in, QStringLiteral("status"), status);
    if (!statuses().contains(status))
        in.addError(QStringLiteral("status"), FieldErrorCode::InvalidValue,
                    QStringLiteral("one of: %1").arg(statuses().join(QStringLiteral(", "))));
    throwIfInvalid(in);
    if (status == QLatin1String("converted"))
        throw ApiError::conflict(QStringLiteral("A lead is converted with POST "
                                                "/api/v1/crm/leads/%1/convert.")
                                     .arg(id));
    if (!allowedTransition(f.status, status))
        throw ApiError::conflict(
            QStringLiteral("A lead cannot go from %1 to %2.").arg(f.status, status));
    f.status = status;
    m_store.update(id, f);
    AuditEntry entry = AuditEntry::from(request, QStringLiteral("lead.update"),
                                        QStringLiteral("lead"), QString::number(id));
    entry.before = row.json;
    entry.after = m_store.lead(id)->json;
    appendAudit(m_store.db(), entry);
    tx.commit();
    return entry.after;
}

QJsonObject LeadService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    LeadFilter f;
    f.status = request.query.queryItemValue(QStringLiteral("status"));
    f.source = request.query.queryItemValue(QStringLiteral("source"));
    f.entity = request.query.queryItemValue(QStringLiteral("entity"));
    f.q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
    if (request.query.hasQueryItem(QStringLiteral("owner"))) {
        bool ok = false;
        f.ownerId = request.query.queryItemValue(QStringLiteral("owner")).toLongLong(&ok);
        if (!ok || f.ownerId <= 0)
            throw ApiError::invalidField(QStringLiteral("owner"), QStringLiteral("invalid_value"),
                                         QStringLiteral("a user id"));
    }
    return page.page(m_store.list(f, EntityScope::of(request.caller()), page.after, page.limit));
}

QJsonObject LeadService::convert(const Request &request, qint64 id, const QJsonObject &body) const
{
    JsonReader in(body);
    const bool confirm = in.optionalBool(QStringLiteral("confirm_duplicate")).value_or(false);
    const std::optional<qint64> existingAccount = in.optionalInt64(QStringLiteral("account_id"));
    throwIfInvalid(in);

    // One transaction: the account, the contact, the opportunity and the lead's new status
    // commit together or not at all (any ApiError below rolls everything back).
    db::Transaction tx(m_store.db());
    const LeadRow lead = visibleLead(request, id, true);
    requireVersion(request, body, lead.version);
    if (lead.fields.status != QLatin1String("qualified"))
        throw ApiError::conflict(QStringLiteral("Only a qualified lead can be converted; lead %1 "
                                                "is %2.")
                                     .arg(id)
                                     .arg(lead.fields.status));

    qint64 accountId = 0;
    if (existingAccount) {
        const AccountRow account = m_accounts->visibleAccount(request, *existingAccount);
        if (account.mergedInto)
            throw ApiError::invalidField(
                QStringLiteral("account_id"), QStringLiteral("merged"),
                QStringLiteral("that account was merged into %1").arg(account.mergedInto));
        accountId = account.id;
    } else {
        AccountFields base;
        base.legalEntity = lead.fields.legalEntity;
        base.name = lead.fields.company;
        base.ownerId = lead.fields.ownerId;
        std::tie(base.country, base.billingCurrency) =
            m_store.entityDefaults(lead.fields.legalEntityId);
        JsonReader accountIn =
            in.child(QStringLiteral("account"), body.value(QStringLiteral("account")).toObject());
        accountId = m_accounts->createAccountIn(request, accountIn, base, confirm);
    }

    ContactFields contact;
    contact.accountId = accountId;
    contact.name = lead.fields.contactName;
    contact.email = lead.fields.email;
    contact.phone = lead.fields.phone;
    JsonReader contactIn =
        in.child(QStringLiteral("contact"), body.value(QStringLiteral("contact")).toObject());
    if (contactIn.object().contains(QStringLiteral("account_id")))
        contactIn.addError(QStringLiteral("account_id"), "not_allowed",
                           QStringLiteral("the contact belongs to the converted account"));
    const qint64 contactId = m_accounts->createContactIn(request, contactIn, contact);

    // The opportunity, through the opportunities code, inside this same transaction.
    JsonReader oppIn = in.child(QStringLiteral("opportunity"),
                                body.value(QStringLiteral("opportunity")).toObject());
    OpportunityDraft draft;
    draft.accountId = accountId;
    draft.legalEntity = lead.fields.legalEntity;
    draft.ownerId = lead.fields.ownerId;
    draft.name = oppIn.optionalString(QStringLiteral("name")).value_or(lead.fields.company);
    draft.stage = oppIn.optionalString(QStringLiteral("stage")).value_or(QString());
    draft.practice = oppIn.optionalString(QStringLiteral("practice")).value_or(QString());
    draft.description = lead.fields.notes;
    draft.probability = oppIn.optionalDecimal(QStringLiteral("probability"));
    draft.expectedValue = oppIn.optionalMoney(QStringLiteral("expected_value"));
    if (!draft.expectedValue) {
        const AccountRow account = m_accounts->visibleAccount(request, accountId);
        if (const auto currency = Currency::fromCode(account.fields.billingCurrency))
            draft.expectedValue = Money::zero(*currency);
    }
    draft.expectedClose = oppIn.optionalDate(QStringLiteral("expected_close")).value_or(QDate());
    draft.expectedStart = oppIn.optionalDate(QStringLiteral("expected_start")).value_or(QDate());
    throwIfInvalid(oppIn);
    const qint64 opportunityId =
        OpportunityService::createInTransaction(m_store.db(), request, draft);

    m_store.markConverted(id, accountId, contactId, opportunityId);
    AuditEntry entry = AuditEntry::from(request, QStringLiteral("lead.convert"),
                                        QStringLiteral("lead"), QString::number(id));
    entry.before = lead.json;
    entry.after = m_store.lead(id)->json;
    appendAudit(m_store.db(), entry);
    tx.commit();
    QJsonObject out{{"lead", entry.after},
                    {"account_id", QString::number(accountId)},
                    {"contact_id", QString::number(contactId)}};
    out.insert(QStringLiteral("opportunity_id"),
               opportunityId ? QJsonValue(QString::number(opportunityId)) : QJsonValue());
    return out;
}

} // namespace keel::crm
