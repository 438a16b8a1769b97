#pragma once

#include "fx_rate_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Exchange rates by day (fx_rates) and the group's settings (group_settings): the routes'
// rules. Writes are one transaction each and audited; conversions read rates through
// fx_rates.h.
class FxRateService
{
public:
    explicit FxRateService(DbConfig config) : m_store(std::move(config)) {}

    QJsonObject list(const Request &request) const;
    QJsonObject put(const Request &request, const QJsonObject &body) const;
    QJsonObject import(const Request &request) const; // text/csv, all or nothing
    QJsonObject rateOn(const Request &request) const;

    QJsonObject group() const;
    QJsonObject patchGroup(const Request &request, const QJsonObject &body) const;

private:
    FxRateStore m_store;
};

} // namespace keel
