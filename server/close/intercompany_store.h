#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

// Approved time of one employee on one project of another entity in a period (decimal text).
struct IntercompanyTimeTotal
{
    qint64 employeeId = 0, projectId = 0;
    qint64 employingEntityId = 0, contractingEntityId = 0;
    QString currency;
    QString hours, cost;
};

// A row of intercompany_charges: what has been charged so far (decimal text).
struct IntercompanyChargeRow
{
    qint64 id = 0;
    qint64 employeeId = 0, projectId = 0;
    qint64 employingEntityId = 0, contractingEntityId = 0;
    QString currency;
    QString hours, cost, markup, amount;
    qint64 employingEntryId = 0;
};

// Per pair of entities and transaction currency: the balance of the employing entity's due-from
// lines and the contracting entity's due-to lines that intercompany charges posted up to a date
// (transaction and functional currency, natural sign), and what was charged in the period.
struct IntercompanyPairBalance
{
    qint64 employingEntityId = 0, contractingEntityId = 0;
    QString currency;
    QString dueFrom, dueFromFunctional;
    QString dueTo, dueToFunctional;
    QString chargedInPeriod;
};

// SQL of the intercompany charges and their reconciliation.
namespace intercompany_store {

// Serialises the charging of one period: a run for the employing and one for the contracting
// entity of the same time must not both see it uncharged.
void lockPeriod(QSqlDatabase db, QDate periodStart);
QString markup(QSqlDatabase db);
QHash<qint64, QString> functionalCurrencies(QSqlDatabase db);
QHash<qint64, QString> entityCodes(QSqlDatabase db);
QString groupCurrency(QSqlDatabase db);
bool entityExists(QSqlDatabase db, qint64 entityId);
QString userName(QSqlDatabase db, qint64 userId);

QList<IntercompanyTimeTotal> timeTotals(QSqlDatabase db, qint64 entityId, QDate from, QDate to);
// The period's rows where the entity is either side, locked.
QList<IntercompanyChargeRow> chargesForUpdate(QSqlDatabase db, qint64 entityId, QDate periodStart);
// Inserts or updates the rows (one statement); their ids keyed by (employee, project).
QHash<std::pair<qint64, qint64>, qint64> upsert(QSqlDatabase db, QDate periodStart,
                                                const QList<IntercompanyChargeRow> &rows,
                                                qint64 closeRunId);
void setEntries(QSqlDatabase db, const QList<qint64> &ids, const QList<qint64> &employing,
                const QList<qint64> &contracting);

QList<IntercompanyPairBalance> pairBalances(QSqlDatabase db, QDate periodStart, QDate asOf);

} // namespace intercompany_store

} // namespace keel
