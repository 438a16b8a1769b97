#pragma once

#include "executive_forecast_params.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

// The executive forecast's SQL (README "Executive forecast"). Every amount is computed in SQL
// numeric in the answer's currency: a record is rounded to the cent once, a month's part is the
// sum of its records, so the records' total equals the figure exactly.
namespace executive_forecast_store {

struct Inputs
{
    QList<qint64> entityIds;
    QString currency; // the answer's
    QDate firstMonth; // the current month; twelve months from it
    ExecutiveForecastFit fit;
    QHash<qint64, QString> modelProbability; // opportunity → "0.6312" (the scoring model's)
};

struct MonthRow
{
    QDate month;
    QString backlog, pipeline, runRate, expected, p10, p90;
    QString requiredHours, availableHours;
    bool capacityOk = true;
};

struct CapacityRow
{
    QDate month;
    QString role, roleName, required, available, shortfall;
};

struct Record
{
    QString kind; // contract | opportunity
    qint64 id = 0;
    QString name, account, amount, probability; // probability empty for contracts
};

// The twelve months (backlog, pipeline, run-rate, expected, P10/P90, hours) and the roles short
// of people (required > available) in any of them.
QList<MonthRow> months(QSqlDatabase db, const Inputs &in, QList<CapacityRow> &shortfalls);

// The records behind one month's part (backlog | pipeline | run_rate), largest first; `total`
// is their sum.
QList<Record> records(QSqlDatabase db, const Inputs &in, QDate month, const QString &part,
                      QString &total);

} // namespace executive_forecast_store
} // namespace keel
