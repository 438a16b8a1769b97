#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct RevenueEntity
{
    qint64 id = 0;
    QString code, functionalCurrency;
};

struct RevenueRunRow
{
    qint64 id = 0, entityId = 0, createdBy = 0;
    QString entityCode, status, userName;
    QDate periodStart;
    QJsonObject json; // as answered (server/revenue/README.md "Recognition run")
};

// SQL of the revenue_runs rows (the run's own work is revenue_run_engine's).
namespace revenue_run_store {

std::optional<RevenueEntity> entity(QSqlDatabase db, qint64 id);
// accounting_periods status of the month of `date` ("open" without a row).
QString periodStatus(QSqlDatabase db, qint64 entityId, QDate date);

qint64 insert(QSqlDatabase db, qint64 entityId, QDate periodStart, qint64 userId);
std::optional<RevenueRunRow> run(QSqlDatabase db, qint64 id);
// The entity's runs still 'running', oldest first.
QList<RevenueRunRow> running(QSqlDatabase db, qint64 entityId);
// Newest first; `entities` are codes ("*" = all), entityId 0 = any of them, period invalid =
// any period.
QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, QDate period,
                qint64 after, int limit);

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step);
void completed(QSqlDatabase db, qint64 id, int obligations, int entries, const QString &revenue,
               const QString &lossProvision);
void failed(QSqlDatabase db, qint64 id, const QString &error);

} // namespace revenue_run_store
} // namespace keel
