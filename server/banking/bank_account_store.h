#pragma once

#include "db/database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace keel {

struct BankAccountRow
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString entity; // code
    QString currency;
    QString functionalCurrency; // the entity's
    qint64 ledgerAccountId = 0;
    QString ledgerNumber;
    bool active = true;
    QJsonObject json;
};

struct NewBankAccount
{
    qint64 entityId = 0;
    QString name, bankName, accountNumber, currency;
    qint64 ledgerAccountId = 0;
};

// SQL for bank accounts, on the caller's connection.
class BankAccountStore
{
public:
    explicit BankAccountStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Serialises account creation per entity (the first one takes the 'bank' role account).
    void lockEntity(qint64 entityId) const;
    qint64 firstOf(qint64 entityId) const; // 0 when the entity has none
    bool numberTaken(qint64 entityId, const QString &accountNumber) const;
    qint64 insert(const NewBankAccount &a) const;
    std::optional<BankAccountRow> account(qint64 id) const;
    QJsonArray accounts(qint64 entityId) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
