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
    return payAll(db, {in}, userId, nullptr, QString()).first();
}

QList<qint64> VendorPaymentService::payMany(QSqlDatabase db, const QList<VendorPaymentInput> &in,
                                            qint64 userId) const
{
    return payAll(db, in, userId, nullptr, QStringLiteral("payments"));
}

namespace {

// One payment as checked and computed, before anything is written.
struct Prepared
{
    NewVendorPayment payment;
    QList<NewPaymentAllocation> allocations;
    Money payable; // AP cleared, functional
    QString bankNumber;
};

} // namespace

QList<qint64> VendorPaymentService::payAll(QSqlDatabase db, const QList<VendorPaymentInput> &in,
                                           qint64 userId, const Request *request,
                                           const QString &prefix) const
{
    // The ledger posts on this thread's connection of the service's config; a payment written on
    // another connection would commit apart from its journal entry.
    if (db.connectionName() != db::connection(m_config).connectionName())
        throw std::logic_error(
            "VendorPaymentService: use the thread's db::connection() of its config");
    if (in.isEmpty())
        return {};
    const VendorPaymentStore store(db);
    QList<qint64> vendorIds, bankIds, billIds;
    QHash<qint64, std::optional<LedgerEntity>> entities;
    for (const VendorPaymentInput &p : in) {
        vendorIds.append(p.vendorId);
        bankIds.append(p.bankAccountId);
        for (const auto &a : p.allocations)
            billIds.append(a.billId);
        if (!entities.contains(p.entityId))
            entities.insert(p.entityId, m_ledger.store().entity(p.entityId));
    }
    const QHash<qint64, qint64> vendors = store.vendorEntities(vendorIds);
    const QHash<qint64, PaymentBankAccount> banks = store.bankAccounts(bankIds);

    db::Transaction tx(db);
    // The bills as the batch leaves them: a later payment of the batch sees what an earlier one
    // paid.
    QHash<qint64, PayableBill> bills = store.lockBills(billIds);
    const QHash<qint64, PayableBill> before = bills;
    QHash<qint64, int> paidTimes;
    QHash<QString, Decimal> rates; // "EUR GBP 2026-03-05"
    QList<Prepared> prepared;
    QList<FieldError> errors;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const VendorPaymentInput &p = in.at(i);
        const QString at =
            prefix.isEmpty() ? QString() : QStringLiteral("%1/%2/").arg(prefix).arg(i);
        const qsizetype errorsBefore = errors.size();
        const auto fail = [&](const QString &field, const char *code, const QString &message) {
            errors.append({at + field, QString::fromLatin1(code), message});
        };
        const std::optional<LedgerEntity> entity = entities.value(p.entityId);
        const auto bank = banks.constFind(p.bankAccountId);
        if (!entity)
            fail(QStringLiteral("legal_entity_id"), "unknown", QStringLiteral("no such entity"));
        else if (!p.amount.isValid() || !p.amount.isPositive())
            fail(QStringLiteral("amount"), "invalid_value", QStringLiteral("more than zero"));
        else if (!p.paymentDate.isValid())
            fail(QStringLiteral("payment_date"), "required", QStringLiteral("the payment date"));
        else if (p.reference.size() > 140)
            fail(QStringLiteral("reference"), "invalid_value",
                 QStringLiteral("at most 140 characters"));
        else if (vendors.value(p.vendorId) != p.entityId)
            fail(QStringLiteral("vendor_id"), "unknown",
                 QStringLiteral("no vendor of %1 has this id").arg(entity->code));
        else if (bank == banks.cend() || bank->entityId != p.entityId || !bank->active)
            fail(QStringLiteral("bank_account_id"), "unknown",
                 QStringLiteral("no active bank account of %1 has this id").arg(entity->code));
        else if (bank->currency != p.amount.currency().code())
            fail(QStringLiteral("amount"), "other_currency",
                 QStringLiteral("the bank account holds %1").arg(bank->currency));
        else if (p.allocations.isEmpty())
            fail(QStringLiteral("allocations"), "required", QStringLiteral("at least one bill"));
        if (errors.size() > errorsBefore)
            continue;

        QSet<qint64> seen;
        Money allocated = Money::zero(p.amount.currency());
        for (qsizetype j = 0; j < p.allocations.size(); ++j) {
            const auto &a = p.allocations.at(j);
            const QString field = QStringLiteral("allocations/%1/").arg(j);
            const auto it = bills.constFind(a.billId);
            if (it == bills.cend() || it->entityId != p.entityId) {
                fail(field + "bill_id", "unknown",
                     QStringLiteral("no bill of %1 has this id").arg(entity->code));
                continue;
            }
            if (seen.contains(a.billId))
                fail(field + "bill_id", "duplicate", QStringLiteral("each bill once per payment"));
            seen.insert(a.billId);
            const Money balance = *it->total.subtract(it->paid);
            if (it->vendorId != p.vendorId)
                fail(field + "bill_id", "other_vendor",
                     QStringLiteral("bill %1 is another vendor's").arg(it->vendorRef));
            else if (!(it->total.currency() == p.amount.currency()))
                fail(field + "bill_id", "other_currency",
                     QStringLiteral("bill %1 is in %2")
                         .arg(it->vendorRef, it->total.currency().code()));
            else if (it->status != QLatin1String("approved") &&
                     it->status != QLatin1String("partially_paid"))
                fail(field + "bill_id", "not_open",
                     QStringLiteral("bill %1 is %2").arg(it->vendorRef, it->status));
            else if (!a.amount.isValid() || !a.amount.isPositive() ||
                     !(a.amount.currency() == p.amount.currency()))
                fail(field + "amount", "invalid_value",
                     QStringLiteral("more than zero, in %1").arg(p.amount.currency().code()));
            else if (a.amount > balance)
                fail(
                    field + "amount", "exceeds_balance",
                    QStringLiteral("bill %1 has %2 left to pay").arg(it->vendorRef, show(balance)));
            else
                allocated = allocated.add(a.amount).valueOr(allocated);
        }
        if (errors.size() == errorsBefore && allocated != p.amount)
            fail(QStringLiteral("amount"), "not_allocated",
                 QStringLiteral("the allocations add up to %1").arg(show(allocated)));
        if (errors.size() > errorsBefore)
            continue;

        const Currency functional = Currency::fromCode(entity->functionalCurrency).value();
        const QString key = QStringLiteral("%1 %2 %3")
                                .arg(p.amount.currency().code(), functional.code(),
                                     p.paymentDate.toString(Qt::ISODate));
        if (!rates.contains(key))
            rates.insert(key, requireFxRate(db, p.amount.currency().code(), functional.code(),
                                            p.paymentDate, at + QStringLiteral("payment_date"))
                                  .rate);
        const Decimal rate = rates.value(key);
        const Money cash = *p.amount.convert(rate, functional);
        QList<qint64> weights;
        for (const auto &a : p.allocations)
            weights.append(a.amount.minorUnits());
        const QList<Money> cashParts = *cash.allocate(weights);
        Prepared out{{p.entityId, p.vendorId, p.bankAccountId, userId, p.paymentDate, p.amount,
                      cash, rate, p.reference},
                     {},
                     Money::zero(functional),
                     bank->ledgerNumber};
        for (qsizetype j = 0; j < p.allocations.size(); ++j) {
            const auto &a = p.allocations.at(j);
            PayableBill &bill = bills[a.billId];
            const Money pf = payableFunctional(db, bill, a.amount, functional);
            bill.paid = *bill.paid.add(a.amount);
            bill.functionalPaid = *bill.functionalPaid.add(pf);
            bill.status = VendorBillService::machine().next(
                bill.status, bill.paid == bill.total ? QStringLiteral("pay_in_full")
                                                     : QStringLiteral("pay_part"));
            ++paidTimes[a.billId];
            out.payable = *out.payable.add(pf);
            out.allocations.append({a.billId, a.amount, pf, cashParts.at(j), bill.status});
        }
        prepared.append(out);
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    const QList<qint64> ids = store.nextPaymentIds(int(prepared.size()));
    QList<NewVendorPayment> rows;
    QList<std::pair<qint64, NewPaymentAllocation>> allocationRows;
    QList<Posting> postings;
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        const Prepared &p = prepared.at(i);
        rows.append(p.payment);
        for (const NewPaymentAllocation &a : p.allocations)
            allocationRows.append({ids.at(i), a});
        postings.append(posting_rules::buildVendorPayment(
            m_ledger, {p.payment.entityId, ids.at(i), p.payment.vendorId, userId,
                       p.payment.paymentDate, p.bankNumber, p.payment.amount, p.payable,
                       p.payment.functional, p.payment.reference}));
    }
    store.insertPayments(ids, rows);
    store.insertAllocations(allocationRows);
    QList<std::pair<PayableBill, int>> touched;
    for (auto it = paidTimes.cbegin(); it != paidTimes.cend(); ++it)
        touched.append({bills.value(it.key()), it.value()});
    store.updateBills(touched);
    QList<qint64> entries;
    for (const PostingResult &r : m_ledger.postMany(postings))
        entries.append(r.entryId);
    store.setJournalEntries(ids, entries);

    // Audited together at the end (one statement for a batch): each payment, and each bill's
    // money fields and state before and after the batch.
    AuditBatch audit(db);
    const auto entry = [&](const QString &action, const QString &type, qint64 record) {
        return request ? AuditEntry::from(*request, action, type, QString::number(record))
                       : AuditEntry{userId, {}, {}, action, type, QString::number(record), {}, {}};
    };
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        const Prepared &p = prepared.at(i);
        QJsonArray allocations;
        for (const NewPaymentAllocation &a : p.allocations)
            allocations.append(QJsonObject{{"bill_id", idToJson(a.billId)},
                                           {"amount", moneyToJson(a.amount)},
                                           {"payable_functional", moneyToJson(a.payableFunctional)},
                                           {"cash_functional", moneyToJson(a.cashFunctional)}});
        AuditEntry e = entry(QStringLiteral("vendor_payment.create"),
                             QStringLiteral("vendor_payment"), ids.at(i));
        e.after = {{"legal_entity_id", idToJson(p.payment.entityId)},
                   {"vendor_id", idToJson(p.payment.vendorId)},
                   {"bank_account_id", idToJson(p.payment.bankAccountId)},
                   {"payment_date", dateToJson(p.payment.paymentDate)},
                   {"amount", moneyToJson(p.payment.amount)},
                   {"fx_rate", p.payment.fxRate.toString()},
                   {"functional_amount", moneyToJson(p.payment.functional)},
                   {"reference", p.payment.reference},
                   {"journal_entry_id", idToJson(entries.at(i))},
                   {"allocations", allocations}};
        appendAudit(db, e);
    }
    const auto state = [](const PayableBill &b) {
        return QJsonObject{{"status", b.status},
                           {"amount_paid", moneyToJson(b.paid)},
                           {"functional_paid", moneyToJson(b.functionalPaid)}};
    };
    for (const auto &[bill, times] : touched) {
        AuditEntry b =
            entry(QStringLiteral("vendor_bill.pay"), QStringLiteral("vendor_bill"), bill.id);
        b.before = state(before.value(bill.id));
        b.after = state(bill);
        appendAudit(db, b);
    }
    audit.flush();
    tx.commit();
    return ids;
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
    const qint64 id = payAll(db, {p}, request.caller().user.id, &request, QString()).first();
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
