#pragma once

#include "db/database.h"
#include "money.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace keel {

struct NewStatementLine
{
    QDate date;
    Money amount;
    QString reference, counterparty;
    QString hash;
};

struct StatementLineRow
{
    qint64 id = 0;
    qint64 bankAccountId = 0;
    QDate date;
    Money amount;
    QString reference;
    QString status;
    qint64 receiptId = 0, paymentId = 0, journalEntryId = 0;
    int version = 0;
    QJsonObject json;
};

// What a statement line may be matched to, as the match needs it.
struct MatchTarget
{
    qint64 id = 0;
    qint64 entityId = 0;
    qint64 bankAccountId = 0; // receipts and payments
    qint64 partyId = 0;       // the invoice's client, the bill's vendor
    QString status;           // invoices and bills
    Money amount;             // receipt / payment amount; open balance of an invoice or bill
    bool matched = false;     // a receipt or payment already on a statement line
};

// SQL for statement imports, lines, their matching and suggestions, on the caller's connection.
class BankStatementStore
{
public:
    explicit BankStatementStore(QSqlDatabase db) : m_db(std::move(db)) {}

    qint64 insertImport(qint64 bankAccountId, const QString &fileName, qint64 userId) const;
    // Lines not imported before (by hash); returns how many were new.
    int insertLines(qint64 bankAccountId, qint64 importId,
                    const QList<NewStatementLine> &lines) const;
    void setImportCounts(qint64 importId, int imported, int duplicates) const;

    QJsonArray lines(qint64 bankAccountId, const QString &status, QDate from, QDate to,
                     qint64 after, int limit) const;
    std::optional<StatementLineRow> line(qint64 id, bool lock) const;
    void setMatched(qint64 id, qint64 receiptId, qint64 paymentId, qint64 journalEntryId,
                    qint64 userId) const;
    // ignored, or unmatched with its links cleared.
    void setStatus(qint64 id, const QString &status) const;

    std::optional<MatchTarget> receipt(qint64 id) const;
    std::optional<MatchTarget> payment(qint64 id) const;
    std::optional<MatchTarget> invoice(qint64 id) const;
    std::optional<MatchTarget> bill(qint64 id) const;

    // Ranked candidates for a line (see BankStatementService::suggestions).
    QJsonArray suggestions(const StatementLineRow &line, qint64 entityId) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
