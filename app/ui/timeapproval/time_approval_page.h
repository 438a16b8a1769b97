#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
}

namespace keel::timeapproval {

class TimeApprovalModel;

// "Approve time" for project managers (time.approve): the submitted lines of their projects,
// filtered by project, person and week; tick lines (or select rows and press Space), approve
// them, or reject them with a comment the consultant sees. The ticked hours are totalled; lines
// outside the person's assignment are highlighted and say why.
class TimeApprovalPage : public QWidget
{
    Q_OBJECT
public:
    explicit TimeApprovalPage(Session *session, QWidget *parent = nullptr);

    TimeApprovalModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void reload();

    // Filters by id (tests and the combos); empty = all.
    void setProjectFilter(const QString &projectId);
    void setEmployeeFilter(const QString &employeeId);
    void setWeekFilter(const QString &monday);

    // The buttons' actions without dialogs (the reject button asks for the comment).
    void approveChecked();
    void rejectChecked(const QString &comment);
    // Ticks the selected rows (toggles when all are ticked already).
    void toggleSelectedRows();

    QString message() const;
    QString selectionSummary() const;
    // Lines waiting (at least; "200+" while pages remain), as in the tab title.
    QString countText() const;

signals:
    void countChanged(const QString &countText);
    void decided(); // a decision went through

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilters();
    void rememberChoices();
    void updateSummary();
    void updateCount();
    void showMessage(const QString &text, bool error);

    Session *m_session;
    TimeApprovalModel *m_model;
    QTableView *m_view;
    QComboBox *m_project;
    QComboBox *m_person;
    QComboBox *m_week;
    QLabel *m_summary;
    QLabel *m_message;
    QLabel *m_empty;
    QPushButton *m_tickAll;
    QPushButton *m_approve;
    QPushButton *m_reject;
    bool m_loadedOnce = false;
};

} // namespace keel::timeapproval
