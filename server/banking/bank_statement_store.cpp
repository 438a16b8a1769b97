#include "bank_statement_store.h"

#include "db/pg_array.h"
#include "json_codec.h"
#include "timeexpense/expense_values.h"

#include <QSqlQuery>

namespace keel {

namespace {

Money moneyAt(const QVariant &amount, const QString &currency)
{
    return expense_values::moneyOf(amount.toString(), currency);
}

QJsonValue optId(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : idToJson(v.toLongLong());
}

const QString kLine = QStringLiteral(
    "SELECT s.id, s.bank_account_id, s.booking_date, trim_scale(s.amount)::text, b.currency, "
    "s.reference, s.counterparty, s.status, s.customer_receipt_id, s.vendor_payment_id, "
    "s.journal_entry_id, s.matched_by, s.matched_at, s.version, s.import_id "
    "FROM bank_statement_lines s JOIN bank_accounts b ON b.id = s.bank_account_id ");

StatementLineRow lineFrom(const QSqlQuery &q)
{
    StatementLineRow r;
    r.id = q.value(0).toLongLong();
    r.bankAccountId = q.value(1).toLongLong();
    r.date = q.value(2).toDate();
    r.amount = moneyAt(q.value(3), q.value(4).toString());
    r.reference = q.value(5).toString();
    r.status = q.value(7).toString();
    r.receiptId = q.value(8).toLongLong();
    r.paymentId = q.value(9).toLongLong();
    r.journalEntryId = q.value(10).toLongLong();
    r.version = q.value(13).toInt();
    r.json = QJsonObject{{"id", idToJson(r.id)},
                         {"bank_account_id", idToJson(r.bankAccountId)},
                         {"import_id", optId(q.value(14))},
                         {"booking_date", dateToJson(r.date)},
                         {"amount", moneyToJson(r.amount)},
                         {"reference", r.reference},
                         {"counterparty", q.value(6).toString()},
                         {"status", r.status},
                         {"customer_receipt_id", optId(q.value(8))},
                         {"vendor_payment_id", optId(q.value(9))},
                         {"journal_entry_id", optId(q.value(10))},
                         {"matched_by", optId(q.value(11))},
                         {"matched_at", instantToJson(q.value(12).toDateTime())},
                         {"version", r.version}};
    return r;
}

std::optional<MatchTarget> targetFrom(QSqlQuery &q)
{
    if (!q.next())
        return std::nullopt;
    MatchTarget t;
    t.id = q.value(0).toLongLong();
    t.entityId = q.value(1).toLongLong();
    t.bankAccountId = q.value(2).toLongLong();
    t.partyId = q.value(3).toLongLong();
    t.status = q.value(4).toString();
    t.amount = moneyAt(q.value(5), q.value(6).toString());
    t.matched = q.value(7).toBool();
    return t;
}

} // namespace

qint64 BankStatementStore::insertImport(qint64 bankAccountId, const QString &fileName,
                                        qint64 userId) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("INSERT INTO bank_statement_imports (bank_account_id, "
                       "file_name, imported_by) VALUES (?, coalesce(?, ''), ?) RETURNING id"),
        {bankAccountId, fileName, userId});
    q.next();
    return q.value(0).toLongLong();
}

int BankStatementStore::insertLines(qint64 bankAccountId, qint64 importId,
                                    const QList<NewStatementLine> &lines) const
{
    db::PgArray date, amount, reference, counterparty, hash;
    for (const NewStatementLine &l : lines) {
        date.add(l.date);
        amount.add(l.amount.toString());
        reference.add(l.reference);
        counterparty.add(l.counterparty);
        hash.add(l.hash);
    }
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("WITH added AS (INSERT INTO bank_statement_lines (bank_account_id, "
                       "import_id, booking_date, amount, reference, counterparty, line_hash) "
                       "SELECT ?, ?, * FROM unnest(?::date[], ?::numeric[], ?::text[], ?::text[], "
                       "?::text[]) ON CONFLICT (bank_account_id, line_hash) DO NOTHING "
                       "RETURNING 1) SELECT count(*) FROM added"),
        {bankAccountId, importId, date.literal(), amount.literal(), reference.literal(),
         counterparty.literal(), hash.literal()});
    q.next();
    return q.value(0).toInt();
}

void BankStatementStore::setImportCounts(qint64 importId, int imported, int duplicates) const
{
    db::query(m_db,
              QStringLiteral("UPDATE bank_statement_imports SET line_count = ?, "
                             "duplicate_count = ? WHERE id = ?"),
              {imported, duplicates, importId});
}

QJsonArray BankStatementStore::lines(qint64 bankAccountId, const QString &status, QDate from,
                                     QDate to, qint64 after, int limit) const
{
    const QVariant noDate(QMetaType::fromType<QDate>());
    QSqlQuery q = db::query(
        m_db,
        kLine + QStringLiteral(
                    "WHERE s.bank_account_id = ? AND (coalesce(?, '') = '' OR s.status = ?) AND "
                    "(?::date IS NULL OR s.booking_date >= ?::date) AND (?::date IS "
                    "NULL OR s.booking_date <= ?::date) AND s.id > ? ORDER BY s.id "
                    "LIMIT ?"),
        {bankAccountId, status, status, from.isValid() ? QVariant(from) : noDate,
         from.isValid() ? QVariant(from) : noDate, to.isValid() ? QVariant(to) : noDate,
         to.isValid() ? QVariant(to) : noDate, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(lineFrom(q).json);
    return out;
}

std::optional<StatementLineRow> BankStatementStore::line(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(m_db,
                            kLine + QStringLiteral("WHERE s.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF s") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return lineFrom(q);
}

void BankStatementStore::setMatched(qint64 id, qint64 receiptId, qint64 paymentId,
                                    qint64 journalEntryId, qint64 userId) const
{
    const auto opt = [](qint64 v) {
        return v ? QVariant(v) : QVariant(QMetaType::fromType<qint64>());
    };
    db::query(m_db,
              QStringLiteral("UPDATE bank_statement_lines SET status = 'matched', "
                             "customer_receipt_id = ?, vendor_payment_id = ?, journal_entry_id = "
                             "?, matched_by = ?, matched_at = now(), version = version + 1 WHERE "
                             "id = ?"),
              {opt(receiptId), opt(paymentId), opt(journalEntryId), userId, id});
}

void BankStatementStore::setStatus(qint64 id, const QString &status) const
{
    db::query(m_db,
              QStringLiteral("UPDATE bank_statement_lines SET status = ?, customer_receipt_id = "
                             "NULL, vendor_payment_id = NULL, journal_entry_id = NULL, matched_by "
                             "= NULL, matched_at = NULL, version = version + 1 WHERE id = ?"),
              {status, id});
}

std::optional<MatchTarget> BankStatementStore::receipt(qint64 id) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT r.id, r.legal_entity_id, r.bank_account_id, r.account_id, '', "
            "r.amount::text, r.currency, EXISTS (SELECT 1 FROM bank_statement_lines s "
            "WHERE s.customer_receipt_id = r.id) FROM customer_receipts r WHERE r.id = ?"),
        {id});
    return targetFrom(q);
}

std::optional<MatchTarget> BankStatementStore::payment(qint64 id) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT p.id, p.legal_entity_id, p.bank_account_id, p.vendor_id, '', "
                       "p.amount::text, p.currency, EXISTS (SELECT 1 FROM bank_statement_lines s "
                       "WHERE s.vendor_payment_id = p.id) FROM vendor_payments p WHERE p.id = ?"),
        {id});
    return targetFrom(q);
}

std::optional<MatchTarget> BankStatementStore::invoice(qint64 id) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT i.id, i.legal_entity_id, 0, i.account_id, "
                                           "i.status, (i.total - i.amount_paid)::text, "
                                           "i.currency, false FROM invoices i WHERE i.id = ? "
                                           "AND i.kind = 'invoice'"),
                            {id});
    return targetFrom(q);
}

std::optional<MatchTarget> BankStatementStore::bill(qint64 id) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT b.id, b.legal_entity_id, 0, b.vendor_id, "
                                           "b.status, (b.total - b.amount_paid)::text, "
                                           "b.currency, false FROM vendor_bills b WHERE b.id = ?"),
                            {id});
    return targetFrom(q);
}

QJsonArray BankStatementStore::suggestions(const StatementLineRow &line, qint64 entityId) const
{
    // Money in: unmatched receipts of the account and open invoices; money out: unmatched vendor
    // payments and open bills. Rank 1: exact amount and the line's reference names the
    // document; 2: exact amount within 10 days (of the receipt or payment, or the due date);
    // 3: the reference alone.
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "WITH p AS (SELECT ?::numeric AS amount, ?::text AS currency, ?::date AS d, "
            "lower(?::text) AS ref, ?::bigint AS bank, ?::bigint AS entity, ?::boolean AS "
            "incoming), "
            "c AS ("
            "SELECT 'customer_receipt' AS kind, r.id, r.reference AS number, r.receipt_date AS "
            "date, r.amount, a.name AS party FROM customer_receipts r JOIN accounts a ON a.id = "
            "r.account_id, p WHERE p.incoming AND r.bank_account_id = p.bank AND r.currency = "
            "p.currency AND NOT EXISTS (SELECT 1 FROM bank_statement_lines s WHERE "
            "s.customer_receipt_id = r.id) "
            "UNION ALL SELECT 'invoice', i.id, i.number, i.due_date, i.total - i.amount_paid, "
            "a.name FROM invoices i JOIN accounts a ON a.id = i.account_id, p WHERE p.incoming "
            "AND i.legal_entity_id = p.entity AND i.currency = p.currency AND i.kind = 'invoice' "
            "AND i.status IN ('issued', 'partially_paid') "
            "UNION ALL SELECT 'vendor_payment', v.id, v.reference, v.payment_date, v.amount, "
            "n.name FROM vendor_payments v JOIN vendors n ON n.id = v.vendor_id, p WHERE NOT "
            "p.incoming AND v.bank_account_id = p.bank AND v.currency = p.currency AND NOT "
            "EXISTS (SELECT 1 FROM bank_statement_lines s WHERE s.vendor_payment_id = v.id) "
            "UNION ALL SELECT 'bill', b.id, b.vendor_ref, b.due_date, b.total - b.amount_paid, "
            "n.name FROM vendor_bills b JOIN vendors n ON n.id = b.vendor_id, p WHERE NOT "
            "p.incoming AND b.legal_entity_id = p.entity AND b.currency = p.currency AND "
            "b.status IN ('approved', 'partially_paid')), "
            "ranked AS (SELECT c.*, abs(c.date - p.d) AS days, CASE "
            "WHEN c.amount = p.amount AND c.number <> '' AND position(lower(c.number) IN p.ref) > "
            "0 "
            "THEN 1 WHEN c.amount = p.amount AND abs(c.date - p.d) <= 10 THEN 2 "
            "WHEN c.number <> '' AND position(lower(c.number) IN p.ref) > 0 THEN 3 END AS rank "
            "FROM c, p) "
            "SELECT kind, id, number, date, trim_scale(amount)::text, party, rank, days FROM "
            "ranked WHERE rank IS NOT NULL ORDER BY rank, days, kind, id LIMIT 20"),
        {line.amount.abs().toString(), line.amount.currency().code(), line.date, line.reference,
         line.bankAccountId, entityId, line.amount.isPositive()});
    static const char *const reasons[] = {"", "amount_and_reference", "amount_and_date",
                                          "reference"};
    QJsonArray out;
    while (q.next()) {
        const int rank = q.value(6).toInt();
        out.append(
            QJsonObject{{"kind", q.value(0).toString()},
                        {"id", idToJson(q.value(1).toLongLong())},
                        {"number", q.value(2).toString()},
                        {"date", dateToJson(q.value(3).toDate())},
                        {"amount", moneyToJson(moneyAt(q.value(4), line.amount.currency().code()))},
                        {"party", q.value(5).toString()},
                        {"rank", rank},
                        {"reason", QString::fromLatin1(reasons[rank >= 1 && rank <= 3 ? rank : 0])},
                        {"days_apart", q.value(7).toInt()}});
    }
    return out;
}

} // namespace keel
