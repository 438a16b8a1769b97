#pragma once

#include "db/database.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The reads of the FX revaluation for the routes: what the current revaluation of an entity's
// period holds, item by item.
class FxRevaluationService
{
public:
    explicit FxRevaluationService(DbConfig config) : m_config(std::move(config)) {}

    QJsonObject items(const Request &request, qint64 entityId, const QString &period) const;

private:
    DbConfig m_config;
};

} // namespace keel
