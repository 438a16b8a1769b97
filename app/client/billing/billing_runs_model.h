#pragma once

#include "paged_list_model.h"

namespace keel::billing {

// The billing runs of an entity, newest first (GET /api/v1/billing/runs, keyset paged): when,
// for which month and scope, how it went, what it made.
class BillingRunsModel : public sales::PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        RunColumn,
        PeriodColumn,
        ScopeColumn,
        StatusColumn,
        InvoicesColumn,
        LinesColumn,
        ExceptionsColumn,
        TotalsColumn,
        StartedColumn
    };

    explicit BillingRunsModel(ApiClient *api, QObject *parent = nullptr);

    void setLegalEntity(const QString &id) { setFilter(QStringLiteral("legal_entity_id"), id); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "All clients", "One client", "One contract".
    static QString scopeText(const QJsonObject &run);
    // The run's totals by currency: "EUR 12,400.00 · USD 3,100.00".
    static QString totalsText(const QJsonObject &run);
};

} // namespace keel::billing
