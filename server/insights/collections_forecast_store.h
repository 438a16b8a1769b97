#pragma once

#include "collections_forecast_model.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace keel {

// SQL of the collections model (README "Collections"). An invoice's payment date is the
// amount-weighted date of its receipts' allocations (one receipt: the day it was paid in full);
// credit notes are not payments and do not count.

// Invoices fully paid by receipts allocated on or before `upTo`: the training history.
std::vector<CollectionsSample> collectionsPaidHistory(QSqlDatabase db, QDate upTo);

// Invoices issued by `upTo` of which nothing was paid by then though they were overdue: censored
// samples (CollectionsSample::censored, settleDelay = days overdue at `upTo`).
std::vector<CollectionsSample> collectionsUnpaidOverdue(QSqlDatabase db, QDate upTo);

// An invoice open at a backtest's cut-off and paid in full by receipts between the cut-off and
// `asOf`; `actualDelay` weighs only the allocations after the cut-off (the money that was open).
struct CollectionsBacktestCase
{
    qint64 accountId = 0;
    double amount = 0;
    int overdueDays = 0; // cut-off − due date
    bool partPaid = false;
    int actualDelay = 0;
};
std::vector<CollectionsBacktestCase> collectionsOpenAtCutoff(QSqlDatabase db, QDate cutoff,
                                                             QDate asOf);

// An open invoice of the scope now, with what it still owes in its currency and functionally.
struct CollectionsOpenInvoice
{
    qint64 id = 0, entityId = 0, accountId = 0;
    QString number, account, currency, openAmount, openFunctional;
    QDate dueDate;
    double total = 0;      // the amount band's feature
    bool partPaid = false; // a receipt already paid part of it
    int dunningLevel = 0;
};
QList<CollectionsOpenInvoice> collectionsOpenInvoices(QSqlDatabase db,
                                                      const QList<qint64> &entityIds);

// The open functional amounts converted into `currency` at the closing rate of `month` (the
// analytics rates: the latest known rate for the running month), per (week, entity) rounded to
// the currency's minor unit and split over its invoices by largest remainder, so the records of
// a week add up exactly to its figure. Minor units per invoice id.
struct CollectionsConversionRow
{
    qint64 invoiceId = 0, entityId = 0;
    int week = 0;
    QString openFunctional;
};
QHash<qint64, qint64> collectionsConvertedMinor(QSqlDatabase db, const QList<qint64> &entityIds,
                                                const QString &currency, QDate month,
                                                const QList<CollectionsConversionRow> &rows);

} // namespace keel
