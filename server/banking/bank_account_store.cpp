#include "bank_account_store.h"

#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

namespace {

const QString kAccount = QStringLiteral(
    "SELECT b.id, b.legal_entity_id, le.code, b.currency, le.functional_currency, "
    "b.ledger_account_id, a.number, b.active, b.name, b.bank_name, b.account_number, a.name, "
    "b.version FROM bank_accounts b JOIN legal_entities le ON le.id = b.legal_entity_id "
    "JOIN ledger_accounts a ON a.id = b.ledger_account_id ");

BankAccountRow accountFrom(const QSqlQuery &q)
{
    BankAccountRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.entity = q.value(2).toString();
    r.currency = q.value(3).toString();
    r.functionalCurrency = q.value(4).toString();
    r.ledgerAccountId = q.value(5).toLongLong();
    r.ledgerNumber = q.value(6).toString();
    r.active = q.value(7).toBool();
    r.json = QJsonObject{{"id", idToJson(r.id)},
                         {"legal_entity_id", idToJson(r.entityId)},
                         {"legal_entity", r.entity},
                         {"name", q.value(8).toString()},
                         {"bank_name", q.value(9).toString()},
                         {"account_number", q.value(10).toString()},
                         {"currency", r.currency},
                         {"ledger_account_id", idToJson(r.ledgerAccountId)},
                         {"ledger_account_number", r.ledgerNumber},
                         {"ledger_account_name", q.value(11).toString()},
                         {"active", r.active},
                         {"version", q.value(12).toInt()}};
    return r;
}

} // namespace

void BankAccountStore::lockEntity(qint64 entityId) const
{
    // NO KEY UPDATE: other inserts referencing the entity (their FK check) are not blocked.
    db::query(m_db, QStringLiteral("SELECT 1 FROM legal_entities WHERE id = ? FOR NO KEY UPDATE"),
              {entityId});
}

qint64 BankAccountStore::firstOf(qint64 entityId) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT min(id) FROM bank_accounts WHERE "
                                           "legal_entity_id = ?"),
                            {entityId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool BankAccountStore::numberTaken(qint64 entityId, const QString &accountNumber) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT 1 FROM bank_accounts WHERE legal_entity_id = ? "
                                           "AND account_number = ?"),
                            {entityId, accountNumber});
    return q.next();
}

qint64 BankAccountStore::insert(const NewBankAccount &a) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("INSERT INTO bank_accounts (legal_entity_id, name, "
                                 "bank_name, account_number, currency, "
                                 "ledger_account_id) VALUES (?, ?, coalesce(?, ''), ?, ?, ?) "
                                 "RETURNING id"),
                  {a.entityId, a.name, a.bankName, a.accountNumber, a.currency, a.ledgerAccountId});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<BankAccountRow> BankAccountStore::account(qint64 id) const
{
    QSqlQuery q = db::query(m_db, kAccount + QStringLiteral("WHERE b.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return accountFrom(q);
}

QJsonArray BankAccountStore::accounts(qint64 entityId) const
{
    QSqlQuery q = db::query(
        m_db, kAccount + QStringLiteral("WHERE b.legal_entity_id = ? ORDER BY b.id"), {entityId});
    QJsonArray out;
    while (q.next())
        out.append(accountFrom(q).json);
    return out;
}

} // namespace keel
