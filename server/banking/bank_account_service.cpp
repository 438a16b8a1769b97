#include "bank_account_service.h"

#include "audit/audit_log.h"
#include "currency.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/ledger_access.h"
#include "permissions.h"

#include <QSet>

namespace keel {

qint64 BankAccountService::ledgerAccountFor(qint64 entityId, bool first, const QString &name) const
{
    const LedgerStore &ledger = m_ledger.store();
    if (!ledger.hasChart(entityId)) {
        const auto entity = ledger.entity(entityId);
        ledger.createChart(entityId, LedgerService::templateForCountry(entity->country));
    }
    QSet<QString> taken;
    for (const LedgerAccount &a : ledger.accounts(entityId)) {
        if (first && a.role == QLatin1String("bank"))
            return a.id;
        taken.insert(a.number);
    }
    for (int n = 1001; n <= 1099; ++n) {
        const QString number = QString::number(n);
        if (taken.contains(number))
            continue;
        if (const auto id = ledger.insertAccount(entityId, number,
                                                 QStringLiteral("Bank: %1").arg(name), "asset"))
            return *id;
    }
    throw ApiError::invalidField(QStringLiteral("legal_entity_id"), "no_ledger_account",
                                 QStringLiteral("ledger accounts 1001 to 1099 are all taken"));
}

qint64 BankAccountService::create(QSqlDatabase db, const NewBankAccount &in, qint64 userId) const
{
    return createAs(db, in, userId, nullptr);
}

qint64 BankAccountService::createAs(QSqlDatabase db, const NewBankAccount &in, qint64 userId,
                                    const Request *request) const
{
    QList<FieldError> errors;
    const auto check = [&](bool ok, const char *field, const char *code, const QString &message) {
        if (!ok)
            errors.append({QString::fromLatin1(field), QString::fromLatin1(code), message});
    };
    check(!in.name.isEmpty() && in.name.size() <= 100, "name", "invalid_value",
          QStringLiteral("1 to 100 characters"));
    check(in.bankName.size() <= 100, "bank_name", "invalid_value",
          QStringLiteral("at most 100 characters"));
    check(!in.accountNumber.isEmpty() && in.accountNumber.size() <= 40, "account_number",
          "invalid_value", QStringLiteral("1 to 40 characters (IBAN or local)"));
    check(bool(Currency::fromCode(in.currency)), "currency", "invalid_value",
          QStringLiteral("an ISO 4217 code"));
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
    if (!m_ledger.store().entity(in.entityId))
        throw ApiError::invalidField(QStringLiteral("legal_entity_id"), "unknown",
                                     QStringLiteral("no such entity"));

    db::Transaction tx(db);
    const BankAccountStore store(db);
    store.lockEntity(in.entityId);
    if (store.numberTaken(in.entityId, in.accountNumber))
        throw ApiError::invalidField(QStringLiteral("account_number"), "duplicate",
                                     QStringLiteral("the entity has this account already"));
    NewBankAccount a = in;
    a.ledgerAccountId = ledgerAccountFor(in.entityId, store.firstOf(in.entityId) == 0, in.name);
    const qint64 id = store.insert(a);
    AuditEntry e = request ? AuditEntry::from(*request, QStringLiteral("bank_account.create"),
                                              QStringLiteral("bank_account"), QString::number(id))
                           : AuditEntry{userId,
                                        {},
                                        {},
                                        QStringLiteral("bank_account.create"),
                                        QStringLiteral("bank_account"),
                                        QString::number(id),
                                        {},
                                        {}};
    e.after = store.account(id)->json;
    appendAudit(db, e);
    tx.commit();
    return id;
}

qint64 BankAccountService::ensureDefault(QSqlDatabase db, qint64 entityId) const
{
    db::Transaction tx(db);
    const BankAccountStore store(db);
    store.lockEntity(entityId);
    if (const qint64 first = store.firstOf(entityId)) {
        tx.commit();
        return first;
    }
    const auto entity = m_ledger.store().entity(entityId);
    if (!entity)
        throw ApiError::invalidField(QStringLiteral("legal_entity_id"), "unknown",
                                     QStringLiteral("no such entity"));
    const qint64 id =
        create(db,
               {entityId, QStringLiteral("Operating account"), QString(),
                QStringLiteral("%1-OPERATING").arg(entity->code), entity->functionalCurrency, 0},
               0);
    tx.commit();
    return id;
}

QJsonObject BankAccountService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    NewBankAccount a;
    a.entityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    a.name = in.requiredString(QStringLiteral("name")).trimmed();
    a.bankName = in.optionalString(QStringLiteral("bank_name")).value_or(QString()).trimmed();
    a.accountNumber = in.requiredString(QStringLiteral("account_number")).trimmed();
    a.currency = in.requiredString(QStringLiteral("currency")).trimmed();
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    ledger_access::visibleEntity(m_ledger.store(), request, a.entityId, Permission::CashManage);
    const QSqlDatabase db = db::connection(m_config);
    db::Transaction tx(db);
    const qint64 id = createAs(db, a, request.caller().user.id, &request);
    const QJsonObject out = BankAccountStore(db).account(id)->json;
    tx.commit();
    return out;
}

QJsonObject BankAccountService::list(const Request &request) const
{
    bool ok = false;
    const qint64 entityId =
        request.query.queryItemValue(QStringLiteral("legal_entity_id")).toLongLong(&ok);
    if (!ok || entityId <= 0)
        throw ApiError::malformed(QStringLiteral("legal_entity_id is an entity's id."));
    ledger_access::visibleEntity(m_ledger.store(), request, entityId, Permission::FinanceUse);
    return {{"items", BankAccountStore(db::connection(m_config)).accounts(entityId)}};
}

BankAccountRow BankAccountService::visible(const Request &request, qint64 id,
                                           const char *permission) const
{
    const auto a = BankAccountStore(db::connection(m_config)).account(id);
    if (!a || !ledger_access::covers(request.caller().entitiesFor(QString::fromLatin1(permission)),
                                     a->entity))
        throw ApiError::notFound(QStringLiteral("There is no bank account %1.").arg(id));
    return *a;
}

} // namespace keel
