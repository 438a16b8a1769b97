#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel::insights_runs {

// A run as the claimer and the reaper see it.
struct InsightsRunRow
{
    qint64 id = 0;
    QString status;
    QStringList models;
    QString claimedBy;
    QString startedAt; // ISO 8601 with milliseconds, UTC; empty before the claim
    QJsonObject json;  // the route's answer (README.md, "Platform")
};

std::optional<InsightsRunRow> run(QSqlDatabase db, qint64 id);
QJsonArray latest(QSqlDatabase db, int limit);
QList<InsightsRunRow> running(QSqlDatabase db);

// Queues a run of `models`, or joins the one already queued or running (the unique partial
// index decides between concurrent requests). Returns the run's id.
qint64 queue(QSqlDatabase db, const QString &reason, const QStringList &models, qint64 requestedBy);
// The schedule's run: queued when no current model was trained within `hours` and no run was
// created within them either (a model that keeps failing is not retried every poll). 0 when
// nothing was queued.
qint64 queueIfStale(QSqlDatabase db, double hours, const QStringList &models);
// Takes the oldest queued run for `instance` (FOR UPDATE SKIP LOCKED); 0 when none is queued.
qint64 claim(QSqlDatabase db, const QString &instance);

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step);
void partialResult(QSqlDatabase db, qint64 id, const QJsonObject &result);
// completed, or failed with `error` when every model failed.
void finish(QSqlDatabase db, qint64 id, const QJsonObject &result, const QString &error);
void abandon(QSqlDatabase db, qint64 id);

// A run the demo load recorded as it trained, inside the load's transaction.
qint64 insertDemo(QSqlDatabase db, const QStringList &models);

} // namespace keel::insights_runs
