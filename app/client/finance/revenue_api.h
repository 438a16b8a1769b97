#pragma once

#include <QDate>
#include <QString>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel
namespace keel::sales {
class PagedListModel;
}

class QObject;

namespace keel::finance {

// The revenue routes the Revenue tab calls (server/revenue/README.md): schedules, the
// forecast and recognition runs. Months are "YYYY-MM".
class RevenueApi
{
public:
    explicit RevenueApi(ApiClient *api) : m_api(api) {}

    static QString month(QDate d)
    {
        return d.isValid() ? d.toString(QStringLiteral("yyyy-MM")) : QString();
    }
    static QString schedulePath(const QString &contract);
    // `entity` empty for the whole firm; in the group currency or each entity's own.
    static QString forecastPath(const QString &entity, QDate from, QDate to, bool groupCurrency);
    // The contracts behind one month of the forecast (keyset-paged).
    static QString forecastContractsPath(const QString &month, const QString &entity,
                                         bool groupCurrency);
    static QString runsPath();
    ApiReply *startRun(const QString &entity, QDate period) const;
    ApiReply *run(const QString &id) const;

private:
    ApiClient *m_api;
};

// The entity's contracts to pick from (GET /billing/contracts: finance reads them there),
// searched on the server by number, title or client (setFilter("q", …)), a page at a time.
sales::PagedListModel *revenueContractsModel(ApiClient *api, QObject *parent);
// The contracts behind a forecast month with their actual and forecast revenue in it.
sales::PagedListModel *revenueMonthContractsModel(ApiClient *api, QObject *parent);

} // namespace keel::finance
