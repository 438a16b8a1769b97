#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace keel {

// What one run bills: the entity, its period, an optional client or contract, the run's row.
struct BillingRunScope
{
    qint64 runId = 0;
    qint64 legalEntityId = 0;
    QString entityCountry; // ISO alpha-2, for tax_rules
    qint64 userId = 0;     // created_by of the drafts
    QDate periodStart, periodEnd, invoiceDate;
    qint64 accountId = 0;  // 0: every client
    qint64 contractId = 0; // 0: every contract
};

struct BillingRunCounts
{
    int invoices = 0;
    int lines = 0;
    int exceptions = 0;
};

// The set-based statements of a billing run (server/billing/README.md "What a billing run
// bills"), run inside the caller's transaction on `db`: a handful of INSERT … SELECT statements
// over temporary tables (br_*, dropped at commit), never a statement per source. Takes the
// entity's advisory lock first, so a second run of the entity waits and then finds what the
// first billed in billing_sources; the unique index billing_sources_once is the guarantee.
class BillingRunEngine
{
public:
    using Progress = std::function<void(int percent, const QString &step)>;

    BillingRunEngine(QSqlDatabase db, BillingRunScope scope) : m_db(db), m_s(std::move(scope)) {}
    // Waits for the entity's advisory lock (until the transaction ends): first, so the caller
    // can check what may have changed while it waited (a period closed meanwhile).
    void lockEntity();
    BillingRunCounts bill(const Progress &progress);

private:
    void contracts();
    void timeCandidates();
    void caps();
    void retainerDrawdown();
    void timeLines();
    void otherLines();
    void invoices();
    void exceptions();
    void sources();
    void coveredByIssuedFees();
    BillingRunCounts counts();

    QSqlDatabase m_db;
    BillingRunScope m_s;
};

} // namespace keel
