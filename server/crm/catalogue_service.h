#pragma once

// Service catalogue (service lines, offerings with their effort / milestone / billing template)
// and the configurable opportunity stage list.

#include "db/database.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace keel {

struct Request;

class CatalogueService
{
public:
    explicit CatalogueService(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    QJsonObject listStages(const Request &request) const;
    QJsonObject createStage(const Request &request, const QJsonObject &body) const;
    QJsonObject updateStage(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject listServiceLines(const Request &request) const;
    QJsonObject createServiceLine(const Request &request, const QJsonObject &body) const;

    QJsonObject listOfferings(const Request &request) const; // ?service_line=
    QJsonObject offering(qint64 id) const;                   // with effort and milestones
    QJsonObject createOffering(const Request &request, const QJsonObject &body) const;

private:
    DbConfig m_config;
};

} // namespace keel
