#pragma once

#include "db/database.h"
#include "insights_trainer.h"

#include <QJsonObject>

namespace keel {

struct Request;

// The registry and the training runs behind the platform's routes (README.md, "Platform").
class InsightsPlatformService
{
public:
    explicit InsightsPlatformService(DbConfig config);

    QJsonObject models(const Request &request) const;
    // Queues (or joins) a run and, when this server could claim it, starts it here at once.
    QJsonObject requestTraining(const Request &request, const QJsonObject &body);
    QJsonObject trainingRun(const Request &request, qint64 id) const;
    QJsonObject trainingRuns(const Request &request) const;

    InsightsTrainer &trainer() { return m_trainer; }

private:
    QSqlDatabase db() const { return db::connection(m_config); }

    DbConfig m_config;
    InsightsTrainer m_trainer;
};

} // namespace keel
