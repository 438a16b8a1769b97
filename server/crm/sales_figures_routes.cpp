#include "sales_figures_routes.h"

#include "http/router.h"
#include "permissions.h"
#include "sales_figures_service.h"

#include <memory>

namespace keel {

void registerSalesFiguresRoutes(Router &router, const DbConfig &database)
{
    using Permission::SalesUse;
    const auto s = std::make_shared<SalesFiguresService>(database);
    const QString base = QStringLiteral("/api/v1/crm/figures");
    using Method = QJsonObject (SalesFiguresService::*)(const Request &) const;
    const auto add = [&](const QString &path, const char *summary, Method method) {
        router.add({"GET", base + path, SalesUse, Scope::LegalEntity, QString::fromUtf8(summary),
                    [s, method](Request &r) { return Reply::json(((*s).*method)(r)); }});
    };
    add(QStringLiteral("/weighted-pipeline"),
        "Weighted pipeline of open opportunities by expected close month and currency",
        &SalesFiguresService::weightedPipeline);
    add(QStringLiteral("/weighted-pipeline/records"),
        "The open opportunities the weighted pipeline sums",
        &SalesFiguresService::weightedPipelineRecords);
    add(QStringLiteral("/win-rate/by-service-line"),
        "Win rate (won / (won + lost)) by service line",
        &SalesFiguresService::winRateByServiceLine);
    add(QStringLiteral("/win-rate/by-period"), "Win rate (won / (won + lost)) by close month",
        &SalesFiguresService::winRateByPeriod);
    add(QStringLiteral("/win-rate/records"), "The won and lost opportunities a win rate counts",
        &SalesFiguresService::winRateRecords);
    add(QStringLiteral("/bookings"),
        "Bookings: contract value signed, by signature month, entity and currency",
        &SalesFiguresService::bookings);
    add(QStringLiteral("/bookings/records"), "The signed contracts the bookings sum",
        &SalesFiguresService::bookingRecords);
    add(QStringLiteral("/sales-cycle"),
        "Average days from opportunity creation to close of won deals, by close month",
        &SalesFiguresService::salesCycle);
    add(QStringLiteral("/sales-cycle/records"), "The won opportunities the sales cycle averages",
        &SalesFiguresService::salesCycleRecords);
}

} // namespace keel
