#pragma once

#include "aging_service.h"
#include "statement_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Client statement: opening balance, invoices, credit notes and receipts with the running
// balance, closing balance, and the aging of what is open at its end.
class StatementService
{
public:
    StatementService(DbConfig config, const AgingService &aging)
        : m_store(std::move(config)), m_aging(aging)
    {}
    QJsonObject statement(const Request &request, qint64 accountId) const;

private:
    StatementStore m_store;
    const AgingService &m_aging;
};

} // namespace keel
