#pragma once

#include "db/database.h"
#include "money.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace keel {

// One invoice or credit note as stored (0016_billing.sql), with what its JSON and PDF show.
struct InvoiceRow
{
    qint64 id = 0, entityId = 0, accountId = 0, contractId = 0, projectId = 0, runId = 0;
    QString entity, entityName, entityCountry, functionalCurrency;
    QString accountName, accountCountry, contractNumber;
    QString kind, status, number;
    qint64 creditsInvoiceId = 0;
    QDate periodStart, periodEnd, invoiceDate, dueDate;
    QString currency, taxCode, taxKind, taxNote;
    Money subtotal, taxTotal, total, amountPaid;
    QString fxRate;        // empty until issued
    Money functionalTotal; // invalid until issued
    bool showTimeDetail = false;
    QString notes;
    int dunningLevel = 0;
    int paymentTermsDays = 30;
    qint64 approvalRequestId = 0, journalEntryId = 0, createdBy = 0;
    QString approvalStatus, approvalRole; // of approval_request_id; empty when none
    int version = 0;
};

struct InvoiceLineRow
{
    qint64 id = 0, invoiceId = 0, contractLineId = 0, projectId = 0;
    int lineNo = 0;
    QString kind, projectName, description, quantity, unit, unitPrice;
    Money gross, writeDown, amount, taxAmount;
    QString writeDownReason, writeDownStatus;
    qint64 writeDownRequestId = 0;
    QString taxRate; // percent
    QString timing;  // arrears | ahead
    QDate serviceStart, serviceEnd;
    int sourceCount = 0;
};

struct InvoiceFilter
{
    QStringList entities; // codes the caller may see; "*" = all
    qint64 entityId = 0, accountId = 0, runId = 0;
    QString status, kind, q;
    QDate from, to; // invoice date
    qint64 after = 0;
    int limit = 50;
};

// A time entry behind an invoice line (the PDF's appendix).
struct TimeDetailRow
{
    QDate date;
    QString person, project, notes, hours;
};

// SQL of invoices and credit notes. Reads and writes go through the connection given, so the
// batch entry points work inside their caller's transaction.
class InvoiceStore
{
public:
    explicit InvoiceStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }
    const DbConfig &config() const { return m_config; }

    std::optional<InvoiceRow> invoice(QSqlDatabase db, qint64 id, bool lock) const;
    // Locked FOR UPDATE in id order (no deadlock between two batches of the same invoices).
    QList<InvoiceRow> invoices(QSqlDatabase db, const QList<qint64> &ids, bool lock) const;
    QList<InvoiceRow> list(QSqlDatabase db, const InvoiceFilter &f) const;
    QList<InvoiceLineRow> lines(QSqlDatabase db, qint64 invoiceId) const;
    std::optional<InvoiceLineRow> line(QSqlDatabase db, qint64 invoiceId, qint64 lineId) const;
    std::optional<InvoiceLineRow> lineById(QSqlDatabase db, qint64 lineId) const;
    QJsonArray sources(QSqlDatabase db, qint64 lineId) const;
    QList<TimeDetailRow> timeDetail(QSqlDatabase db, qint64 invoiceId) const;
    // How many lines of the invoice wait for a write-down decision.
    int pendingWriteDowns(QSqlDatabase db, qint64 invoiceId) const;

    void updateHeader(QSqlDatabase db, qint64 id, const QString &notes, bool showTimeDetail,
                      QDate invoiceDate, QDate dueDate) const;
    void updateLineDescription(QSqlDatabase db, qint64 lineId, const QString &text) const;
    // Deletes the line; its billing_sources rows go with it (ON DELETE CASCADE), so the next
    // run bills them again.
    void deleteLine(QSqlDatabase db, qint64 lineId) const;
    // subtotal, tax and total from the lines; version + 1.
    void recomputeTotals(QSqlDatabase db, qint64 id) const;
    void touch(QSqlDatabase db, qint64 id) const; // version + 1
    void setWriteDown(QSqlDatabase db, qint64 lineId, const Money &writeDown, const QString &reason,
                      const QString &status, qint64 requestId) const;
    void setWriteDownStatus(QSqlDatabase db, qint64 lineId, const QString &status,
                            const Money &amount, const Money &tax) const;
    void setStatus(QSqlDatabase db, qint64 id, const QString &status, qint64 approvedBy,
                   qint64 approvalRequestId) const;

private:
    DbConfig m_config;
};

// Tax of one line: amount × rate / 100, rounded half away from zero at the minor unit.
Money lineTax(const Money &amount, const QString &ratePercent);

} // namespace keel
