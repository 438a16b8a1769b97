#pragma once

#include "ledger/ledger_service.h"
#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

namespace keel {

struct Request;

struct VendorPaymentAllocationInput
{
    qint64 billId = 0;
    Money amount; // the bill's currency
};

struct VendorPaymentInput
{
    qint64 entityId = 0, vendorId = 0, bankAccountId = 0;
    QDate paymentDate;
    Money amount; // the bank account's currency; the allocations add up to it
    QString reference;
    QList<VendorPaymentAllocationInput> allocations;
};

// Payments to vendors, allocated to their approved bills of the payment's currency. Each posts
// posting_rules::vendorPayment: AP cleared at what the bills carried, the bank at the payment
// date's rate, the difference realised FX. Bills go to partially_paid, then paid.
class VendorPaymentService
{
public:
    explicit VendorPaymentService(DbConfig config) : m_config(config), m_ledger(config) {}

    // The payment, inside the caller's transaction on `db`, which must be db::connection() of
    // the DbConfig this service was made with (the ledger posts on that connection). Throws
    // ApiError: 422 with fields named as in the POST body, 423 in a hard-closed period.
    qint64 pay(QSqlDatabase db, const VendorPaymentInput &in, qint64 userId) const;
    // Many payments at once, set-based (one statement per table, postings through
    // LedgerService::postMany); ids in input order. A later payment of the batch may pay what an
    // earlier one left of a bill. Field errors are named payments/<i>/…; any makes the whole
    // batch fail.
    QList<qint64> payMany(QSqlDatabase db, const QList<VendorPaymentInput> &in,
                          qint64 userId) const;

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request) const;
    // The payment as the API shows it (with allocations); std::nullopt when there is none.
    std::optional<QJsonObject> paymentJson(QSqlDatabase db, qint64 id) const;

private:
    QList<qint64> payAll(QSqlDatabase db, const QList<VendorPaymentInput> &in, qint64 userId,
                         const Request *request, const QString &prefix) const;

    DbConfig m_config;
    LedgerService m_ledger;
};

} // namespace keel
