#include "vendor_payment_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/ledger_access.h"
#include "ledger/posting_rules.h"
#include "permissions.h"
#include "timeexpense/vendor_bill_service.h"
#include "vendor_payment_store.h"
#include "workflow/state_machine.h"

#include <QSet>

#include <stdexcept>

namespace keel {

namespace {

[[noreturn]] void invalid(const QString &field, const char *code, const QString &message)
{
    throw ApiError::invalidField(field, code, message);
}

QString show(const Money &m)
{
    return m.toString() + u' ' + m.currency().code();
}

// What AP carries for `amount` of the bill: the rest of its functional total when the payment
// clears it, so a bill paid in parts clears exactly what its approval booked.
Money payableFunctional(QSqlDatabase db, const PayableBill &bill, const Money &amount,
                        const Currency &functional)
{
    const Money balance = *bill.total.subtract(bill.paid);
    const Money carried = bill.functionalTotal ? *bill.functionalTotal
                                               : convertOn(db, bill.total, functional.code(),
                                                           bill.billDate, QStringLiteral("bill"));
    if (amount == balance)
        return *carried.subtract(bill.functionalPaid);
    const Decimal rate = bill.fxRate
                             ? *bill.fxRate
                             : requireFxRate(db, bill.total.currency().code(), functional.code(),
                                             bill.billDate, QStringLiteral("bill"))
                                   .rate;
    return amount.convert(rate, functional).valueOr(Money::zero(functional));
}

} // namespace

qint64 VendorPaymentService::pay(QSqlDatabase db, const VendorPaymentInput &in, qint64 userId) const
{
    return payAs(db, in, userId, nullptr);
}

qint64 VendorPaymentService::payAs(QSqlDatabase db, const VendorPaymentInput &in, qint64 userId,
                                   const Request *request) const
{
    // The ledger posts on this thread's connection of the service's config; a payment written on
    // another connection would commit apart from its journal entry.
    if (db.connectionName() != db::connection(m_config).connectionName())
        throw std::logic_error(
            "VendorPaymentService: use the thread's db::connection() of its config");
    const VendorPaymentStore store(db);
    const auto entity = m_ledger.store().entity(in.entityId);
    if (!entity)
        invalid(QStringLiteral("legal_entity_id"), "unknown", QStringLiteral("no such entity"));
    const Currency functional = Currency::fromCode(entity->functionalCurrency).value();
    if (!in.amount.isValid() || !in.amount.isPositive())
        invalid(QStringLiteral("amount"), "invalid_value", QStringLiteral("more than zero"));
    if (!in.paymentDate.isValid())
        invalid(QStringLiteral("payment_date"), "required", QStringLiteral("the payment date"));
    if (in.reference.size() > 140)
        invalid(QStringLiteral("reference"), "invalid_value",
                QStringLiteral("at most 140 characters"));
    if (store.vendorEntity(in.vendorId) != in.entityId)
        invalid(QStringLiteral("vendor_id"), "unknown",
                QStringLiteral("no vendor of %1 has this id").arg(entity->code));
    const auto bank = store.bankAccount(in.bankAccountId);
    if (!bank || bank->entityId != in.entityId || !bank->active)
        invalid(QStringLiteral("bank_account_id"), "unknown",
                QStringLiteral("no active bank account of %1 has this id").arg(entity->code));
    if (bank->currency != in.amount.currency().code())
        invalid(QStringLiteral("amount"), "other_currency",
                QStringLiteral("the bank account holds %1").arg(bank->currency));
    if (in.allocations.isEmpty())
        invalid(QStringLiteral("allocations"), "required", QStringLiteral("at least one bill"));

    db::Transaction tx(db);
    QList<qint64> ids;
    for (const auto &a : in.allocations)
        ids.append(a.billId);
    const QHash<qint64, PayableBill> bills = store.lockBills(ids);
    QList<FieldError> errors;
    QSet<qint64> seen;
    Money allocated = Money::zero(in.amount.currency());
    for (qsizetype i = 0; i < in.allocations.size(); ++i) {
        const auto &a = in.allocations.at(i);
        const QString field = QStringLiteral("allocations/%1/").arg(i);
        const auto add = [&](const char *name, const char *code, const QString &message) {
            errors.append({field + QLatin1String(name), QString::fromLatin1(code), message});
        };
        const auto it = bills.constFind(a.billId);
        if (it == bills.cend() || it->entityId != in.entityId) {
            add("bill_id", "unknown",
                QStringLiteral("no bill of %1 has this id").arg(entity->code));
            continue;
        }
        if (seen.contains(a.billId))
            add("bill_id", "duplicate", QStringLiteral("each bill once per payment"));
        seen.insert(a.billId);
        if (it->vendorId != in.vendorId)
            add("bill_id", "other_vendor",
                QStringLiteral("bill %1 is another vendor's").arg(it->vendorRef));
        else if (!(it->total.currency() == in.amount.currency()))
            add("bill_id", "other_currency",
                QStringLiteral("bill %1 is in %2").arg(it->vendorRef, it->total.currency().code()));
        else if (it->status != QLatin1String("approved") &&
                 it->status != QLatin1String("partially_paid"))
            add("bill_id", "not_open",
                QStringLiteral("bill %1 is %2").arg(it->vendorRef, it->status));
        else if (!a.amount.isValid() || !a.amount.isPositive() ||
                 !(a.amount.currency() == in.amount.currency()))
            add("amount", "invalid_value",
                QStringLiteral("more than zero, in %1").arg(in.amount.currency().code()));
        else if (a.amount > *it->total.subtract(it->paid))
            add("amount", "exceeds_balance",
                QStringLiteral("bill %1 has %2 left to pay")
                    .arg(it->vendorRef, show(*it->total.subtract(it->paid))));
        else
            allocated = allocated.add(a.amount).valueOr(allocated);
    }
    if (errors.isEmpty() && allocated != in.amount)
        errors.append({QStringLiteral("amount"), QStringLiteral("not_allocated"),
                       QStringLiteral("the allocations add up to %1").arg(show(allocated))});
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    FxRate rate;
    const Money cash = convertOn(db, in.amount, functional.code(), in.paymentDate,
                                 QStringLiteral("payment_date"), &rate);
    QList<qint64> weights;
    for (const auto &a : in.allocations)
        weights.append(a.amount.minorUnits());
    const QList<Money> cashParts = *cash.allocate(weights);
    QList<NewPaymentAllocation> rows;
    Money payable = Money::zero(functional);
    for (qsizetype i = 0; i < in.allocations.size(); ++i) {
        const auto &a = in.allocations.at(i);
        const PayableBill &bill = bills.value(a.billId);
        const Money pf = payableFunctional(db, bill, a.amount, functional);
        payable = *payable.add(pf);
        const bool full = bill.paid.add(a.amount).valueOr(bill.paid) == bill.total;
        rows.append(
            {a.billId, a.amount, pf, cashParts.at(i),
             VendorBillService::machine().next(bill.status, full ? QStringLiteral("pay_in_full")
                                                                 : QStringLiteral("pay_part"))});
    }
    const qint64 id =
        store.insertPayment({in.entityId, in.vendorId, in.bankAccountId, userId, in.paymentDate,
                             in.amount, cash, rate.rate, in.reference});
    store.allocate(id, rows);
    const PostingResult posted = posting_rules::vendorPayment(
        m_ledger, {in.entityId, id, in.vendorId, userId, in.paymentDate, bank->ledgerNumber,
                   in.amount, payable, cash, in.reference});
    store.setJournalEntry(id, posted.entryId);

    const auto entry = [&](const QString &action, const QString &type, qint64 record) {
        return request ? AuditEntry::from(*request, action, type, QString::number(record))
                       : AuditEntry{userId, {}, {}, action, type, QString::number(record), {}, {}};
    };
    AuditEntry e =
        entry(QStringLiteral("vendor_payment.create"), QStringLiteral("vendor_payment"), id);
    e.after = *store.payment(id);
    appendAudit(db, e);
    // Each bill's money fields and state, before and after.
    for (const NewPaymentAllocation &a : rows) {
        const PayableBill &bill = bills.value(a.billId);
        AuditEntry b =
            entry(QStringLiteral("vendor_bill.pay"), QStringLiteral("vendor_bill"), a.billId);
        b.before = {{"status", bill.status},
                    {"amount_paid", moneyToJson(bill.paid)},
                    {"functional_paid", moneyToJson(bill.functionalPaid)}};
        b.after = {{"status", a.status},
                   {"amount_paid", moneyToJson(*bill.paid.add(a.amount))},
                   {"functional_paid", moneyToJson(*bill.functionalPaid.add(a.payableFunctional))},
                   {"payment_id", idToJson(id)}};
        appendAudit(db, b);
    }
    tx.commit();
    return id;
}

QJsonObject VendorPaymentService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    VendorPaymentInput p;
    p.entityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    p.vendorId = in.requiredInt64(QStringLiteral("vendor_id"));
    p.bankAccountId = in.requiredInt64(QStringLiteral("bank_account_id"));
    p.paymentDate = in.requiredDate(QStringLiteral("payment_date"));
    p.amount = in.requiredMoney(QStringLiteral("amount"));
    p.reference = in.optionalString(QStringLiteral("reference")).value_or(QString()).trimmed();
    const QJsonArray allocations = in.requiredArray(QStringLiteral("allocations"));
    for (qsizetype i = 0; i < allocations.size(); ++i) {
        JsonReader a =
            in.child(QStringLiteral("allocations/%1").arg(i), allocations.at(i).toObject());
        p.allocations.append({a.requiredInt64(QStringLiteral("bill_id")),
                              a.requiredMoney(QStringLiteral("amount"))});
        in.addErrors(a.errors());
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    ledger_access::visibleEntity(m_ledger.store(), request, p.entityId, Permission::CashManage);
    const QSqlDatabase db = db::connection(m_config);
    db::Transaction tx(db);
    const qint64 id = payAs(db, p, request.caller().user.id, &request);
    const QJsonObject out = *paymentJson(db, id);
    tx.commit();
    return out;
}

std::optional<QJsonObject> VendorPaymentService::paymentJson(QSqlDatabase db, qint64 id) const
{
    return VendorPaymentStore(db).payment(id);
}

QJsonObject VendorPaymentService::get(const Request &request, qint64 id) const
{
    const VendorPaymentStore store(db::connection(m_config));
    const auto payment = store.payment(id);
    if (!payment || !ledger_access::covers(
                        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)),
                        payment->value("legal_entity").toString()))
        throw ApiError::notFound(QStringLiteral("There is no vendor payment %1.").arg(id));
    return *payment;
}

QJsonObject VendorPaymentService::list(const Request &request) const
{
    bool ok = false;
    const qint64 entityId =
        request.query.queryItemValue(QStringLiteral("legal_entity_id")).toLongLong(&ok);
    if (!ok)
        throw ApiError::malformed(QStringLiteral("legal_entity_id is an entity's id."));
    ledger_access::visibleEntity(m_ledger.store(), request, entityId, Permission::FinanceUse);
    const QString v = request.query.queryItemValue(QStringLiteral("vendor_id"));
    const qint64 vendorId = v.isEmpty() ? 0 : v.toLongLong(&ok);
    if (!ok || vendorId < 0)
        throw ApiError::malformed(QStringLiteral("vendor_id is a vendor's id."));
    const PageRequest page = PageRequest::from(request);
    return page.page(VendorPaymentStore(db::connection(m_config))
                         .payments(entityId, vendorId, page.after, page.limit));
}

} // namespace keel
