#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// GET /api/v1/insights/invoice-anomalies: parameters, scope and the answer's JSON.
class InvoiceAnomalyService
{
public:
    explicit InvoiceAnomalyService(DbConfig config) : m_config(std::move(config)) {}

    QJsonObject list(const Request &request) const;

private:
    DbConfig m_config;
};

} // namespace keel
