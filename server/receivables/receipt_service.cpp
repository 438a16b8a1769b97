#include "receipt_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/posting_rules.h"
#include "permissions.h"
#include "receivables_values.h"
#include "workflow/state_machine.h"

#include <QSet>

namespace keel {

using namespace receivables;

namespace {

// The invoice's state after a payment. The invoice machine is billing's (registered by
// InvoiceService); a loader that runs without the server's registry gets the same payment
// transitions from this copy.
QString paidState(const QString &from, bool settled)
{
    const QString action = settled ? QStringLiteral("pay") : QStringLiteral("pay_part");
    if (const auto m = StateMachineRegistry::get(QStringLiteral("invoice")))
        return m->next(from, action);
    static const StateMachine payments{QStringLiteral("invoice"),
                                       {"issued", "partially_paid", "paid"},
                                       QStringLiteral("issued"),
                                       {{"issued", "pay_part", "partially_paid"},
                                        {"issued", "pay", "paid"},
                                        {"partially_paid", "pay_part", "partially_paid"},
                                        {"partially_paid", "pay", "paid"}}};
    return payments.next(from, action);
}

AuditEntry auditEntry(const Request *request, qint64 userId, const QString &action, qint64 id)
{
    if (request)
        return AuditEntry::from(*request, action, QStringLiteral("customer_receipt"),
                                QString::number(id));
    AuditEntry e;
    e.actorId = userId;
    e.action = action;
    e.recordType = QStringLiteral("customer_receipt");
    e.recordId = QString::number(id);
    return e;
}

QString at(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'/' + name;
}

QList<AllocationInput> readAllocations(JsonReader &in, const QJsonArray &array)
{
    QList<AllocationInput> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader a = in.child(QStringLiteral("allocations/%1").arg(i), array.at(i).toObject());
        AllocationInput x;
        x.invoiceId = a.requiredInt64(QStringLiteral("invoice_id"));
        x.amount = a.requiredMoney(QStringLiteral("amount"));
        in.addErrors(a.errors());
        out.append(x);
    }
    return out;
}

} // namespace

void ReceiptService::requireOwnConnection(QSqlDatabase db) const
{
    // The ledger posts on this thread's connection of the service's config; a receipt written
    // on another connection would commit apart from its journal entry.
    if (db.connectionName() != m_store.db().connectionName())
        throw std::logic_error("ReceiptService: use the thread's db::connection() of its config");
}

qint64 ReceiptService::record(QSqlDatabase db, const ReceiptInput &in, qint64 userId) const
{
    return recordAll(db, {in}, userId, nullptr, QString()).first();
}

QList<qint64> ReceiptService::recordMany(QSqlDatabase db, const QList<ReceiptInput> &in,
                                         qint64 userId) const
{
    return recordAll(db, in, userId, nullptr, QStringLiteral("receipts"));
}

QList<qint64> ReceiptService::recordAll(QSqlDatabase db, const QList<ReceiptInput> &in,
                                        qint64 userId, const Request *request,
                                        const QString &prefix) const
{
    requireOwnConnection(db);
    if (in.isEmpty())
        return {};
    QList<qint64> bankIds, clientIds;
    QHash<qint64, std::optional<EntityRef>> entities;
    for (const ReceiptInput &r : in) {
        bankIds.append(r.bankAccountId);
        clientIds.append(r.accountId);
        if (!entities.contains(r.legalEntityId))
            entities.insert(r.legalEntityId, entityOf(db, r.legalEntityId));
    }
    const auto banks = m_store.bankAccounts(bankIds);
    const auto clients = m_store.clients(clientIds);

    QList<FieldError> errors;
    const auto fail = [&](const QString &field, const char *code, const QString &message) {
        errors.append(FieldError{field, QString::fromLatin1(code), message});
    };
    QList<std::pair<QString, QString>> ratePairs;
    QList<QDate> rateDates;
    QList<qsizetype> rateOf(in.size(), -1);
    for (qsizetype i = 0; i < in.size(); ++i) {
        const ReceiptInput &r = in.at(i);
        const QString p = prefix.isEmpty() ? QString() : QStringLiteral("%1/%2").arg(prefix).arg(i);
        const auto &entity = entities.value(r.legalEntityId);
        if (!entity) {
            fail(at(p, "legal_entity_id"), "unknown", QStringLiteral("no such legal entity"));
            continue;
        }
        if (!clients.contains(r.accountId))
            fail(at(p, "account_id"), "unknown", QStringLiteral("no such client"));
        const auto bank = banks.constFind(r.bankAccountId);
        if (bank == banks.constEnd() || bank->entityId != entity->id)
            fail(at(p, "bank_account_id"), "unknown",
                 QStringLiteral("no bank account of %1 has this id").arg(entity->code));
        else if (!bank->active)
            fail(at(p, "bank_account_id"), "inactive", QStringLiteral("the account is closed"));
        else if (r.amount.isValid() && r.amount.currency().code() != bank->currency)
            fail(at(p, "amount"), "other_currency",
                 QStringLiteral("the bank account is in %1").arg(bank->currency));
        if (!r.amount.isValid() || !r.amount.isPositive())
            fail(at(p, "amount"), "invalid_value", QStringLiteral("more than zero"));
        if (!r.receiptDate.isValid())
            fail(at(p, "receipt_date"), "required", QStringLiteral("the date received"));
        if (r.reference.size() > 140)
            fail(at(p, "reference"), "invalid_value", QStringLiteral("at most 140 characters"));
        if (r.amount.isValid() && r.receiptDate.isValid() &&
            r.amount.currency().code() != entity->functionalCurrency) {
            rateOf[i] = ratePairs.size();
            ratePairs.append({r.amount.currency().code(), entity->functionalCurrency});
            rateDates.append(r.receiptDate);
        }
    }
    const auto rates =
        ratePairs.isEmpty() ? QList<std::optional<Decimal>>{} : m_store.rates(ratePairs, rateDates);
    QList<NewReceipt> rows;
    for (qsizetype i = 0; i < in.size() && errors.isEmpty(); ++i) {
        const ReceiptInput &r = in.at(i);
        const QString p = prefix.isEmpty() ? QString() : QStringLiteral("%1/%2").arg(prefix).arg(i);
        const EntityRef entity = *entities.value(r.legalEntityId);
        const Decimal rate =
            rateOf[i] < 0 ? Decimal::fromInt(1) : rates.at(rateOf[i]).value_or(Decimal());
        if (rate.isZero()) {
            fail(at(p, "receipt_date"), "no_fx_rate",
                 QStringLiteral("no %1→%2 exchange rate on or before %3")
                     .arg(r.amount.currency().code(), entity.functionalCurrency,
                          r.receiptDate.toString(Qt::ISODate)));
            continue;
        }
        const auto functional =
            r.amount.convert(rate, Currency::fromCode(entity.functionalCurrency).value());
        if (!functional) {
            fail(at(p, "amount"), "out_of_range", QStringLiteral("too large"));
            continue;
        }
        rows.append({entity.id, r.accountId, r.bankAccountId, userId, r.receiptDate, r.amount,
                     *functional, rate, r.reference});
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    db::Transaction tx(db);
    AuditBatch audit(db);
    const QList<qint64> ids = m_store.insertReceipts(rows);
    QList<Posting> postings;
    postings.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const ReceiptInput &r = in.at(i);
        postings.append(posting_rules::buildCustomerReceipt(
            m_ledger,
            {r.legalEntityId, ids.at(i), r.accountId, userId, r.receiptDate, r.amount, Money(),
             r.reference, banks.value(r.bankAccountId).ledgerNumber, rows.at(i).functional}));
    }
    QList<qint64> entries;
    for (const PostingResult &res : m_ledger.postMany(postings))
        entries.append(res.entryId);
    m_store.setReceiptEntries(ids, entries);

    QList<Pending> pending;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const ReceiptInput &r = in.at(i);
        if (r.allocations.isEmpty())
            continue;
        const EntityRef entity = *entities.value(r.legalEntityId);
        CustomerReceiptRow row;
        row.id = ids.at(i);
        row.entityId = entity.id;
        row.accountId = r.accountId;
        row.entityCode = entity.code;
        row.functionalCurrency = entity.functionalCurrency;
        row.date = r.receiptDate;
        row.amount = r.amount;
        row.allocated = Money::zero(r.amount.currency());
        row.functional = rows.at(i).functional;
        row.cashAllocated = Money::zero(row.functional.currency());
        row.rate = rows.at(i).rate;
        row.reference = r.reference;
        const QString p = prefix.isEmpty() ? QString() : QStringLiteral("%1/%2").arg(prefix).arg(i);
        pending.append({row, r.allocations, r.receiptDate, at(p, "allocations")});
    }
    if (!pending.isEmpty())
        applyAll(pending, userId);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const ReceiptInput &r = in.at(i);
        AuditEntry e =
            auditEntry(request, userId, QStringLiteral("customer_receipt.create"), ids.at(i));
        QJsonArray allocations;
        for (const AllocationInput &a : r.allocations)
            allocations.append(QJsonObject{{"invoice_id", idToJson(a.invoiceId)},
                                           {"amount", moneyToJson(a.amount)}});
        e.after = QJsonObject{{"account_id", idToJson(r.accountId)},
                              {"bank_account_id", idToJson(r.bankAccountId)},
                              {"receipt_date", dateToJson(r.receiptDate)},
                              {"amount", moneyToJson(r.amount)},
                              {"functional_amount", moneyToJson(rows.at(i).functional)},
                              {"journal_entry_id", idToJson(entries.at(i))},
                              {"allocations", allocations}};
        appendAudit(db, e);
    }
    audit.flush();
    tx.commit();
    return ids;
}

void ReceiptService::applyAll(QList<Pending> &pending, qint64 userId) const
{
    QList<qint64> invoiceIds;
    for (const Pending &p : pending)
        for (const AllocationInput &a : p.allocations)
            invoiceIds.append(a.invoiceId);
    QHash<qint64, InvoiceBalance> invoices = m_store.lockInvoices(invoiceIds);
    QHash<qint64, QString> statusBefore;
    for (const InvoiceBalance &b : std::as_const(invoices))
        statusBefore.insert(b.id, b.status);

    QList<FieldError> errors;
    const auto fail = [&](const QString &field, const char *code, const QString &message) {
        errors.append(FieldError{field, QString::fromLatin1(code), message});
    };
    QList<NewAllocation> rows;
    QList<qint64> clientOf;
    QList<QString> referenceOf;
    QList<qint64> entityOf_;
    QHash<qint64, QDate> paidOn;
    for (Pending &p : pending) {
        CustomerReceiptRow &r = p.receipt;
        const Currency fc = Currency::fromCode(r.functionalCurrency).value();
        for (qsizetype j = 0; j < p.allocations.size(); ++j) {
            const AllocationInput &a = p.allocations.at(j);
            const QString f = QStringLiteral("%1/%2/").arg(p.field).arg(j);
            const auto it = invoices.find(a.invoiceId);
            if (it == invoices.end() || it->entityId != r.entityId) {
                fail(f + "invoice_id", "unknown",
                     QStringLiteral("no invoice of %1 has this id").arg(r.entityCode));
                continue;
            }
            InvoiceBalance &inv = *it;
            if (inv.kind != QLatin1String("invoice") ||
                (inv.status != QLatin1String("issued") &&
                 inv.status != QLatin1String("partially_paid"))) {
                fail(f + "invoice_id", "not_open",
                     QStringLiteral("invoice %1 is %2").arg(inv.number, inv.status));
                continue;
            }
            if (inv.accountId != r.accountId) {
                fail(f + "invoice_id", "other_client",
                     QStringLiteral("invoice %1 is another client's").arg(inv.number));
                continue;
            }
            if (!(inv.total.currency() == r.amount.currency())) {
                fail(f + "invoice_id", "other_currency",
                     QStringLiteral("invoice %1 is in %2")
                         .arg(inv.number, inv.total.currency().code()));
                continue;
            }
            if (!a.amount.isValid() || !(a.amount.currency() == r.amount.currency()) ||
                !a.amount.isPositive()) {
                fail(f + "amount", "invalid_value",
                     QStringLiteral("more than zero, in %1").arg(r.amount.currency().code()));
                continue;
            }
            const Money balance = inv.balance();
            if (a.amount > balance) {
                fail(f + "amount", "exceeds_balance",
                     QStringLiteral("invoice %1 has %2 open").arg(inv.number, showMoney(balance)));
                continue;
            }
            const Money unapplied = r.amount.subtract(r.allocated).valueOr(r.amount);
            if (a.amount > unapplied) {
                fail(f + "amount", "exceeds_unapplied",
                     QStringLiteral("%1 of the receipt is left to allocate")
                         .arg(showMoney(unapplied)));
                continue;
            }
            // The last part of an invoice clears exactly what it still carries, the last part of
            // a receipt exactly what its cash still holds, so no cent is left behind on AR.
            const Money fBalance = inv.functionalBalance();
            Money rf = a.amount == balance
                           ? fBalance
                           : a.amount.convert(inv.rate, fc).valueOr(Money::zero(fc));
            if (rf > fBalance)
                rf = fBalance;
            const Money cf = a.amount == unapplied
                                 ? r.functional.subtract(r.cashAllocated).valueOr(Money::zero(fc))
                                 : a.amount.convert(r.rate, fc).valueOr(Money::zero(fc));
            inv.paid = inv.paid.add(a.amount).valueOr(inv.paid);
            inv.functionalPaid = inv.functionalPaid.add(rf).valueOr(inv.functionalPaid);
            const bool settled = inv.balance().isZero();
            inv.status = paidState(inv.status, settled);
            if (settled)
                paidOn.insert(inv.id, p.on);
            r.allocated = r.allocated.add(a.amount).valueOr(r.allocated);
            r.cashAllocated = r.cashAllocated.add(cf).valueOr(r.cashAllocated);
            rows.append({r.id, inv.id, userId, a.amount, rf, cf, p.on});
            clientOf.append(r.accountId);
            referenceOf.append(r.reference);
            entityOf_.append(r.entityId);
        }
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
    if (rows.isEmpty())
        return;

    const QList<qint64> ids = m_store.insertAllocations(rows);
    QList<InvoicePaid> paid;
    QSet<qint64> touched;
    for (const NewAllocation &a : rows) {
        if (touched.contains(a.invoiceId))
            continue;
        touched.insert(a.invoiceId);
        const InvoiceBalance &inv = invoices[a.invoiceId];
        paid.append({inv.id, inv.paid, inv.functionalPaid, inv.status, paidOn.value(inv.id)});
    }
    m_store.updateInvoices(paid);
    QList<qint64> receiptIds;
    QList<Money> allocated;
    for (const Pending &p : pending) {
        Money sum = Money::zero(p.receipt.amount.currency());
        for (const AllocationInput &a : p.allocations)
            sum = sum.add(a.amount).valueOr(sum);
        receiptIds.append(p.receipt.id);
        allocated.append(sum);
    }
    m_store.addAllocated(receiptIds, allocated);

    QList<Posting> postings;
    QList<qint64> posted;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const NewAllocation &a = rows.at(i);
        const auto p = posting_rules::buildReceiptAllocated(
            {entityOf_.at(i), ids.at(i), clientOf.at(i), userId, a.on, a.receivableFunctional,
             a.cashFunctional, referenceOf.at(i)});
        if (p) {
            postings.append(*p);
            posted.append(ids.at(i));
        }
    }
    if (postings.isEmpty())
        return;
    QList<qint64> entries;
    for (const PostingResult &res : m_ledger.postMany(postings))
        entries.append(res.entryId);
    m_store.setAllocationEntries(posted, entries);
}

void ReceiptService::allocate(QSqlDatabase db, qint64 receiptId,
                              const QList<AllocationInput> &allocations, QDate on,
                              qint64 userId) const
{
    requireOwnConnection(db);
    db::Transaction tx(db);
    const auto receipt = m_store.receipt(receiptId, true);
    if (!receipt)
        throw ApiError::notFound(QStringLiteral("There is no receipt %1.").arg(receiptId));
    if (on < receipt->date)
        throw ApiError::invalidField(QStringLiteral("date"), "before_receipt",
                                     QStringLiteral("not before the receipt date"));
    QList<Pending> pending{{*receipt, allocations, on, QStringLiteral("allocations")}};
    applyAll(pending, userId);
    AuditEntry e =
        auditEntry(nullptr, userId, QStringLiteral("customer_receipt.allocate"), receiptId);
    e.after = m_store.receiptsJson({receiptId}).first().toObject();
    appendAudit(db, e);
    tx.commit();
}

QJsonObject ReceiptService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    ReceiptInput r;
    r.legalEntityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    r.accountId = in.requiredInt64(QStringLiteral("account_id"));
    r.bankAccountId = in.requiredInt64(QStringLiteral("bank_account_id"));
    r.receiptDate = in.requiredDate(QStringLiteral("receipt_date"));
    r.amount = in.requiredMoney(QStringLiteral("amount"));
    r.reference = in.optionalString(QStringLiteral("reference")).value_or(QString()).trimmed();
    const auto allocations = in.optionalArray(QStringLiteral("allocations"));
    if (allocations)
        r.allocations = readAllocations(in, *allocations);
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    visibleEntity(m_store.db(), request, r.legalEntityId, Permission::CashManage);
    const qint64 id =
        recordAll(m_store.db(), {r}, request.caller().user.id, &request, QString()).first();
    return m_store.receiptsJson({id}).first().toObject();
}

QJsonObject ReceiptService::allocate(const Request &request, qint64 id,
                                     const QJsonObject &body) const
{
    JsonReader in(body);
    const QJsonArray array = in.requiredArray(QStringLiteral("allocations"));
    const auto date = in.optionalDate(QStringLiteral("date"));
    const QList<AllocationInput> allocations = readAllocations(in, array);
    if (in.ok() && allocations.isEmpty())
        in.addError(QStringLiteral("allocations"), "required", QStringLiteral("at least one"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const auto receipt = m_store.receipt(id, true);
    if (!receipt ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::CashManage)),
                receipt->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no receipt %1.").arg(id));
    const QDate on = date.value_or(std::max(receipt->date, QDate::currentDate()));
    if (on < receipt->date)
        throw ApiError::invalidField(QStringLiteral("date"), "before_receipt",
                                     QStringLiteral("not before the receipt date"));
    const QJsonObject before = m_store.receiptsJson({id}).first().toObject();
    QList<Pending> pending{{*receipt, allocations, on, QStringLiteral("allocations")}};
    applyAll(pending, request.caller().user.id);
    const QJsonObject after = m_store.receiptsJson({id}).first().toObject();
    AuditEntry e = auditEntry(&request, 0, QStringLiteral("customer_receipt.allocate"), id);
    e.before = before;
    e.after = after;
    appendAudit(m_store.db(), e);
    tx.commit();
    return after;
}

QJsonObject ReceiptService::list(const Request &request) const
{
    const EntityRef entity =
        visibleEntity(m_store.db(), request, queryEntity(request), Permission::FinanceUse);
    const PageRequest page = PageRequest::from(request);
    const QString unapplied = request.query.queryItemValue(QStringLiteral("unapplied"));
    if (!unapplied.isEmpty() && unapplied != QLatin1String("true") &&
        unapplied != QLatin1String("false"))
        throw ApiError::invalidField(QStringLiteral("unapplied"), "invalid_value",
                                     QStringLiteral("true or false"));
    return page.page(m_store.receiptList(entity.id, queryId(request, QStringLiteral("account_id")),
                                         unapplied == QLatin1String("true"), page.after,
                                         page.limit));
}

} // namespace keel
