#pragma once

#include "paged_list_model.h"

namespace keel {
class ApiClient;
}

namespace keel::finance {

// Exchange rates by day (GET /fx/rates), keyset-paged as the view scrolls: filter by pair with
// setFilter("from_currency"/"to_currency") and by dates with "from"/"to". The rate column
// holds the server's text; the tab shows it through FxApi::rateText.
class FxRatesModel : public sales::PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        FromColumn,
        ToColumn,
        RateColumn,
        SourceColumn
    };
    explicit FxRatesModel(ApiClient *api, QObject *parent = nullptr);

    void setPair(const QString &from, const QString &to);
    void setDates(QDate from, QDate to);
    // The text shown in a cell (the rate as FxApi::rateText).
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace keel::finance
