#pragma once

#include "insights_table_model.h"

namespace keel::insights {

// The insights lists, each an InsightsTableModel over its route with its columns. `entity`
// empty = every entity the user may see.

// Open opportunities: deal, client, stage, owner, value, rep's and model's probability, both
// weighted values, expected close. At risk (model well below the rep) highlighted.
InsightsTableModel *makeDealsModel(ApiClient *api, const QString &entity, const QString &owner,
                                   QObject *parent = nullptr);
// Flagged projects (or every project with `all`), worst first as the server sorts them.
InsightsTableModel *makeProjectRiskModel(ApiClient *api, const QString &entity,
                                         const QString &manager, QObject *parent = nullptr);
// Draft invoices with at least one flag: number, client, total, flags, the first flag's words.
InsightsTableModel *makeFlaggedInvoicesModel(ApiClient *api, const QString &entity,
                                             QObject *parent = nullptr);
// Open invoices' expected payment; `week` (a Monday) narrows to that week's cash-in.
InsightsTableModel *makeCollectionsModel(ApiClient *api, const QString &entity, const QString &week,
                                         QObject *parent = nullptr);
// The records behind a forecast month's part (backlog, pipeline, run_rate).
InsightsTableModel *makeForecastRecordsModel(ApiClient *api, const QString &month,
                                             const QString &part, const QString &entity,
                                             QObject *parent = nullptr);

// Column indexes the views and tests rely on.
namespace DealColumn {
enum
{
    Deal,
    Client,
    Stage,
    Owner,
    Value,
    Rep,
    Model,
    WeightedRep,
    WeightedModel,
    Close
};
}
namespace ProjectColumn {
enum
{
    Severity,
    Project,
    Client,
    Manager,
    Target,
    Forecast,
    Expected,
    Spent,
    Complete
};
}
namespace InvoiceColumn {
enum
{
    Number,
    Client,
    Total,
    Flags,
    FirstFlag
};
}
namespace CollectionColumn {
enum
{
    Number,
    Client,
    Due,
    Open,
    WeekShare, // the invoice's share in the asked week (empty without a week)
    Expected,
    DaysLate,
    Late30
};
}
namespace RecordColumn {
enum
{
    Kind,
    Name,
    Client,
    Amount,
    Probability
};
}

// A forecast record's kind in words ("Contract", "Opportunity" …).
QString recordKindText(const QString &kind);

} // namespace keel::insights
