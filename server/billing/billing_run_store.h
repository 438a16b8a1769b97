#pragma once

#include "billing_run_engine.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct BillingEntity
{
    qint64 id = 0;
    QString code, country;
};

struct BillingRunRow
{
    qint64 id = 0;
    QString entityCode;
    QString status;
    QJsonObject json; // as answered (server/billing/README.md "Run JSON")
};

// SQL of the billing_runs rows (the run's own work is billing_run_engine's).
namespace billing_run_store {

std::optional<BillingEntity> entity(QSqlDatabase db, qint64 id);
// accounting_periods status of the month of `date` ("open" without a row).
QString periodStatus(QSqlDatabase db, qint64 entityId, QDate date);
bool accountOfEntity(QSqlDatabase db, qint64 accountId, qint64 entityId);
bool contractOfEntity(QSqlDatabase db, qint64 contractId, qint64 entityId);

qint64 insert(QSqlDatabase db, const BillingRunScope &scope);
// A queued run's scope as its worker needs it, with its status and who started it.
struct QueuedRun
{
    BillingRunScope scope;
    QString status;
    QString userName;
};
std::optional<QueuedRun> queued(QSqlDatabase db, qint64 id);
std::optional<BillingRunRow> run(QSqlDatabase db, qint64 id);
// Newest first; `entities` are codes ("*" = all), entityId 0 = any of them.
QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, qint64 after,
                int limit);

void progress(QSqlDatabase db, qint64 id, int percent, const QString &step);
void completed(QSqlDatabase db, qint64 id, const BillingRunCounts &counts);
void failed(QSqlDatabase db, qint64 id, const QString &error);

} // namespace billing_run_store
} // namespace keel
