#include "vendor_payment_store.h"

#include "db/pg_array.h"
#include "json_codec.h"
#include "timeexpense/expense_values.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

Money moneyAt(const QVariant &amount, const QString &currency)
{
    return expense_values::moneyOf(amount.toString(), currency);
}

QJsonObject moneyJson(const QVariant &amount, const QString &currency)
{
    return moneyToJson(moneyAt(amount, currency));
}

// Payment header and its allocations as JSON; the functional currency is the entity's.
const QString kPayment = QStringLiteral(
    "SELECT p.id, le.code, p.vendor_id, v.name, p.bank_account_id, p.payment_date, "
    "trim_scale(p.amount)::text, p.currency, trim_scale(p.fx_rate)::text, "
    "trim_scale(p.functional_amount)::text, le.functional_currency, p.reference, "
    "p.journal_entry_id, p.created_by, p.created_at, p.version, "
    "(SELECT json_agg(json_build_object('bill_id', a.bill_id::text, 'vendor_ref', b.vendor_ref, "
    "'amount', trim_scale(a.amount)::text, 'payable_functional', "
    "trim_scale(a.payable_functional)::text, 'cash_functional', "
    "trim_scale(a.cash_functional)::text) ORDER BY a.id) FROM vendor_payment_allocations a "
    "JOIN vendor_bills b ON b.id = a.bill_id WHERE a.payment_id = p.id)::text, "
    "(SELECT s.id FROM bank_statement_lines s WHERE s.vendor_payment_id = p.id) "
    "FROM vendor_payments p JOIN legal_entities le ON le.id = p.legal_entity_id "
    "JOIN vendors v ON v.id = p.vendor_id ");

QJsonObject paymentFrom(const QSqlQuery &q)
{
    const QString currency = q.value(7).toString();
    const QString functional = q.value(10).toString();
    QJsonArray allocations;
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(16).toByteArray()).array()) {
        const QJsonObject a = v.toObject();
        allocations.append(QJsonObject{
            {"bill_id", a.value("bill_id")},
            {"vendor_ref", a.value("vendor_ref")},
            {"amount", moneyJson(a.value("amount").toString(), currency)},
            {"payable_functional", moneyJson(a.value("payable_functional").toString(), functional)},
            {"cash_functional", moneyJson(a.value("cash_functional").toString(), functional)}});
    }
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"legal_entity", q.value(1).toString()},
            {"vendor_id", idToJson(q.value(2).toLongLong())},
            {"vendor_name", q.value(3).toString()},
            {"bank_account_id", idToJson(q.value(4).toLongLong())},
            {"payment_date", dateToJson(q.value(5).toDate())},
            {"amount", moneyJson(q.value(6), currency)},
            {"fx_rate", q.value(8).toString()},
            {"functional_amount", moneyJson(q.value(9), functional)},
            {"reference", q.value(11).toString()},
            {"journal_entry_id",
             q.value(12).isNull() ? QJsonValue() : idToJson(q.value(12).toLongLong())},
            {"created_by", idToJson(q.value(13).toLongLong())},
            {"created_at", instantToJson(q.value(14).toDateTime())},
            {"version", q.value(15).toInt()},
            {"allocations", allocations},
            {"statement_line_id",
             q.value(17).isNull() ? QJsonValue() : idToJson(q.value(17).toLongLong())}};
}

} // namespace

namespace {

QString idArray(const QList<qint64> &ids)
{
    db::PgArray a;
    for (qint64 id : ids)
        a.add(id);
    return a.literal();
}

} // namespace

QHash<qint64, qint64> VendorPaymentStore::vendorEntities(const QList<qint64> &vendorIds) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT id, legal_entity_id FROM vendors WHERE id = ANY (?::bigint[])"),
        {idArray(vendorIds)});
    QHash<qint64, qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return out;
}

QHash<qint64, PaymentBankAccount> VendorPaymentStore::bankAccounts(const QList<qint64> &ids) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT b.id, b.legal_entity_id, b.currency, a.number, "
                                           "b.active FROM bank_accounts b JOIN ledger_accounts a "
                                           "ON a.id = b.ledger_account_id WHERE b.id = ANY "
                                           "(?::bigint[])"),
                            {idArray(ids)});
    QHash<qint64, PaymentBankAccount> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toBool()});
    return out;
}

QHash<qint64, PayableBill> VendorPaymentStore::lockBills(const QList<qint64> &ids) const
{
    db::PgArray a;
    for (qint64 id : ids)
        a.add(id);
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT b.id, b.legal_entity_id, b.vendor_id, b.vendor_ref, b.status, "
            "b.bill_date, b.currency, b.total::text, b.amount_paid::text, "
            "trim_scale(b.fx_rate)::text, b.functional_total::text, b.functional_paid::text, "
            "le.functional_currency FROM vendor_bills b JOIN legal_entities le ON "
            "le.id = b.legal_entity_id WHERE b.id = ANY (?::bigint[]) ORDER BY b.id "
            "FOR UPDATE OF b"),
        {a.literal()});
    QHash<qint64, PayableBill> out;
    while (q.next()) {
        PayableBill b;
        b.id = q.value(0).toLongLong();
        b.entityId = q.value(1).toLongLong();
        b.vendorId = q.value(2).toLongLong();
        b.vendorRef = q.value(3).toString();
        b.status = q.value(4).toString();
        b.billDate = q.value(5).toDate();
        const QString currency = q.value(6).toString();
        const QString functional = q.value(12).toString();
        b.total = moneyAt(q.value(7), currency);
        b.paid = moneyAt(q.value(8), currency);
        if (!q.value(9).isNull())
            if (const auto r = Decimal::parse(q.value(9).toString()))
                b.fxRate = *r;
        if (!q.value(10).isNull())
            b.functionalTotal = moneyAt(q.value(10), functional);
        b.functionalPaid = moneyAt(q.value(11), functional);
        out.insert(b.id, b);
    }
    return out;
}

QList<qint64> VendorPaymentStore::nextPaymentIds(int count) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("SELECT nextval(pg_get_serial_sequence('vendor_payments', "
                                 "'id')) FROM generate_series(1, ?) ORDER BY 1"),
                  {count});
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

void VendorPaymentStore::insertPayments(const QList<qint64> &ids,
                                        const QList<NewVendorPayment> &payments) const
{
    db::PgArray id, entity, vendor, bank, date, amount, currency, rate, functional, reference, by;
    for (qsizetype i = 0; i < payments.size(); ++i) {
        const NewVendorPayment &p = payments.at(i);
        id.add(ids.at(i));
        entity.add(p.entityId);
        vendor.add(p.vendorId);
        bank.add(p.bankAccountId);
        date.add(p.paymentDate);
        amount.add(p.amount.toString());
        currency.add(p.amount.currency().code());
        rate.add(p.fxRate.toString());
        functional.add(p.functional.toString());
        reference.add(p.reference);
        by.add(p.createdBy);
    }
    db::query(m_db,
              QStringLiteral("INSERT INTO vendor_payments (id, legal_entity_id, vendor_id, "
                             "bank_account_id, payment_date, amount, currency, fx_rate, "
                             "functional_amount, reference, created_by) OVERRIDING SYSTEM VALUE "
                             "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], "
                             "?::bigint[], ?::date[], ?::numeric[], ?::text[], ?::numeric[], "
                             "?::numeric[], ?::text[], ?::bigint[])"),
              {id.literal(), entity.literal(), vendor.literal(), bank.literal(), date.literal(),
               amount.literal(), currency.literal(), rate.literal(), functional.literal(),
               reference.literal(), by.literal()});
}

void VendorPaymentStore::insertAllocations(
    const QList<std::pair<qint64, NewPaymentAllocation>> &rows) const
{
    db::PgArray payment, bill, amount, payable, cash;
    for (const auto &[paymentId, a] : rows) {
        payment.add(paymentId);
        bill.add(a.billId);
        amount.add(a.amount.toString());
        payable.add(a.payableFunctional.toString());
        cash.add(a.cashFunctional.toString());
    }
    db::query(
        m_db,
        QStringLiteral("INSERT INTO vendor_payment_allocations (payment_id, bill_id, amount, "
                       "payable_functional, cash_functional) SELECT * FROM "
                       "unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::numeric[], "
                       "?::numeric[])"),
        {payment.literal(), bill.literal(), amount.literal(), payable.literal(), cash.literal()});
}

void VendorPaymentStore::updateBills(const QList<std::pair<PayableBill, int>> &bills) const
{
    db::PgArray id, paid, functional, status, count;
    for (const auto &[b, n] : bills) {
        id.add(b.id);
        paid.add(b.paid.toString());
        functional.add(b.functionalPaid.toString());
        status.add(b.status);
        count.add(QString::number(n));
    }
    db::query(
        m_db,
        QStringLiteral("UPDATE vendor_bills b SET amount_paid = u.paid, functional_paid = "
                       "u.functional, status = u.status, updated_at = now(), version = "
                       "b.version + u.n FROM unnest(?::bigint[], ?::numeric[], "
                       "?::numeric[], ?::text[], ?::int[]) AS u(id, paid, functional, "
                       "status, n) WHERE b.id = u.id"),
        {id.literal(), paid.literal(), functional.literal(), status.literal(), count.literal()});
}

void VendorPaymentStore::setJournalEntries(const QList<qint64> &paymentIds,
                                           const QList<qint64> &entryIds) const
{
    db::query(m_db,
              QStringLiteral("UPDATE vendor_payments p SET journal_entry_id = u.entry FROM "
                             "unnest(?::bigint[], ?::bigint[]) AS u(id, entry) WHERE p.id = u.id"),
              {idArray(paymentIds), idArray(entryIds)});
}

std::optional<QJsonObject> VendorPaymentStore::payment(qint64 id) const
{
    QSqlQuery q = db::query(m_db, kPayment + QStringLiteral("WHERE p.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return paymentFrom(q);
}

QString VendorPaymentStore::paymentEntity(qint64 id) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT le.code FROM vendor_payments p JOIN "
                                           "legal_entities le ON le.id = p.legal_entity_id "
                                           "WHERE p.id = ?"),
                            {id});
    return q.next() ? q.value(0).toString() : QString();
}

QJsonArray VendorPaymentStore::payments(qint64 entityId, qint64 vendorId, qint64 after,
                                        int limit) const
{
    QSqlQuery q = db::query(m_db,
                            kPayment + QStringLiteral("WHERE p.legal_entity_id = ? AND (? = 0 OR "
                                                      "p.vendor_id = ?) AND p.id > ? ORDER BY "
                                                      "p.id LIMIT ?"),
                            {entityId, vendorId, vendorId, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(paymentFrom(q));
    return out;
}

} // namespace keel
