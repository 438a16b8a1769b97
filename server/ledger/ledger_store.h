#pragma once

#include "db/database.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace keel {

struct LedgerEntity
{
    qint64 id = 0;
    QString code;
    QString country;
    QString functionalCurrency;
};

struct LedgerAccount
{
    qint64 id = 0;
    QString number;
    QString name;
    QString type;
    QString role;
};

struct NewJournalEntry
{
    qint64 entityId = 0;
    QDate date;
    QString sourceType;
    QString sourceId;
    QString purpose;
    QString description;
    QString status; // posted or pending
    qint64 reversesId = 0;
    QJsonArray proposedLines; // pending only
    qint64 createdBy = 0;
    qint64 approvedBy = 0;
};

// Amounts are decimal text at the currency's minor unit.
struct NewJournalLine
{
    int seq = 0;
    qint64 accountId = 0;
    QString currency;
    QString debit, credit;
    QString fxRate;
    QString functionalDebit, functionalCredit;
    qint64 projectId = 0, clientId = 0, practiceId = 0, employeeId = 0;
    QString memo;
};

struct EntryRow
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString entity;
    QDate date;
    QString status;
    QString sourceType, sourceId, purpose;
    QString description;
    qint64 createdBy = 0;
    int version = 0;
    QJsonArray proposedLines;
    QJsonObject json; // with lines
};

// One account's posted totals in functional currency (decimal text).
struct AccountTotal
{
    LedgerAccount account;
    QString debit, credit; // movements within the range
    QString opening;       // debit-positive balance before the range ("0" without a start)
};

// One posted line for the plain-text export.
struct ExportLine
{
    qint64 entryId = 0;
    QDate date;
    QString description, sourceType, sourceId;
    QString accountNumber, accountName, accountType;
    QString currency, amount; // transaction currency, signed (debit positive)
    QString functionalAmount; // signed
    QString fxRate;
};

// SQL for the chart, periods, journal entries and their reads.
class LedgerStore
{
public:
    explicit LedgerStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<LedgerEntity> entity(qint64 id) const;
    std::optional<LedgerEntity> entityByCode(const QString &code) const;
    int createChart(qint64 entityId, const QString &templ) const;
    bool hasChart(qint64 entityId) const;
    int ensurePeriods(qint64 entityId, QDate from, QDate to) const;
    QString periodStatus(qint64 entityId, QDate date) const; // "open" without a row
    QList<LedgerAccount> accounts(qint64 entityId) const;
    // An account added to the entity's chart (a second bank account's 1001 …) without a role;
    // std::nullopt when the number is taken.
    std::optional<qint64> insertAccount(qint64 entityId, const QString &number, const QString &name,
                                        const QString &type) const;
    // Whether a dimension row exists ("projects" / "employees") and belongs to the entity.
    bool dimensionOfEntity(const QString &table, qint64 id, qint64 entityId) const;

    // std::nullopt when (source_type, source_id, purpose) was posted before.
    std::optional<qint64> insertEntry(const NewJournalEntry &e) const;
    qint64 entryIdOf(const QString &sourceType, const QString &sourceId,
                     const QString &purpose) const;
    void insertLine(qint64 entryId, const NewJournalLine &l) const;
    // Set-based forms for batches: the entries in one statement, each new id in input order (0
    // where the event had been posted before, or earlier in the same batch) …
    QList<qint64> insertEntries(const QList<NewJournalEntry> &entries) const;
    // … and the lines of many entries in one statement.
    void insertLines(const QList<std::pair<qint64, NewJournalLine>> &lines) const;
    std::optional<EntryRow> entry(qint64 id, bool lock) const;
    void setStatus(qint64 id, const QString &status, qint64 approvedBy,
                   const QString &rejectionReason) const;
    qint64 reversalOf(qint64 id) const; // 0 when none

    QList<AccountTotal> totals(qint64 entityId, QDate from, QDate to) const;
    // As totals, with each account's opening balance before `from` (accounts with only an
    // opening balance included): the trial balance.
    QList<AccountTotal> balances(qint64 entityId, QDate from, QDate to) const;
    QJsonArray accountLines(qint64 accountId, QDate from, QDate to, qint64 after, int limit) const;
    std::optional<std::pair<LedgerAccount, qint64>> account(qint64 accountId) const;
    QList<ExportLine> exportLines(qint64 entityId, QDate from, QDate to) const;

private:
    DbConfig m_config;
};

} // namespace keel
