#pragma once

#include "invoice_anomaly_store.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace keel {

// A median and MAD with the count behind them.
struct InvoiceAnomalyNorm
{
    double median = 0;
    double mad = 0;
    int n = 0;
};

// What scoring needs (the model's parameters): the z cut-off and minimum history chosen in
// training, the floors that keep a MAD of 0 (a rate that never changed) from flagging any
// change at all, and the firm's norms per job role and currency ("role:currency").
struct InvoiceAnomalyParams
{
    double zCut = 5;
    int minN = 4;
    double rateFloor = 0.10;   // share of the median a rate's scale is at least
    double hoursFloor = 0.25;  // … an hourly line's hours
    double amountFloor = 0.25; // … an invoice's amount
    double linesFloor = 0.25;  // … an invoice's line count (and at least 1 line)
    QHash<QString, InvoiceAnomalyNorm> roleHours, roleRate;

    QJsonObject toJson() const;
    static InvoiceAnomalyParams fromJson(const QJsonObject &json);
};

struct InvoiceAnomalyFlag
{
    QString kind;
    qint64 lineId = 0; // 0: the invoice as a whole
    QString text;
    QString value;
    QJsonObject comparedWith;
    double z = 0; // statistical flags: the robust z that crossed the cut-off
};

struct InvoiceAnomalyScored
{
    InvoiceAnomalyInvoice invoice;
    std::vector<InvoiceAnomalyFlag> flags;
};

// The statistical flags of one invoice against its history (contract, else client, else the
// firm's role norms).
std::vector<InvoiceAnomalyFlag> invoiceAnomalyStatFlags(const InvoiceAnomalyInvoice &invoice,
                                                        const InvoiceAnomalyHistory &history,
                                                        const InvoiceAnomalyParams &params);

// The targets scored against the issued history dated before `historyBefore`, with the rule
// checks when `rules`; a handful of statements whatever the count.
std::vector<InvoiceAnomalyScored>
scoreInvoiceAnomalies(QSqlDatabase db, const InvoiceAnomalyTargets &targets, QDate historyBefore,
                      const InvoiceAnomalyParams &params, bool rules = true);

} // namespace keel
