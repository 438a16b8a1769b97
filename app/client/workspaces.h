#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace keel {

// A workspace is one area of the client (Sales, Time, Billing …). This is the one place
// that says which permission shows which workspace; the navigation only asks
// visibleWorkspaces().
struct Workspace
{
    QString id;                          // stable key, e.g. "time"
    QString permission;                  // keel::Permission name that shows it
    const char *titleSource = nullptr;   // untranslated, see title()
    const char *summarySource = nullptr; // untranslated, see summary()

    QString title() const;   // translated
    QString summary() const; // translated: what the workspace will offer
};

namespace WorkspaceId {
inline constexpr auto Sales = "sales";
inline constexpr auto Delivery = "delivery";
inline constexpr auto Resourcing = "resourcing";
inline constexpr auto Time = "time";
inline constexpr auto Billing = "billing";
inline constexpr auto Finance = "finance";
inline constexpr auto Dashboards = "dashboards";
inline constexpr auto Insights = "insights";
inline constexpr auto Admin = "admin";
inline constexpr auto Approvals = "approvals";
} // namespace WorkspaceId

// Every workspace, in navigation order.
const QList<Workspace> &allWorkspaces();

// The workspaces a user holding `permissions` may open, in navigation order.
QList<Workspace> visibleWorkspaces(const QStringList &permissions);
QStringList visibleWorkspaceIds(const QStringList &permissions);

// The approvals inbox: not a workspace of its own (it is no area of work and is not in
// allWorkspaces()), but a page every signed-in user reaches from the navigation's foot and the
// status bar (DESIGN.md section 5: every user has an inbox; permission Authenticated).
const Workspace &approvalsInbox();
bool approvalsInboxVisible(const QStringList &permissions);

} // namespace keel
