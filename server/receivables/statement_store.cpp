#include "statement_store.h"

#include <QSqlQuery>

namespace keel {

namespace {

// Everything that moves a client's balance in one currency: invoices (debit), credit notes and
// receipts (credit). Binds: entity, account, currency ×2 each.
const QString kMovements = QStringLiteral(
    "SELECT i.invoice_date AS d, 0 AS o, 'invoice' AS kind, i.id, i.number AS ref, "
    "coalesce(p.name, '') AS detail, i.due_date, abs(i.total) AS debit, 0::numeric AS credit "
    "FROM invoices i LEFT JOIN projects p ON p.id = i.project_id WHERE i.legal_entity_id = ? "
    "AND i.account_id = ? AND i.currency = ? AND i.kind = 'invoice' AND i.number IS NOT NULL "
    "UNION ALL "
    "SELECT n.invoice_date, 1, 'credit_note', n.id, n.number, coalesce(c.number, ''), NULL, 0, "
    "abs(n.total) FROM invoices n LEFT JOIN invoices c ON c.id = n.credits_invoice_id WHERE "
    "n.legal_entity_id = ? AND n.account_id = ? AND n.currency = ? AND n.kind = 'credit_note' "
    "AND n.number IS NOT NULL "
    "UNION ALL "
    "SELECT r.receipt_date, 2, 'receipt', r.id, r.reference, '', NULL, 0, r.amount FROM "
    "customer_receipts r WHERE r.legal_entity_id = ? AND r.account_id = ? AND r.currency = ?");

QVariantList movementBinds(qint64 entityId, qint64 accountId, const QString &currency)
{
    return {entityId, accountId, currency,  entityId, accountId,
            currency, entityId,  accountId, currency};
}

} // namespace

QSqlDatabase StatementStore::db() const
{
    return db::connection(m_config);
}

std::optional<std::pair<QString, QString>> StatementStore::client(qint64 accountId) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT name, billing_currency FROM accounts WHERE id = ?"),
                  {accountId});
    if (!q.next())
        return std::nullopt;
    return std::pair{q.value(0).toString(), q.value(1).toString()};
}

QString StatementStore::openingBalance(qint64 entityId, qint64 accountId, const QString &currency,
                                       QDate from) const
{
    QVariantList binds = movementBinds(entityId, accountId, currency);
    binds << from;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT coalesce(sum(debit - credit), 0)::text FROM (") +
                                kMovements + QStringLiteral(") m WHERE m.d < ?"),
                            binds);
    return q.next() ? q.value(0).toString() : QStringLiteral("0");
}

QList<StatementLine> StatementStore::lines(qint64 entityId, qint64 accountId,
                                           const QString &currency, QDate from, QDate to) const
{
    QVariantList binds = movementBinds(entityId, accountId, currency);
    binds << from << to;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT d, kind, id, ref, detail, due_date, "
                                           "debit::text, credit::text FROM (") +
                                kMovements +
                                QStringLiteral(") m WHERE m.d BETWEEN ? AND ? ORDER BY d, o, id"),
                            binds);
    QList<StatementLine> out;
    while (q.next())
        out.append({q.value(0).toDate(), q.value(1).toString(), q.value(2).toLongLong(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toDate(),
                    q.value(6).toString(), q.value(7).toString()});
    return out;
}

} // namespace keel
