#pragma once

#include "aging_store.h"

#include "decimal.h"

#include <QJsonObject>

#include <optional>

namespace keel {

struct Request;

namespace receivables {
// The one DSO rule (this route and the analytics metric `dso` both call it): receivable × days /
// revenue of those days, in days with one decimal, rounded half away from zero once, from the
// exact quotient. std::nullopt when revenue is not positive.
std::optional<Decimal> dsoDays(const Decimal &receivable, const Decimal &revenue, int days = 90);
} // namespace receivables

// Aging of open receivables per client (current, 1–30, 31–60, 61–90, 90+ days past due), the
// invoices behind a cell, and DSO (server/receivables/README.md).
class AgingService
{
public:
    explicit AgingService(DbConfig config) : m_store(std::move(config)) {}
    const AgingStore &store() const { return m_store; }

    QJsonObject aging(const Request &request) const;
    QJsonObject invoices(const Request &request, qint64 accountId) const;
    QJsonObject dso(const Request &request) const;

    // The buckets of one client and currency at a date, with unapplied cash (statements).
    QJsonObject clientAging(qint64 entityId, qint64 accountId, const QString &currency,
                            QDate asOf) const;

private:
    AgingStore m_store;
};

} // namespace keel
