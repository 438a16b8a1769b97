#pragma once

#include "money.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace keel::billing {

// What finance asks of POST /api/v1/billing/invoices/{id}/credit-note.
struct CreditNoteRequest
{
    bool full = true;
    // Full credit only: the billed time entries and expenses go back to the next billing run.
    bool releaseSources = false;
    // Partial credit: per invoice line id, the net amount to credit as typed ("120.00"); an
    // empty or zero amount leaves the line alone.
    QList<QPair<QString, QString>> lines;
    QString reason;
};

// The credit note's exact figures as the server will compute them (tax per line at the line's
// rate, rounded half away from zero), or why the server would refuse it.
struct CreditNoteFigures
{
    Money net, tax, total;
    // Crediting the whole open balance of an unpaid invoice voids it.
    bool voids = false;
    QString problem; // empty: fine
};

// An issued or partially paid invoice (not a credit note) can be credited.
bool canCredit(const QJsonObject &invoice);
// A full credit needs nothing paid or credited on the invoice yet.
bool canCreditInFull(const QJsonObject &invoice);
// The net amount of an invoice line, exact.
Money lineAmount(const QJsonObject &line, const QString &currency);
// What a line has left to credit: its `left_to_credit` when the invoice carries it
// (InvoiceDetail::invoiceForCredit), else its amount.
Money leftToCredit(const QJsonObject &line, const QString &currency);
// The tax of `net` at a line's rate ("20.0000" percent), as the server rounds it.
Money lineTax(const Money &net, const QString &ratePercent);
// Checks the request against the invoice (with its lines) the server sent last.
CreditNoteFigures creditNoteFigures(const QJsonObject &invoice, const CreditNoteRequest &request);
// The request body; only for a request creditNoteFigures() found fine.
QJsonObject creditNoteBody(const QJsonObject &invoice, const CreditNoteRequest &request);

} // namespace keel::billing
