#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>

namespace keel {

// Reads of what is owed to vendors: the finance list of bills and the aging.
class PayablesAgingStore
{
public:
    explicit PayablesAgingStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // status: "" any, "open" (approved or partially paid) or one state.
    QJsonArray bills(qint64 entityId, const QString &status, qint64 vendorId, QDate dueBefore,
                     qint64 after, int limit) const;
    // Per vendor (and currency with `transaction`): the open balance at `asOf` (bills dated by
    // then, less what was paid by then) in buckets of days past due.
    QJsonArray aging(qint64 entityId, QDate asOf, bool transaction) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
