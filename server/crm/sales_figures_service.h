#pragma once

// Sales figures (DESIGN.md section 8), computed in one place on the server and each drilling
// down to the records it sums:
//   weighted pipeline = Σ expected value × probability of open opportunities, by expected close
//                       month and currency (currencies are never mixed in one sum);
//   win rate          = won / (won + lost) by service line and by close month (open excluded);
//   bookings          = contract value signed in the period, by signature month, entity and
//                       currency;
//   sales cycle       = days from opportunity creation to close of won deals, by close month.
// Amounts are rounded once per figure (half away from zero, currency's minor unit). Rows are
// limited to the entities the caller's SalesUse grants cover (unscoped grants see all).

#include "sales_figures_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

class SalesFiguresService
{
public:
    explicit SalesFiguresService(DbConfig config) : m_store(std::move(config)) {}

    QJsonObject weightedPipeline(const Request &request) const;
    QJsonObject weightedPipelineRecords(const Request &request) const;
    QJsonObject winRateByServiceLine(const Request &request) const;
    QJsonObject winRateByPeriod(const Request &request) const;
    QJsonObject winRateRecords(const Request &request) const;
    QJsonObject bookings(const Request &request) const;
    QJsonObject bookingRecords(const Request &request) const;
    QJsonObject salesCycle(const Request &request) const;
    QJsonObject salesCycleRecords(const Request &request) const;

private:
    // Filters: entity, practice, service_line (code or "none"), from, to (YYYY-MM); drill-downs
    // also period (YYYY-MM, overrides from/to) and currency. Throws 422 / 403.
    SalesFiguresFilter filter(const Request &request, bool drillDown) const;

    SalesFiguresStore m_store;
};

} // namespace keel
