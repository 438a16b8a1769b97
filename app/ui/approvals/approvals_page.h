#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace keel {
class Session;
}
namespace keel::sales {
class ListPanel;
}

namespace keel::approvals {

class InboxModel;

// What waits for the signed-in user's decision, across document types: document, title,
// facts, why the user is asked, submitter. Approve, or Reject with a comment (required).
class ApprovalsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApprovalsPage(Session *session, QWidget *parent = nullptr);

    InboxModel *model() const { return m_model; }
    void reload();
    // Decide the selected row (tests and buttons).
    void approveCurrent(const QString &comment = {});
    void rejectCurrent(const QString &comment);

signals:
    void decided(); // a decision went through: counts change

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateButtons();

    Session *m_session;
    InboxModel *m_model;
    sales::ListPanel *m_list;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_approve;
    QPushButton *m_reject;
};

} // namespace keel::approvals
