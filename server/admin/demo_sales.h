#pragma once

#include <QDate>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace keel {

struct DemoSalesCounts
{
    int accounts = 0;
    int contacts = 0;
    int leads = 0;
    int opportunities = 0;
    int quotes = 0;
    int contracts = 0;
    int changeOrders = 0;
    int projects = 0;
};

// The demo firm's "today": the history runs up to it, the open pipeline closes after it. Fixed,
// so that the same scale gives the same rows whatever day the firm is loaded.
QDate demoAsOf();

// Clients (accounts) per unit of scale.
inline constexpr int DemoAccountsPerScale = 250;

// The sales history of the demo firm (DESIGN.md section 9, issue 3 "Demo firm"), loaded into
// the caller's open transaction after the legal entities, practices and users: job-role cost
// rates and rate cards (a 2025 and a 2026 card per entity and currency), the service catalogue,
// ~250 × scale clients with contacts, activities, parent/child groups and a few client rate
// overrides, two years of leads and opportunities (won, lost with reasons and competitors, and
// an open pipeline) with their stage history, versioned quotes priced by keel::pricing (with
// approval requests where the demo policies require them), contracts of every billing model
// for the won deals (numbered SOW-<entity>-<year>-NNNN, counters advanced), change orders, and
// the projects the handover creates (header, budget baseline by role, milestones, billing rules,
// resource requests; no phases or tasks).
//
// Bulk rows go in with COPY; ids are taken from the tables' identity sequences up front and
// the sequences are advanced past them. Deterministic for a given scale in a fresh database.
// `progress` gets percentages between `fromPercent` and `toPercent`.
bool loadDemoSales(QSqlDatabase &db, int scale, int fromPercent, int toPercent,
                   const std::function<void(int percent, const QString &step)> &progress,
                   DemoSalesCounts *counts, QString *error);

} // namespace keel
