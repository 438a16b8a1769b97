#pragma once

#include "ledger_store.h"
#include "money.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace keel {

struct Request;
class WorkflowService;

// One line of a posting. Exactly one of debit / credit is non-zero, in the transaction currency.
struct PostingLine
{
    QString role;          // the account by its role in the chart (posting rules) …
    QString accountNumber; // … or by number (manual journals)
    Money debit;
    Money credit;
    // The functional-currency amount when the caller already knows it (an expense converted at
    // its date, receivables carried at the invoice's rate); otherwise converted at the entry
    // date's rate.
    std::optional<Money> functional;
    qint64 projectId = 0, clientId = 0, practiceId = 0, employeeId = 0;
    QString memo;
};

struct Posting
{
    qint64 entityId = 0;
    QDate date;
    QString sourceType; // "vendor_bill", "expense_report", "invoice", …
    QString sourceId;
    QString purpose = QStringLiteral("post");
    QString description;
    QList<PostingLine> lines;
    qint64 createdBy = 0;
    qint64 approvedBy = 0;
    qint64 reversesId = 0;
};

struct PostingResult
{
    qint64 entryId = 0;
    bool created = false; // false: the event had been posted before; entryId is that entry
};

// The general ledger: charts, postings (exactly once per event, balanced, never into a
// hard-closed period), manual journals with approval and reversals. Reads: LedgerReports.
class LedgerService
{
public:
    explicit LedgerService(DbConfig config, const WorkflowService *workflow = nullptr)
        : m_store(std::move(config)), m_workflow(workflow)
    {}
    static void registerStateMachines();
    const LedgerStore &store() const { return m_store; }

    // Inside the caller's transaction (a savepoint of it). Creates the entity's chart from its
    // country's template on first use. 423 in a hard-closed period, 422 when a rate is missing
    // or the lines do not balance.
    PostingResult post(const Posting &posting) const;
    // The same rules as post() for many events at once (a month of invoices, the demo's
    // history): the entries in one statement and all their lines in another. Results in input
    // order; an event posted before (or twice in the batch) answers its first entry with
    // created = false. Any invalid posting fails the whole batch.
    QList<PostingResult> postMany(const QList<Posting> &postings) const;

    static QString templateForCountry(const QString &country);
    int createChart(qint64 entityId, const QString &templ) const;
    int ensureFiscalYear(qint64 entityId, int year) const; // the twelve monthly periods

    QJsonObject createChart(const Request &request, qint64 entityId, const QJsonObject &body) const;
    QJsonObject chart(const Request &request, qint64 entityId) const;
    QJsonObject entry(const Request &request, qint64 id) const;
    // A manual journal waits as "pending" for the workflow (document type journal_entry); with
    // no policy applying it posts at once.
    QJsonObject createManual(const Request &request, const QJsonObject &body) const;
    // The workflow's handlers, inside the deciding transaction.
    void manualApproved(const Request &request, qint64 id) const;
    void manualRejected(const Request &request, qint64 id, const QString &comment) const;
    QJsonObject reverse(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    struct ChartIndex
    {
        QHash<QString, qint64> byRole, byNumber;
    };
    ChartIndex chartIndex(qint64 entityId) const;
    QList<NewJournalLine> prepareLines(const LedgerEntity &entity, const Posting &posting) const;
    QList<NewJournalLine> prepareLines(const LedgerEntity &entity, const Posting &posting,
                                       const ChartIndex &chart) const;

    LedgerStore m_store;
    const WorkflowService *m_workflow; // manual journals only
};

} // namespace keel
