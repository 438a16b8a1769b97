#pragma once

#include "invoice_store.h"

#include <QHash>

namespace keel {

// One line of an invoice's posted journal entry, by the role of its account.
struct PostedLine
{
    QString role;
    qint64 projectId = 0;
    bool debit = false;
    Money amount, functional;
};

struct NewCreditLine
{
    int lineNo = 0; // the credited line's number: how much of a line was credited is the sum
                    // of the credit note lines with its number
    qint64 contractLineId = 0, projectId = 0;
    QString description, quantity, unit, unitPrice, taxRate, timing;
    Money amount, tax;
};

struct NewCreditNote
{
    const InvoiceRow *invoice = nullptr;
    QDate date;
    QString reason;
    Money subtotal, tax, total, functionalTotal;
    qint64 createdBy = 0;
};

// SQL of credit notes.
class CreditNoteStore
{
public:
    // Net amount credited so far per line number of the invoice.
    static QHash<int, Money> creditedByLine(QSqlDatabase db, const InvoiceRow &invoice);
    static QList<PostedLine> postedLines(QSqlDatabase db, qint64 entryId, const QString &currency,
                                         const QString &functional);
    // Inserts the credit note as a draft with its lines, then gives it its number (lines of a
    // numbered document are frozen by the 0016 trigger). Returns its id.
    static qint64 insert(QSqlDatabase db, const NewCreditNote &note,
                         const QList<NewCreditLine> &lines, const QString &number);
    static void setJournalEntry(QSqlDatabase db, qint64 id, qint64 entryId);
    // The credit settles part of the invoice's receivable.
    static void applyToInvoice(QSqlDatabase db, qint64 invoiceId, const Money &amount,
                               const Money &functional, const QString &status);
    // Sources billed again by the next run; their time and expenses approved again.
    static int releaseSources(QSqlDatabase db, qint64 invoiceId, qint64 creditNoteId);
};

} // namespace keel
