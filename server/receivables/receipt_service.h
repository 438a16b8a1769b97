#pragma once

#include "ledger/ledger_service.h"
#include "receipt_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

struct AllocationInput
{
    qint64 invoiceId = 0;
    Money amount; // the invoice's currency (= the receipt's)
};

struct ReceiptInput
{
    qint64 legalEntityId = 0, accountId = 0, bankAccountId = 0;
    QDate receiptDate;
    Money amount; // in the bank account's currency
    QString reference;
    QList<AllocationInput> allocations; // may be empty: unapplied cash
};

// Customer receipts and their allocation to invoices (server/receivables/README.md): the receipt
// posts Dr bank / Cr AR at its own rate; each allocation clears the invoice's receivable at the
// invoice's rate and posts the difference as realised FX gain or loss.
class ReceiptService
{
public:
    explicit ReceiptService(DbConfig config) : m_store(config), m_ledger(config) {}
    const ReceiptStore &store() const { return m_store; }

    // For loaders and other services: inside the caller's transaction on `db`, which must be the
    // calling thread's db::connection() of this service's DbConfig (the one the ledger posts on).
    // Bad input throws ApiError (422 with field errors, 423 closed period) and writes nothing.
    qint64 record(QSqlDatabase db, const ReceiptInput &in, qint64 userId) const;
    // Many receipts at once, set-based (one statement per table, postings through postMany);
    // ids in input order; field errors are named receipts/<i>/….
    QList<qint64> recordMany(QSqlDatabase db, const QList<ReceiptInput> &in, qint64 userId) const;
    // Unapplied cash of a receipt allocated to open invoices, effective `on` (not before the
    // receipt date).
    void allocate(QSqlDatabase db, qint64 receiptId, const QList<AllocationInput> &allocations,
                  QDate on, qint64 userId) const;

    // HTTP.
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject allocate(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const;

private:
    struct Pending
    {
        CustomerReceiptRow receipt;
        QList<AllocationInput> allocations;
        QDate on;
        QString field; // "allocations" or "receipts/3/allocations"
    };
    QList<qint64> recordAll(QSqlDatabase db, const QList<ReceiptInput> &in, qint64 userId,
                            const Request *request, const QString &prefix) const;
    void applyAll(QList<Pending> &pending, qint64 userId) const;
    void requireOwnConnection(QSqlDatabase db) const;

    ReceiptStore m_store;
    LedgerService m_ledger;
};

} // namespace keel
