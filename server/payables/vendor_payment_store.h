#pragma once

#include "db/database.h"
#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace keel {

// A bill as payments see it, read under its row lock.
struct PayableBill
{
    qint64 id = 0;
    qint64 entityId = 0;
    qint64 vendorId = 0;
    QString vendorRef;
    QString status;
    QDate billDate;
    Money total, paid;
    std::optional<Decimal> fxRate;        // at approval (bill date → functional)
    std::optional<Money> functionalTotal; // what AP carries
    Money functionalPaid;
};

// A bank account as payments and receipts need it.
struct PaymentBankAccount
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString currency;
    QString ledgerNumber; // its ledger account's number
    bool active = true;
};

struct NewVendorPayment
{
    qint64 entityId = 0, vendorId = 0, bankAccountId = 0, createdBy = 0;
    QDate paymentDate;
    Money amount, functional;
    Decimal fxRate;
    QString reference;
};

struct NewPaymentAllocation
{
    qint64 billId = 0;
    Money amount, payableFunctional, cashFunctional;
    QString status; // the bill's status after it
};

// SQL for vendor payments, their allocations and the bills they pay, on the caller's connection.
class VendorPaymentStore
{
public:
    explicit VendorPaymentStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Each vendor's entity, each bank account, read once for a batch.
    QHash<qint64, qint64> vendorEntities(const QList<qint64> &vendorIds) const;
    QHash<qint64, PaymentBankAccount> bankAccounts(const QList<qint64> &ids) const;
    // The bills, locked in id order (two payments of overlapping bills cannot deadlock).
    QHash<qint64, PayableBill> lockBills(const QList<qint64> &ids) const;
    // Ids drawn ahead, so payments, allocations and postings of a batch are written set-based.
    QList<qint64> nextPaymentIds(int count) const;
    void insertPayments(const QList<qint64> &ids, const QList<NewVendorPayment> &payments) const;
    void insertAllocations(const QList<std::pair<qint64, NewPaymentAllocation>> &rows) const;
    // The bills' paid amounts and statuses as the batch left them; version + allocations.
    void updateBills(const QList<std::pair<PayableBill, int>> &bills) const;
    void setJournalEntries(const QList<qint64> &paymentIds, const QList<qint64> &entryIds) const;

    std::optional<QJsonObject> payment(qint64 id) const; // with allocations
    QString paymentEntity(qint64 id) const;              // the entity's code, "" when none
    QJsonArray payments(qint64 entityId, qint64 vendorId, qint64 after, int limit) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
