#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
namespace delivery {
class JsonArrayModel;
}
} // namespace keel

namespace keel::billing {

struct CreditNoteRequest;

// One invoice with its lines (GET /api/v1/billing/invoices/{id}) and what can be done to a
// draft: edit line descriptions (PATCH with the version read), hold a line to the next run,
// write a line down or off with a reason, approve, issue; and of an issued one: credit it in
// full or in part (credit_note.h). Every action reloads the invoice and
// says in changed() that the list's row is stale; failures come as the server's problem in
// words. Lines and a line's sources are table models for the views.
class InvoiceDetail : public QObject
{
    Q_OBJECT
public:
    // Columns of lines() and sources() (keys into the line / source JSON).
    enum LineColumn
    {
        LineNoColumn,
        LineKindColumn,
        LineDescriptionColumn,
        LineQuantityColumn,
        LineUnitPriceColumn,
        LineGrossColumn,
        LineWriteDownColumn,
        LineAmountColumn,
        LineTaxColumn
    };

    explicit InvoiceDetail(ApiClient *api, QObject *parent = nullptr);

    void load(const QString &invoiceId);
    void reload();
    void clear();
    QString invoiceId() const { return m_id; }
    QJsonObject invoice() const { return m_invoice; }
    bool isDraft() const;
    bool isLoaded() const { return !m_invoice.isEmpty(); }
    bool isBusy() const { return m_busy; }
    // Some line carries a write-down (pending, approved or rejected): the gross and write-down
    // columns say something only then.
    bool hasWriteDowns() const;
    QJsonObject line(int row) const;
    QString lineId(int row) const;
    int rowOfLine(const QString &lineId) const;

    delivery::JsonArrayModel *lines() const { return m_lines; }
    delivery::JsonArrayModel *sources() const { return m_sources; }
    // GET …/lines/{line}/sources: the time entries, expenses, milestones or schedule items.
    void loadSources(const QString &lineId);
    QString sourcesLineId() const { return m_sourcesLine; }
    QString sourcesSummary() const { return m_sourcesSummary; }

    // Draft actions. Each ends in changed() + reload, or actionFailed().
    void setLineDescription(const QString &lineId, const QString &description);
    // Whether the PDF carries an appendix of the time entries.
    void setShowTimeDetail(bool show);
    void holdLine(const QString &lineId);
    // `amount` is the write-down in the invoice currency, a decimal text ("120.00"); equal to
    // the line's gross amount it is a write-off. The reason is required.
    void writeDown(const QString &lineId, const QString &amount, const QString &reason);
    void approve();
    void issue();
    // Issued or partially paid: a credit note, checked first (creditNoteFigures). Once the
    // invoice is read again, creditNoteIssued() and changed() say the note's number and the
    // invoice's new status and balance.
    void creditNote(const CreditNoteRequest &request);
    bool canCredit() const;
    // What each line has left to credit is known: at once for an invoice nothing was paid or
    // credited on, else once its credit notes are read (creditsKnown()).
    bool creditsKnown() const { return m_creditsKnown; }
    // The invoice with `left_to_credit` (money) on each line: its amount less the credit note
    // lines with its number. For the credit note dialog.
    QJsonObject invoiceForCredit() const;
    // The last credit note issued here (its JSON as answered, with invoice_status and
    // released_sources), empty before any.
    QJsonObject lastCreditNote() const { return m_lastCreditNote; }

    // A write-down amount checked before it is sent: empty when fine, else why not.
    QString checkWriteDown(const QString &lineId, const QString &amount,
                           const QString &reason) const;

signals:
    void loaded();
    void loadFailed(const QString &message);
    void sourcesLoaded(const QString &lineId);
    // An action went through; `message` says what happened, in words.
    void changed(const QString &invoiceId, const QString &message);
    void actionFailed(const QString &message);
    void busyChanged(bool busy);
    void creditNoteIssued(const QJsonObject &creditNote);
    void creditsLoaded();

private:
    void act(const QByteArray &method, const QString &path, const QJsonObject &body,
             const QString &doneMessage);
    void setBusy(bool busy);
    void takeInvoice(const QJsonObject &invoice);
    QString creditNoteMessage(const QJsonObject &note) const;
    void loadCredits();

    QPointer<ApiClient> m_api;
    QString m_id;
    QJsonObject m_invoice;
    delivery::JsonArrayModel *m_lines;
    delivery::JsonArrayModel *m_sources;
    QString m_sourcesLine;
    QString m_sourcesSummary;
    QJsonObject m_pendingCredit; // answered, shown once the invoice is read again
    QJsonObject m_lastCreditNote;
    QHash<int, QString> m_creditedByLine; // line_no -> credited so far (decimal text)
    bool m_creditsKnown = false;
    int m_generation = 0;
    bool m_busy = false;
};

} // namespace keel::billing
