#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace keel::billing {

class InvoiceDetail;

// Asks how much of a line to write down and why. "Write off the whole line" fills in the
// line's gross amount; the amount is checked as it is typed (the invoice's currency, at most
// the gross amount, a reason).
class WriteDownDialog : public QDialog
{
    Q_OBJECT
public:
    WriteDownDialog(const InvoiceDetail *detail, const QString &lineId, QWidget *parent = nullptr);

    QString amount() const;
    QString reason() const;

private:
    void check();

    const InvoiceDetail *m_detail;
    QString m_lineId;
    QString m_gross;
    QLineEdit *m_amount;
    QCheckBox *m_whole;
    QPlainTextEdit *m_reason;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace keel::billing
