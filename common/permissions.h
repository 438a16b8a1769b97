#pragma once

#include <QString>
#include <QStringList>

namespace keel {

// Permission names. Each server route declares one of these; the roles that hold a permission
// are listed in one table (permissionsOfRole), shared so the client can show only what a user
// may use.
namespace Permission {
inline constexpr auto Public = "public";               // no session needed
inline constexpr auto Authenticated = "authenticated"; // any signed-in user
inline constexpr auto UsersManage = "users.manage";
inline constexpr auto AuditRead = "audit.read";
inline constexpr auto IdentityRead = "identity.read";
inline constexpr auto SalesUse = "sales.use";
inline constexpr auto DeliveryUse = "delivery.use";
inline constexpr auto ResourcingUse = "resourcing.use";
inline constexpr auto TimeUse = "time.use";
inline constexpr auto BillingUse = "billing.use";
inline constexpr auto FinanceUse = "finance.use";
inline constexpr auto DashboardsUse = "dashboards.use";
inline constexpr auto InsightsUse = "insights.use";
inline constexpr auto WorkflowManage = "workflow.manage";   // approval policies
inline constexpr auto CatalogueManage = "catalogue.manage"; // service lines, offerings, stages
inline constexpr auto RateCardsManage = "ratecards.manage";
inline constexpr auto TimeApprove = "time.approve";         // a PM approves their projects' time
inline constexpr auto TimeOversee = "time.oversee";         // missing-time lists across people
inline constexpr auto ExpensesApprove = "expenses.approve"; // manager and finance steps
inline constexpr auto PayablesManage = "payables.manage";   // vendors, agreements, vendor bills
inline constexpr auto LedgerPost = "ledger.post"; // manual journals: propose, approve, reverse
inline constexpr auto BillingManage = "billing.manage"; // runs, drafts, issue, credit notes
// receipts, allocations, collections, vendor payments, bank accounts and reconciliation
inline constexpr auto CashManage = "cash.manage";
inline constexpr auto RevenueManage = "revenue.manage"; // recognition runs, obligation methods
inline constexpr auto FxManage = "fx.manage";           // exchange rates, group settings
// month-end close: checks, runs, sign-off, soft close, reopen requests
inline constexpr auto CloseManage = "close.manage";
inline constexpr auto CloseApprove = "close.approve"; // hard close; approving a reopen
} // namespace Permission

// Which rows a route may touch for the caller.
namespace Scope {
inline constexpr auto None = "none"; // no rows (public or session-only routes)
inline constexpr auto Own = "own";   // the caller's own records
inline constexpr auto MyProjects = "my_projects";
inline constexpr auto MyTeam = "my_team";
inline constexpr auto LegalEntity = "legal_entity"; // entities the caller's grant covers
inline constexpr auto All = "all";
} // namespace Scope

QStringList permissionsOfRole(const QString &role);
QStringList permissionsOfRoles(const QStringList &roles);
bool rolesGrant(const QStringList &roles, const QString &permission);

} // namespace keel
