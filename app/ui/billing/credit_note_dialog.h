#pragma once

#include "credit_note.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace keel::billing {

// Credits an issued or partially paid invoice: in full (optionally releasing the billed time
// and expenses to the next billing run) or in part, a net amount per line. The credit note's
// net, tax and total are worked out exactly as they are typed (tax per line at the line's
// rate); a reason is required. Accepting leaves the request in request(). The invoice is
// InvoiceDetail::invoiceForCredit(): each line says what it has left to credit.
class CreditNoteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreditNoteDialog(const QJsonObject &invoice, QWidget *parent = nullptr);

    // The answers, as the buttons and fields would give them (for tests and callers).
    void setFull(bool full);
    void setReleaseSources(bool release);
    // The net credit on a line (by line id), as typed; empty = none.
    void setLineAmount(const QString &lineId, const QString &amount);
    void setReason(const QString &reason);

    CreditNoteRequest request() const;
    CreditNoteFigures figures() const { return m_figures; }
    QString summaryText() const;
    QString problemText() const;
    QPushButton *issueButton() const { return m_ok; }

private:
    void check();

    QJsonObject m_invoice;
    QStringList m_lineIds;
    CreditNoteFigures m_figures;
    QRadioButton *m_full;
    QRadioButton *m_partial;
    QCheckBox *m_release;
    QTableWidget *m_lines;
    QPlainTextEdit *m_reason;
    QLabel *m_summary;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace keel::billing
