#pragma once

#include "db/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace keel {

struct StatementLine
{
    QDate date;
    QString kind; // invoice, credit_note, receipt
    qint64 id = 0;
    QString reference; // number or receipt reference
    QString detail;
    QDate dueDate;
    QString debit, credit; // numeric text
};

// SQL for client statements: one client, one currency, one entity.
class StatementStore
{
public:
    explicit StatementStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<std::pair<QString, QString>> client(qint64 accountId) const; // name, currency
    // Invoices less credit notes less receipts dated before `from`.
    QString openingBalance(qint64 entityId, qint64 accountId, const QString &currency,
                           QDate from) const;
    QList<StatementLine> lines(qint64 entityId, qint64 accountId, const QString &currency,
                               QDate from, QDate to) const;

private:
    DbConfig m_config;
};

} // namespace keel
