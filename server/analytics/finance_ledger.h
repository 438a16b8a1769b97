#pragma once

#include "metric_definition.h"

namespace keel::finance_ledger {

// Which accounts of analytics_ledger_month a finance metric reads, and which way they count.
struct LedgerAccounts
{
    QString role;              // ledger_accounts.role
    bool creditNormal = false; // credit − debit (revenue, deferred revenue); else debit − credit
    bool bankAccounts = false; // also every bank account's own ledger account (cash)
};

// Flows are sums over the months (average rates); balances are every month up to a month's end
// (closing rates of that month).
enum class LedgerKind
{
    Flow,
    Balance
};

// One point in the answer's currency: each (entity, month, key, key2) converted and rounded to
// the cent, then added (README "Currencies").
struct LedgerCell
{
    QString key, label, key2, label2;
    QString amount;
};

// Points of `by` (and `by2`) under the context's filter; `columns` are the dimensions the metric
// may be filtered by (sliceCondition). Rankings (practice, client, project) without by2 are
// ordered and limited as the filter says and leave out zeros.
QList<LedgerCell> ledgerCells(const MetricContext &c, const LedgerAccounts &accounts,
                              LedgerKind kind, const QStringList &columns, const QString &by,
                              const QString &by2);

// The figure and its points (months without a posting are 0.00).
MetricAnswer ledgerAnswer(const MetricContext &c, const LedgerAccounts &accounts, LedgerKind kind,
                          const QStringList &columns);

// A flow's records: the journal lines behind it, keyset-paged by line id.
RecordsPage flowRecords(const MetricContext &c, const LedgerAccounts &accounts,
                        const QStringList &columns);

// A balance's records at the end of filter.to: the balance per entity and project, client or
// ledger account (the journal lines since the first posting would be most of the ledger).
enum class BalanceGrouping
{
    Project,
    Client,
    LedgerAccount
};
RecordsPage balanceRecords(const MetricContext &c, const LedgerAccounts &accounts,
                           const QStringList &columns, BalanceGrouping grouping);

// Sums of decimal text, exactly; "0.00" for none.
QString addAmounts(const QStringList &amounts);

} // namespace keel::finance_ledger
