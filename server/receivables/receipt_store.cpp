#include "receipt_store.h"

#include "json_codec.h"
#include "receivables_values.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace keel {

using namespace receivables;

namespace {

QString idsOf(const QList<qint64> &ids)
{
    QStringList s;
    s.reserve(ids.size());
    for (const qint64 id : ids)
        s.append(QString::number(id));
    return arrayOf(s);
}

QString amountsOf(const QList<Money> &amounts)
{
    QStringList s;
    s.reserve(amounts.size());
    for (const Money &m : amounts)
        s.append(m.toString());
    return arrayOf(s);
}

// Rows inserted by one INSERT … SELECT … ORDER BY ord draw their identities in that order.
QList<qint64> sortedIds(QSqlQuery &q)
{
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void moneyField(QJsonObject &o, const char *key, const QString &currency)
{
    o.insert(QLatin1String(key),
             moneyToJson(moneyOf(o.value(QLatin1String(key)).toString(), currency)));
}

} // namespace

Money InvoiceBalance::balance() const
{
    return total.subtract(paid).valueOr(total);
}

Money InvoiceBalance::functionalBalance() const
{
    return functionalTotal.subtract(functionalPaid).valueOr(functionalTotal);
}

QSqlDatabase ReceiptStore::db() const
{
    return db::connection(m_config);
}

QHash<qint64, ReceiptBankAccount> ReceiptStore::bankAccounts(const QList<qint64> &ids) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT b.id, b.legal_entity_id, b.currency, b.active, "
                                           "la.number FROM bank_accounts b JOIN ledger_accounts "
                                           "la ON la.id = b.ledger_account_id "
                                           "WHERE b.id = ANY(?::bigint[])"),
                            {idsOf(ids)});
    QHash<qint64, ReceiptBankAccount> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toBool(), q.value(4).toString()});
    return out;
}

QHash<qint64, QString> ReceiptStore::clients(const QList<qint64> &ids) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id, name FROM accounts WHERE id = ANY(?::bigint[])"),
                  {idsOf(ids)});
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

QList<std::optional<Decimal>> ReceiptStore::rates(const QList<std::pair<QString, QString>> &pairs,
                                                  const QList<QDate> &dates) const
{
    QStringList from, to, on;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        from.append(pairs.at(i).first);
        to.append(pairs.at(i).second);
        on.append(dates.at(i).toString(Qt::ISODate));
    }
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT (SELECT trim_scale(round(f.rate, 6))::text FROM fx_rates f "
                       "WHERE f.from_currency = u.f AND f.to_currency = u.t AND f.rate_date <= "
                       "u.d ORDER BY f.rate_date DESC LIMIT 1) FROM unnest(?::text[], ?::text[], "
                       "?::date[]) WITH ORDINALITY AS u(f, t, d, ord) ORDER BY u.ord"),
        {arrayOf(from, true), arrayOf(to, true), arrayOf(on)});
    QList<std::optional<Decimal>> out;
    while (q.next()) {
        const auto d = Decimal::parse(q.value(0).toString());
        out.append(!q.value(0).isNull() && d && d->isPositive() ? std::optional<Decimal>(*d)
                                                                : std::nullopt);
    }
    return out;
}

QList<qint64> ReceiptStore::insertReceipts(const QList<NewReceipt> &receipts) const
{
    QStringList entity, account, bank, date, amount, currency, rate, functional, reference, by;
    for (const NewReceipt &r : receipts) {
        entity.append(QString::number(r.entityId));
        account.append(QString::number(r.accountId));
        bank.append(QString::number(r.bankAccountId));
        date.append(r.date.toString(Qt::ISODate));
        amount.append(r.amount.toString());
        currency.append(r.amount.currency().code());
        rate.append(r.rate.toString());
        functional.append(r.functional.toString());
        reference.append(r.reference);
        by.append(QString::number(r.createdBy));
    }
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO customer_receipts (legal_entity_id, account_id, bank_account_id, "
            "receipt_date, amount, currency, fx_rate, functional_amount, reference, created_by) "
            "SELECT e, a, b, d, amt, c, r, f, ref, u FROM unnest(?::bigint[], ?::bigint[], "
            "?::bigint[], ?::date[], ?::numeric[], ?::text[], ?::numeric[], ?::numeric[], "
            "?::text[], ?::bigint[]) WITH ORDINALITY AS x(e, a, b, d, amt, c, r, f, ref, u, ord) "
            "ORDER BY ord RETURNING id"),
        {arrayOf(entity), arrayOf(account), arrayOf(bank), arrayOf(date), arrayOf(amount),
         arrayOf(currency, true), arrayOf(rate), arrayOf(functional), arrayOf(reference, true),
         arrayOf(by)});
    return sortedIds(q);
}

void ReceiptStore::setReceiptEntries(const QList<qint64> &ids, const QList<qint64> &entries) const
{
    db::query(db(),
              QStringLiteral("UPDATE customer_receipts r SET journal_entry_id = u.e FROM "
                             "unnest(?::bigint[], ?::bigint[]) AS u(id, e) WHERE r.id = u.id"),
              {idsOf(ids), idsOf(entries)});
}

std::optional<CustomerReceiptRow> ReceiptStore::receipt(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT r.id, r.legal_entity_id, r.account_id, le.code, "
                       "le.functional_currency, r.receipt_date, r.currency, r.amount::text, "
                       "r.allocated::text, r.functional_amount::text, (SELECT "
                       "coalesce(sum(x.cash_functional), 0) FROM receipt_allocations x WHERE "
                       "x.receipt_id = r.id)::text, trim_scale(round(r.fx_rate, 6))::text, "
                       "r.reference FROM customer_receipts r JOIN legal_entities le ON le.id = "
                       "r.legal_entity_id WHERE r.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF r") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    CustomerReceiptRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.accountId = q.value(2).toLongLong();
    r.entityCode = q.value(3).toString();
    r.functionalCurrency = q.value(4).toString();
    r.date = q.value(5).toDate();
    const QString currency = q.value(6).toString();
    r.amount = moneyOf(q.value(7), currency);
    r.allocated = moneyOf(q.value(8), currency);
    r.functional = moneyOf(q.value(9), r.functionalCurrency);
    r.cashAllocated = moneyOf(q.value(10), r.functionalCurrency);
    r.rate = Decimal::parse(q.value(11).toString()).valueOr(Decimal::fromInt(1));
    r.reference = q.value(12).toString();
    return r;
}

QHash<qint64, InvoiceBalance> ReceiptStore::lockInvoices(const QList<qint64> &ids) const
{
    // Locked in id order, so two allocations over the same invoices cannot deadlock.
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral(
                      "SELECT i.id, i.legal_entity_id, i.account_id, i.kind, i.status, "
                      "coalesce(i.number, ''), i.currency, i.total::text, i.amount_paid::text, "
                      "le.functional_currency, coalesce(i.functional_total, 0)::text, "
                      "i.functional_paid::text, coalesce(trim_scale(round(i.fx_rate, 6)), 1)::text "
                      "FROM invoices i JOIN legal_entities le ON le.id = i.legal_entity_id "
                      "WHERE i.id = ANY(?::bigint[]) ORDER BY i.id FOR UPDATE OF i"),
                  {idsOf(ids)});
    QHash<qint64, InvoiceBalance> out;
    while (q.next()) {
        InvoiceBalance b;
        b.id = q.value(0).toLongLong();
        b.entityId = q.value(1).toLongLong();
        b.accountId = q.value(2).toLongLong();
        b.kind = q.value(3).toString();
        b.status = q.value(4).toString();
        b.number = q.value(5).toString();
        const QString c = q.value(6).toString(), fc = q.value(9).toString();
        b.total = moneyOf(q.value(7), c);
        b.paid = moneyOf(q.value(8), c);
        b.functionalTotal = moneyOf(q.value(10), fc);
        b.functionalPaid = moneyOf(q.value(11), fc);
        b.rate = Decimal::parse(q.value(12).toString()).valueOr(Decimal::fromInt(1));
        out.insert(b.id, b);
    }
    return out;
}

QList<qint64> ReceiptStore::insertAllocations(const QList<NewAllocation> &rows) const
{
    QList<qint64> receipt, invoice, by;
    QList<Money> amount, rf, cf;
    QStringList on;
    for (const NewAllocation &a : rows) {
        receipt.append(a.receiptId);
        invoice.append(a.invoiceId);
        by.append(a.createdBy);
        amount.append(a.amount);
        rf.append(a.receivableFunctional);
        cf.append(a.cashFunctional);
        on.append(a.on.toString(Qt::ISODate));
    }
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO receipt_allocations (receipt_id, invoice_id, amount, "
                       "receivable_functional, cash_functional, allocated_on, created_by) "
                       "SELECT r, i, a, rf, cf, d, u FROM unnest(?::bigint[], ?::bigint[], "
                       "?::numeric[], ?::numeric[], ?::numeric[], ?::date[], ?::bigint[]) WITH "
                       "ORDINALITY AS x(r, i, a, rf, cf, d, u, ord) ORDER BY ord RETURNING id"),
        {idsOf(receipt), idsOf(invoice), amountsOf(amount), amountsOf(rf), amountsOf(cf),
         arrayOf(on), idsOf(by)});
    return sortedIds(q);
}

void ReceiptStore::setAllocationEntries(const QList<qint64> &ids,
                                        const QList<qint64> &entries) const
{
    db::query(db(),
              QStringLiteral("UPDATE receipt_allocations a SET journal_entry_id = u.e FROM "
                             "unnest(?::bigint[], ?::bigint[]) AS u(id, e) WHERE a.id = u.id"),
              {idsOf(ids), idsOf(entries)});
}

void ReceiptStore::updateInvoices(const QList<InvoicePaid> &rows) const
{
    QList<qint64> ids;
    QList<Money> paid, fpaid;
    QStringList status, on;
    for (const InvoicePaid &r : rows) {
        ids.append(r.id);
        paid.append(r.paid);
        fpaid.append(r.functionalPaid);
        status.append(r.status);
        on.append(r.paidOn.isValid() ? r.paidOn.toString(Qt::ISODate) : QStringLiteral("NULL"));
    }
    db::query(db(),
              QStringLiteral("UPDATE invoices i SET amount_paid = u.p, functional_paid = u.fp, "
                             "status = u.s, paid_on = u.d, version = i.version + 1, updated_at = "
                             "now() FROM unnest(?::bigint[], ?::numeric[], ?::numeric[], "
                             "?::text[], ?::date[]) AS u(id, p, fp, s, d) WHERE i.id = u.id"),
              {idsOf(ids), amountsOf(paid), amountsOf(fpaid), arrayOf(status, true), arrayOf(on)});
}

void ReceiptStore::addAllocated(const QList<qint64> &receipts, const QList<Money> &amounts) const
{
    db::query(db(),
              QStringLiteral("UPDATE customer_receipts r SET allocated = r.allocated + u.a, "
                             "version = r.version + 1 FROM unnest(?::bigint[], ?::numeric[]) AS "
                             "u(id, a) WHERE r.id = u.id"),
              {idsOf(receipts), amountsOf(amounts)});
}

QJsonArray ReceiptStore::receiptsWhere(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT json_build_object('id', r.id::text, 'legal_entity_id', "
            "r.legal_entity_id::text, 'legal_entity', le.code, 'account_id', r.account_id::text, "
            "'account_name', a.name, 'bank_account_id', r.bank_account_id::text, "
            "'bank_account_name', ba.name, 'receipt_date', r.receipt_date, 'currency', "
            "r.currency, 'amount', r.amount::text, 'fx_rate', trim_scale(r.fx_rate)::text, "
            "'functional_currency', le.functional_currency, 'functional_amount', "
            "r.functional_amount::text, 'allocated', r.allocated::text, 'unapplied', (r.amount - "
            "r.allocated)::text, 'reference', r.reference, 'journal_entry_id', "
            "r.journal_entry_id::text, 'created_by', r.created_by::text, 'created_at', "
            "to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
            "'version', r.version, 'allocations', coalesce((SELECT json_agg(json_build_object("
            "'id', x.id::text, 'invoice_id', x.invoice_id::text, 'invoice_number', i.number, "
            "'amount', x.amount::text, 'receivable_functional', x.receivable_functional::text, "
            "'cash_functional', x.cash_functional::text, 'allocated_on', x.allocated_on, "
            "'journal_entry_id', x.journal_entry_id::text) ORDER BY x.id) FROM "
            "receipt_allocations x JOIN invoices i ON i.id = x.invoice_id WHERE x.receipt_id = "
            "r.id), '[]'))::text FROM customer_receipts r JOIN legal_entities le ON le.id = "
            "r.legal_entity_id JOIN accounts a ON a.id = r.account_id JOIN bank_accounts ba ON "
            "ba.id = r.bank_account_id WHERE ") +
            where,
        binds);
    QJsonArray out;
    while (q.next()) {
        QJsonObject o = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        const QString c = o.value("currency").toString();
        const QString fc = o.value("functional_currency").toString();
        for (const char *k : {"amount", "allocated", "unapplied"})
            moneyField(o, k, c);
        moneyField(o, "functional_amount", fc);
        QJsonArray allocations;
        for (const QJsonValue &v : o.value("allocations").toArray()) {
            QJsonObject a = v.toObject();
            const Money rf = moneyOf(a.value("receivable_functional").toString(), fc);
            const Money cf = moneyOf(a.value("cash_functional").toString(), fc);
            moneyField(a, "amount", c);
            a.insert("receivable_functional", moneyToJson(rf));
            a.insert("cash_functional", moneyToJson(cf));
            a.insert("fx_difference",
                     moneyToJson(cf.subtract(rf).valueOr(Money::zero(rf.currency()))));
            allocations.append(a);
        }
        o.insert("allocations", allocations);
        o.remove("functional_currency");
        out.append(o);
    }
    return out;
}

QJsonArray ReceiptStore::receiptsJson(const QList<qint64> &ids) const
{
    return receiptsWhere(QStringLiteral("r.id = ANY(?::bigint[]) ORDER BY r.id"), {idsOf(ids)});
}

QJsonArray ReceiptStore::receiptList(qint64 entityId, std::optional<qint64> accountId,
                                     bool unappliedOnly, qint64 after, int limit) const
{
    return receiptsWhere(QStringLiteral("r.legal_entity_id = ? AND (?::bigint IS NULL OR "
                                        "r.account_id = ?::bigint) AND (NOT ?::boolean OR "
                                        "r.allocated < r.amount) AND r.id > ? ORDER BY r.id "
                                        "LIMIT ?"),
                         {entityId, accountId ? QVariant(*accountId) : QVariant(),
                          accountId ? QVariant(*accountId) : QVariant(), unappliedOnly, after,
                          limit});
}

} // namespace keel
