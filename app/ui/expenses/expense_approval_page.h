#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace keel {
class Session;
}

namespace keel::expenses {

class ExpenseReportInbox;

// "Approve expenses" for managers and finance (expenses.approve): the reports waiting for the
// user's step, the selected report's expenses with breaches and justifications, Approve, or
// Reject with a comment the employee sees.
class ExpenseApprovalPage : public QWidget
{
    Q_OBJECT
public:
    explicit ExpenseApprovalPage(Session *session, QWidget *parent = nullptr);

    ExpenseReportInbox *inbox() const { return m_inbox; }
    QTableView *view() const { return m_view; }
    void reload();
    // Decide the selected report (the reject button asks for the comment).
    void approveCurrent();
    void rejectCurrent(const QString &comment);
    QString message() const;
    QString detailText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString currentId() const;
    void updateButtons();
    void showMessage(const QString &text, bool error);

    ExpenseReportInbox *m_inbox;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QLabel *m_message;
    QPushButton *m_approve;
    QPushButton *m_reject;
    bool m_loadedOnce = false;
};

} // namespace keel::expenses
