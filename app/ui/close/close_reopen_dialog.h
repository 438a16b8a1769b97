#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace keel::closing {

// Asks to reopen a closed period: to which state and why. A controller other than the
// requester approves it in the approvals inbox; until then the period stays as it is.
class CloseReopenDialog : public QDialog
{
    Q_OBJECT
public:
    // `status` is the period's now (soft_closed or hard_closed).
    CloseReopenDialog(const QString &periodTitle, const QString &status, QWidget *parent = nullptr);

    QString toStatus() const;
    QString reason() const;
    void setReason(const QString &text);
    void setToStatus(const QString &status);

private:
    QComboBox *m_to;
    QPlainTextEdit *m_reason;
    QPushButton *m_ok;
};

} // namespace keel::closing
