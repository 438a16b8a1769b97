#pragma once

#include "db/database.h"
#include "ledger/ledger_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The finance list of vendor bills with their balances, and the payables aging per vendor.
// Reads need finance.use for the entity; another entity's is 404.
class PayablesAgingService
{
public:
    explicit PayablesAgingService(DbConfig config) : m_config(config), m_ledger(config) {}

    QJsonObject bills(const Request &request) const;
    QJsonObject aging(const Request &request) const;

private:
    qint64 entityOf(const Request &request) const;

    DbConfig m_config;
    LedgerStore m_ledger;
};

} // namespace keel
