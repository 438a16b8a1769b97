#include "permissions.h"

#include "roles.h"

#include <QHash>

namespace keel {

namespace {
const QHash<QString, QStringList> &table()
{
    using namespace Permission;
    static const QHash<QString, QStringList> t{
        {Role::Consultant, {TimeUse}},
        {Role::ProjectManager,
         {TimeUse, DeliveryUse, ResourcingUse, DashboardsUse, InsightsUse, TimeApprove, TimeOversee,
          ExpensesApprove, PayablesManage}},
        {Role::ResourceManager,
         {TimeUse, ResourcingUse, DeliveryUse, DashboardsUse, TimeOversee, ExpensesApprove}},
        {Role::Sales, {SalesUse, DashboardsUse, InsightsUse}},
        {Role::SalesDirector,
         {SalesUse, DashboardsUse, InsightsUse, CatalogueManage, RateCardsManage}},
        {Role::Finance,
         {TimeUse, BillingUse, FinanceUse, DashboardsUse, InsightsUse, IdentityRead,
          RateCardsManage, TimeOversee, ExpensesApprove, PayablesManage, LedgerPost, BillingManage,
          CashManage, RevenueManage, FxManage, CloseManage}},
        {Role::Controller,
         {BillingUse, FinanceUse, DashboardsUse, InsightsUse, AuditRead, IdentityRead, TimeOversee,
          PayablesManage, LedgerPost, BillingManage, CashManage, RevenueManage, FxManage,
          CloseManage, CloseApprove}},
        {Role::Executive,
         {SalesUse, DeliveryUse, ResourcingUse, BillingUse, FinanceUse, DashboardsUse, InsightsUse,
          IdentityRead, ExpensesApprove}},
        {Role::Admin, {UsersManage, AuditRead, IdentityRead, WorkflowManage, CatalogueManage}},
    };
    return t;
}
} // namespace

QStringList permissionsOfRole(const QString &role)
{
    return table().value(role);
}

QStringList permissionsOfRoles(const QStringList &roles)
{
    QStringList out;
    for (const QString &r : roles)
        for (const QString &p : permissionsOfRole(r))
            if (!out.contains(p))
                out.append(p);
    return out;
}

bool rolesGrant(const QStringList &roles, const QString &permission)
{
    if (permission == QLatin1String(Permission::Public) ||
        permission == QLatin1String(Permission::Authenticated))
        return true;
    for (const QString &r : roles)
        if (table().value(r).contains(permission))
            return true;
    return false;
}

} // namespace keel
