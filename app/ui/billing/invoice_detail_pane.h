#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
namespace insights {
class InvoiceFlagsFetch;
}
} // namespace keel

namespace keel::billing {

class CreditNoteDialog;
class InvoiceDetail;
class InvoicePdfFetch;

// One invoice beside the grid: client, dates, totals and tax note; its lines (descriptions
// editable in place while it is a draft); the records behind the picked line (time entries
// with date, person, hours, rate and notes; expenses; milestones); and what can be done: hold
// the line, write it down or off, approve, issue, preview the PDF; credit an issued invoice.
class InvoiceDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit InvoiceDetailPane(Session *session, QWidget *parent = nullptr);

    void showInvoice(const QString &invoiceId);
    // The insights' flags of the shown draft as sentences; "" when it has none.
    QString insightFlagsText() const;
    InvoiceDetail *detail() const { return m_detail; }
    QTableView *linesView() const { return m_lines; }
    QTableView *sourcesView() const { return m_sources; }
    QString headerText() const;
    QString message() const;

    // The buttons' actions for the current line, without dialogs.
    QString currentLineId() const;
    void selectLine(int row);
    void holdCurrentLine();
    void writeDownCurrentLine(const QString &amount, const QString &reason);
    void previewPdf();
    // "Credit note…": opens the dialog (window-modal, not blocking); accepted, it credits the
    // invoice. Null when the invoice cannot be credited.
    CreditNoteDialog *openCreditNoteDialog();
    QPushButton *creditNoteButton() const { return m_credit; }

signals:
    // An action changed the invoice: the grid refreshes its row.
    void invoiceChanged(const QString &invoiceId);

private:
    void updateHeader();
    void updateButtons();
    void askWriteDown();
    void showMessage(const QString &text, bool error);

    Session *m_session;
    InvoiceDetail *m_detail;
    InvoicePdfFetch *m_pdf;
    QLabel *m_insightFlags;
    insights::InvoiceFlagsFetch *m_flagsFetch = nullptr;
    QLabel *m_header;
    QLabel *m_totals;
    QTableView *m_lines;
    QLabel *m_sourcesTitle;
    QTableView *m_sources;
    QLabel *m_message;
    QPushButton *m_hold;
    QPushButton *m_writeDown;
    QPushButton *m_approve;
    QPushButton *m_issue;
    QPushButton *m_preview;
    QPushButton *m_credit;
    QCheckBox *m_timeDetail;
    QWidget *m_body;
    QLabel *m_empty;
};

} // namespace keel::billing
