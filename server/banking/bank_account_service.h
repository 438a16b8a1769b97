#pragma once

#include "bank_account_store.h"
#include "ledger/ledger_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Bank accounts per entity. The first of an entity posts to its 'bank' role ledger account
// (1000); each later one gets its own asset account, 1001, 1002 …, so every account reconciles
// against a ledger balance of its own.
class BankAccountService
{
public:
    explicit BankAccountService(DbConfig config) : m_config(config), m_ledger(config) {}

    // Inside the caller's transaction on `db`, the thread's db::connection() of this service's
    // DbConfig. The entity's first bank account, created in its functional currency when it has
    // none.
    qint64 ensureDefault(QSqlDatabase db, qint64 entityId) const;
    // A new account (in.ledgerAccountId is chosen here); 422 on bad or duplicate fields.
    qint64 create(QSqlDatabase db, const NewBankAccount &in, qint64 userId) const;

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const;
    // The account when the caller holds `permission` for its entity; 404 otherwise.
    BankAccountRow visible(const Request &request, qint64 id, const char *permission) const;

private:
    qint64 createAs(QSqlDatabase db, const NewBankAccount &in, qint64 userId,
                    const Request *request) const;
    qint64 ledgerAccountFor(qint64 entityId, bool first, const QString &name) const;

    DbConfig m_config;
    LedgerService m_ledger;
};

} // namespace keel
