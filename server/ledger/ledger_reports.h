#pragma once

#include "ledger_store.h"

#include <QByteArray>
#include <QJsonObject>

namespace keel {

struct Request;

// What finance reads from the books: trial balance, profit and loss, balance sheet, an
// account's lines down to their source documents, and the plain-text export. All in the
// entity's functional currency, from posted lines only.
class LedgerReports
{
public:
    explicit LedgerReports(DbConfig config) : m_store(std::move(config)) {}

    QJsonObject trialBalance(const Request &request, qint64 entityId) const;
    QJsonObject profitAndLoss(const Request &request, qint64 entityId) const;
    QJsonObject balanceSheet(const Request &request, qint64 entityId) const;
    QJsonObject accountDetail(const Request &request, qint64 accountId) const;
    QByteArray exportLedger(const Request &request) const;

private:
    // Per account debit, credit and balance of the lines dated from..to (either may be
    // invalid: open-ended), only accounts of `types` (all when empty), with totals.
    QJsonObject totalsReport(qint64 entityId, QDate from, QDate to, const QStringList &types,
                             bool withOpening = false) const;

    LedgerStore m_store;
};

} // namespace keel
