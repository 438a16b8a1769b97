#include "finance_metrics.h"

#include "analytics_catalogue.h"

namespace keel {

namespace finance_ledger {

// Role 'revenue' is 4000 only: intercompany revenue (4100) has its own role and is not the
// group's revenue; FX gains are not revenue either.
LedgerAccounts revenueAccounts()
{
    return {QStringLiteral("revenue"), true, false};
}

LedgerAccounts receivableAccounts()
{
    return {QStringLiteral("accounts_receivable"), false, false};
}

} // namespace finance_ledger

namespace {

using namespace finance_ledger;

const QStringList kProjectColumns{Dimension::Month,  Dimension::Entity,  Dimension::Practice,
                                  Dimension::Client, Dimension::Project, QStringLiteral("manager")};
const QStringList kProjectDimensions{Dimension::Month, Dimension::Entity, Dimension::Practice,
                                     Dimension::Client, Dimension::Project};

MetricDefinition ledgerMetric(const QString &name, const QString &title, const QString &description,
                              const LedgerAccounts &accounts, LedgerKind kind,
                              const QStringList &dimensions, const QStringList &columns,
                              BalanceGrouping grouping)
{
    MetricDefinition m;
    m.name = name;
    m.title = title;
    m.description = description;
    m.unit = MetricUnit::Money;
    m.dimensions = dimensions;
    m.facts = {QStringLiteral("ledger_month")};
    m.compute = [accounts, kind, columns](const MetricContext &c) {
        return ledgerAnswer(c, accounts, kind, columns);
    };
    m.records = [accounts, kind, columns, grouping](const MetricContext &c) {
        return kind == LedgerKind::Flow ? flowRecords(c, accounts, columns)
                                        : balanceRecords(c, accounts, columns, grouping);
    };
    return m;
}

} // namespace

QList<MetricDefinition> financeMetrics()
{
    return {
        ledgerMetric(QStringLiteral("revenue"), QStringLiteral("Revenue"),
                     QStringLiteral("Recognised revenue: credits less debits on the revenue "
                                    "account (intercompany revenue excluded), at average rates."),
                     revenueAccounts(), LedgerKind::Flow, kProjectDimensions, kProjectColumns,
                     BalanceGrouping::Project),
        ledgerMetric(QStringLiteral("unbilled"), QStringLiteral("Unbilled (WIP)"),
                     QStringLiteral("Recognised, not yet billed: the unbilled receivable's "
                                    "balance at each month end, at closing rates."),
                     {QStringLiteral("unbilled_receivable"), false, false}, LedgerKind::Balance,
                     kProjectDimensions, kProjectColumns, BalanceGrouping::Project),
        ledgerMetric(QStringLiteral("deferred_revenue"), QStringLiteral("Deferred revenue"),
                     QStringLiteral("Billed ahead of recognition: the deferred revenue balance "
                                    "at each month end, at closing rates."),
                     {QStringLiteral("deferred_revenue"), true, false}, LedgerKind::Balance,
                     kProjectDimensions, kProjectColumns, BalanceGrouping::Project),
        ledgerMetric(QStringLiteral("ar"), QStringLiteral("Receivables"),
                     QStringLiteral("The receivables account's balance at each month end (open "
                                    "invoices less unapplied cash), at closing rates."),
                     receivableAccounts(), LedgerKind::Balance,
                     {Dimension::Month, Dimension::Entity, Dimension::Client},
                     {Dimension::Month, Dimension::Entity, Dimension::Client},
                     BalanceGrouping::Client),
        financeArAgingMetric(),
        financeDsoMetric(),
        ledgerMetric(QStringLiteral("cash"), QStringLiteral("Cash"),
                     QStringLiteral("Bank balances at each month end (every bank account's "
                                    "ledger account), at closing rates."),
                     {QStringLiteral("bank"), false, true}, LedgerKind::Balance,
                     {Dimension::Month, Dimension::Entity}, {Dimension::Month, Dimension::Entity},
                     BalanceGrouping::LedgerAccount),
    };
}

// The ledger fact is the core's (ledger_month_fact.cpp), registered there.
QList<AnalyticsFact> financeFacts()
{
    return {};
}

} // namespace keel
