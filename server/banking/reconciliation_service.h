#pragma once

#include "bank_account_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// A bank reconciliation at a date: the statement's balance (Σ imported lines) against the ledger
// balance of the account's ledger account, explained by the statement lines not matched yet and
// the receipts and payments the statement does not show yet. difference =
// (statement − unmatched − ignored lines) − (ledger − receipts and payments not on the
// statement); zero when everything is explained.
class ReconciliationService
{
public:
    ReconciliationService(DbConfig config, const BankAccountService &accounts)
        : m_config(config), m_accounts(accounts)
    {}

    QJsonObject report(const Request &request, qint64 bankAccountId) const;

private:
    DbConfig m_config;
    const BankAccountService &m_accounts;
};

} // namespace keel
