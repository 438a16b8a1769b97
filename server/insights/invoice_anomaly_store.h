#pragma once

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace keel {

// Which invoices are scored: the drafts of the entities (optionally one), or — for the
// training's threshold choice — the issued invoices dated in [issuedFrom, issuedTo).
struct InvoiceAnomalyTargets
{
    QList<qint64> entityIds;
    qint64 invoiceId = 0;
    bool drafts = true;
    QDate issuedFrom, issuedTo;
};

struct InvoiceAnomalyLine
{
    qint64 id = 0;
    int lineNo = 0;
    QString kind;
    qint64 roleId = 0;
    bool hourly = false; // unit 'hours' (time, retainer overage): has hours and a rate
    QString hoursText;   // quantity as stored ("40.00")
    QString rateText;    // unit_price as stored, to the cent
    double hours = 0;    // features, never answered as amounts
    double rate = 0;
};

struct InvoiceAnomalyInvoice
{
    qint64 id = 0;
    qint64 entityId = 0;
    qint64 accountId = 0;
    qint64 contractId = 0;
    QString number; // empty for drafts
    QString account;
    QString currency;
    QString totalText;    // total to the cent, exact
    QString measuredText; // net of time, expense and manual lines to the cent, exact
    double measured = 0;  // feature
    std::vector<InvoiceAnomalyLine> lines;
};

// Values of the issued history a target is compared with, keyed per contract or per client
// (account and currency), per job role for hourly lines.
struct InvoiceAnomalyHistory
{
    QHash<qint64, std::vector<double>> contractAmount, contractLines;
    QHash<QString, std::vector<double>> clientAmount, clientLines;           // "account:currency"
    QHash<QString, std::vector<double>> contractRoleHours, contractRoleRate; // "contract:role"
    QHash<QString, std::vector<double>> clientRoleHours, clientRoleRate; // "account:currency:role"
};

// A rule's hit on one line, with what it compared against (already phrased).
struct InvoiceAnomalyRuleHit
{
    qint64 invoiceId = 0;
    qint64 lineId = 0;
    QString kind; // duplicate_line | after_project_closed | rate_card_mismatch
    QString value;
    QJsonObject comparedWith;
    QString text;
};

// The targets with their lines, in id order (set-based: one statement).
std::vector<InvoiceAnomalyInvoice> invoiceAnomalyTargets(QSqlDatabase db,
                                                         const InvoiceAnomalyTargets &targets);

// The issued invoices dated before `before` of the targets' contracts and clients.
InvoiceAnomalyHistory invoiceAnomalyHistory(QSqlDatabase db,
                                            const std::vector<InvoiceAnomalyInvoice> &targets,
                                            QDate before);

// The rule checks over the targets: duplicate lines, time after its project closed, rates that
// differ from the billing rate chain (billing_rates.h), a few statements whatever the count.
std::vector<InvoiceAnomalyRuleHit>
invoiceAnomalyRuleHits(QSqlDatabase db, const std::vector<InvoiceAnomalyInvoice> &targets);

// The firm's norms per job role and currency over the issued history dated before `before`:
// hours per line and rates, as value lists.
struct InvoiceAnomalyRoleValues
{
    qint64 roleId = 0;
    QString currency;
    QString roleName;
    std::vector<double> hours, rates;
};
std::vector<InvoiceAnomalyRoleValues> invoiceAnomalyRoleValues(QSqlDatabase db, QDate before);

// Planted wrong drafts (insights_planted kind wrong_invoice) among the targets.
QHash<qint64, QString> invoiceAnomalyPlanted(QSqlDatabase db);

// The earliest period start of the drafts (the backtest's cut-off); invalid without drafts.
QDate invoiceAnomalyFirstDraftPeriod(QSqlDatabase db);

} // namespace keel
