#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keel {

// One open foreign-currency item at a period's end, amounts as decimal text: the open amount
// in its own currency and the functional amount the books carry it at.
struct FxRevaluationItem
{
    QString kind;          // receivable, payable, bank
    qint64 documentId = 0; // invoice, vendor bill, bank account (the lowest of a shared account)
    QString reference;     // invoice number, vendor reference, bank account name
    QString currency;
    QString openAmount;
    QString carriedFunctional;
    // The party the ledger line is tagged with: the client (receivable), the vendor (payable),
    // or the bank's ledger account number (bank); partyName for people.
    qint64 partyId = 0;
    QString partyNumber;
    QString partyName;
    // Filled by the revaluation (and read back from fx_revaluation_items).
    QString rate, revaluedFunctional, difference;
};

struct FxRevaluationRow
{
    qint64 id = 0;
    qint64 entityId = 0;
    QDate periodStart;
    qint64 closeRunId = 0, entryId = 0, reversalEntryId = 0;
    bool superseded = false;
    int itemCount = 0;
    QString gain, loss; // functional, decimal text
    qint64 createdBy = 0;
    QDateTime createdAt;
};

// A posted line of a revaluation entry, to post its mirror.
struct FxRevaluationLedgerLine
{
    QString accountNumber, currency;
    QString debit, credit, functionalDebit, functionalCredit;
    qint64 clientId = 0, projectId = 0;
    QString memo;
};

// SQL of the FX revaluation, on the caller's connection.
class FxRevaluationStore
{
public:
    explicit FxRevaluationStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Serialises runs of one entity and period until the transaction ends.
    void lock(qint64 entityId, QDate periodStart) const;
    std::optional<FxRevaluationRow> current(qint64 entityId, QDate periodStart) const;
    int runCount(qint64 entityId, QDate periodStart) const; // superseded ones included
    void supersede(qint64 id) const;

    // Invoices with an open balance, approved vendor bills not paid, and bank balances, in a
    // currency other than `functional`, as they stood at the end of `periodEnd`.
    QList<FxRevaluationItem> openItems(qint64 entityId, const QString &functional,
                                       QDate periodEnd) const;

    qint64 insert(const FxRevaluationRow &row) const;
    void insertItems(qint64 revaluationId, const QList<FxRevaluationItem> &items) const;
    void setEntries(qint64 id, qint64 entryId, qint64 reversalEntryId) const;
    QList<FxRevaluationItem> items(qint64 revaluationId, const QString &kind,
                                   const QString &afterKind, qint64 afterDocument, int limit) const;

    QList<FxRevaluationLedgerLine> entryLines(qint64 entryId) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel
