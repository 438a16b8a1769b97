#include "workspaces.h"

#include "permissions.h"

#include <QCoreApplication>

namespace keel {

QString Workspace::title() const
{
    return QCoreApplication::translate("keel::Workspace", titleSource);
}

QString Workspace::summary() const
{
    return QCoreApplication::translate("keel::Workspace", summarySource);
}

const QList<Workspace> &allWorkspaces()
{
    using namespace Permission;
    namespace W = WorkspaceId;
    static const QList<Workspace> list{
        {W::Sales, SalesUse, QT_TRANSLATE_NOOP("keel::Workspace", "Sales"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Leads, opportunities and the pipeline; quotes, rate cards and "
                           "contracts through to signature.")},
        {W::Delivery, DeliveryUse, QT_TRANSLATE_NOOP("keel::Workspace", "Delivery"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Projects, budgets, milestones and change requests, with burn and "
                           "forecast at a glance.")},
        {W::Resourcing, ResourcingUse, QT_TRANSLATE_NOOP("keel::Workspace", "Resourcing"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Staffing requests, skills, availability and utilisation across "
                           "practices.")},
        {W::Time, TimeUse, QT_TRANSLATE_NOOP("keel::Workspace", "Time & Expenses"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Your week's timesheet and expenses, also offline; submission and "
                           "approvals.")},
        {W::Billing, BillingUse, QT_TRANSLATE_NOOP("keel::Workspace", "Billing"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Billing runs, invoice drafts and approval, credit notes and "
                           "payments.")},
        {W::Finance, FinanceUse, QT_TRANSLATE_NOOP("keel::Workspace", "Finance & Close"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Ledger, revenue recognition, intercompany and the month-end "
                           "close checklist.")},
        {W::Dashboards, DashboardsUse, QT_TRANSLATE_NOOP("keel::Workspace", "Dashboards"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Utilisation, margin, backlog and cash figures for your scope.")},
        {W::Insights, InsightsUse, QT_TRANSLATE_NOOP("keel::Workspace", "Insights"),
         QT_TRANSLATE_NOOP("keel::Workspace",
                           "Deals and projects at risk, flagged drafts, cash-in and the "
                           "revenue forecast, explained and backtested.")},
        {W::Admin, UsersManage, QT_TRANSLATE_NOOP("keel::Workspace", "Administration"),
         QT_TRANSLATE_NOOP("keel::Workspace", "Users, roles, legal entities and the audit log.")},
    };
    return list;
}

const Workspace &approvalsInbox()
{
    static const Workspace inbox{
        WorkspaceId::Approvals, Permission::Authenticated,
        QT_TRANSLATE_NOOP("keel::Workspace", "Approvals"),
        QT_TRANSLATE_NOOP("keel::Workspace",
                          "Quotes, change orders and other documents waiting for your decision.")};
    return inbox;
}

bool approvalsInboxVisible(const QStringList &permissions)
{
    // Authenticated: anyone signed in (who always holds at least one permission).
    return !permissions.isEmpty() || permissions.contains(Permission::Authenticated);
}

QList<Workspace> visibleWorkspaces(const QStringList &permissions)
{
    QList<Workspace> out;
    for (const Workspace &w : allWorkspaces())
        if (permissions.contains(w.permission))
            out.append(w);
    return out;
}

QStringList visibleWorkspaceIds(const QStringList &permissions)
{
    QStringList ids;
    for (const Workspace &w : visibleWorkspaces(permissions))
        ids.append(w.id);
    return ids;
}

} // namespace keel
