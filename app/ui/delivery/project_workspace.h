#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class QTextBrowser;

namespace keel {
class ApiClient;
}

namespace keel::delivery {

class JsonArrayModel;
class ProjectDetail;

// Translated names of project, milestone, task and change request states and RAG colours.
QString stateName(const QString &state);

// One project: overview (status, EAC against budget, budget burn by role, milestones with
// Complete / Accept), tasks with their estimate to complete (editable), team, change requests
// (new ones go to approval) and status reports per month.
class ProjectWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectWorkspace(ApiClient *api, QWidget *parent = nullptr);

    void openProject(const QString &projectId);
    ProjectDetail *detail() const { return m_detail; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *milestonesView() const { return m_milestonesView; }
    JsonArrayModel *milestones() const { return m_milestones; }
    JsonArrayModel *changeRequests() const { return m_changeRequests; }
    JsonArrayModel *tasks() const { return m_tasks; }
    QString lastError() const;

    // The selected milestone's action ("complete", "accept", "bill").
    void transitionSelectedMilestone(const QString &action);
    void newChangeRequest();
    void editStatusReport(bool newReport);

signals:
    void projectChanged(); // a state change the list may show

private:
    void showDetail();
    void updateMilestoneButtons();
    void showError(const QString &message);
    QWidget *overviewTab();
    QWidget *tasksTab();
    QWidget *teamTab();
    QWidget *changeRequestsTab();
    QWidget *statusTab();

    ProjectDetail *m_detail;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_rag;
    QLabel *m_error;
    QTabWidget *m_tabs;
    QLabel *m_eac;
    JsonArrayModel *m_burn;
    JsonArrayModel *m_milestones;
    JsonArrayModel *m_tasks;
    JsonArrayModel *m_team;
    JsonArrayModel *m_changeRequests;
    JsonArrayModel *m_statusReports;
    QTableView *m_milestonesView;
    QTableView *m_statusView;
    QPushButton *m_complete;
    QPushButton *m_accept;
    QPushButton *m_bill;
    QTextBrowser *m_narrative;
};

} // namespace keel::delivery
