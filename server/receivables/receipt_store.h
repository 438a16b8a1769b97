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

struct ReceiptBankAccount
{
    qint64 id = 0, entityId = 0;
    QString currency;
    bool active = false;
    QString ledgerNumber; // the ledger account it posts to
};

// A receipt as allocation needs it, with what its allocations have used so far.
struct CustomerReceiptRow
{
    qint64 id = 0, entityId = 0, accountId = 0;
    QString entityCode, functionalCurrency;
    QDate date;
    Money amount, allocated;
    Money functional, cashAllocated; // functional currency
    Decimal rate;                    // receipt currency → functional
    QString reference;
};

// An invoice as allocation needs it (locked), in its currency and in the entity's functional
// currency at the invoice's rate. Paid includes what credit notes took off (billing adds them
// to amount_paid / functional_paid).
struct InvoiceBalance
{
    qint64 id = 0, entityId = 0, accountId = 0;
    QString kind, status, number;
    Money total, paid;
    Money functionalTotal, functionalPaid;
    Decimal rate;
    Money balance() const;
    Money functionalBalance() const;
};

struct NewReceipt
{
    qint64 entityId = 0, accountId = 0, bankAccountId = 0, createdBy = 0;
    QDate date;
    Money amount, functional;
    Decimal rate;
    QString reference;
};

struct NewAllocation
{
    qint64 receiptId = 0, invoiceId = 0, createdBy = 0;
    Money amount, receivableFunctional, cashFunctional;
    QDate on;
};

struct InvoicePaid
{
    qint64 id = 0;
    Money paid, functionalPaid;
    QString status;
    QDate paidOn; // invalid unless paid
};

// SQL for receipts and their allocations (server/receivables/README.md).
class ReceiptStore
{
public:
    explicit ReceiptStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    QHash<qint64, ReceiptBankAccount> bankAccounts(const QList<qint64> &ids) const;
    QHash<qint64, QString> clients(const QList<qint64> &ids) const; // id → name
    // The rate on or before each date (6 places, as fx_rates.h), in input order.
    QList<std::optional<Decimal>> rates(const QList<std::pair<QString, QString>> &pairs,
                                        const QList<QDate> &dates) const;
    QList<qint64> insertReceipts(const QList<NewReceipt> &receipts) const; // ids in input order
    void setReceiptEntries(const QList<qint64> &ids, const QList<qint64> &entries) const;
    std::optional<CustomerReceiptRow> receipt(qint64 id, bool lock) const;
    QHash<qint64, InvoiceBalance> lockInvoices(const QList<qint64> &ids) const;
    QList<qint64> insertAllocations(const QList<NewAllocation> &rows) const; // input order
    void setAllocationEntries(const QList<qint64> &ids, const QList<qint64> &entries) const;
    void updateInvoices(const QList<InvoicePaid> &rows) const;
    void addAllocated(const QList<qint64> &receipts, const QList<Money> &amounts) const;

    QJsonArray receiptsJson(const QList<qint64> &ids) const;
    QJsonArray receiptList(qint64 entityId, std::optional<qint64> accountId, bool unappliedOnly,
                           qint64 after, int limit) const;

private:
    QJsonArray receiptsWhere(const QString &where, const QVariantList &binds) const;
    DbConfig m_config;
};

} // namespace keel
