#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace keel {
class ApiClient;
class Session;
namespace sales {
class ListPanel;
}
namespace delivery {
class JsonArrayModel;
}
} // namespace keel

namespace keel::resourcing {

class CapacityModel;
class PlannerModel;
class PlannerView;
class Staffing;
struct AssignmentDraft;

// Books one person for a date range: project, hours per week, hard or soft. Asks for an explicit
// confirmation when the server reports an over-allocation.
class AssignmentDialog : public QDialog
{
    Q_OBJECT
public:
    AssignmentDialog(ApiClient *api, const QString &employeeId, const QString &employeeName,
                     const QDate &from, const QDate &to, QWidget *parent = nullptr);

    void setProject(const QString &projectId, const QString &name);
    void setRequestId(const QString &requestId) { m_requestId = requestId; }
    void setHoursPerWeek(const QString &hours);
    void setKind(const QString &kind);
    AssignmentDraft draft() const;

    void accept() override; // books; closes when the server agreed

private:
    void book(bool confirm);

    Staffing *m_staffing;
    QString m_employeeId;
    QString m_requestId;
    QComboBox *m_project;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_hours;
    QComboBox *m_kind;
    QLabel *m_error;
};

// A resource request's ranked candidates (the server's order) with each score explained
// factor by factor; "Assign" books the selected person for the request.
class SuggestionsDialog : public QDialog
{
    Q_OBJECT
public:
    SuggestionsDialog(ApiClient *api, const QJsonObject &request, QWidget *parent = nullptr);

    delivery::JsonArrayModel *candidates() const { return m_candidates; }
    QTableView *view() const { return m_view; }
    bool isLoaded() const { return m_loaded; }

signals:
    void assigned();

private:
    void showFactors();
    void assignSelected();

    ApiClient *m_api;
    QJsonObject m_request;
    Staffing *m_staffing;
    delivery::JsonArrayModel *m_candidates;
    QTableView *m_view;
    QTextBrowser *m_factors;
    QLabel *m_status;
    QPushButton *m_assign;
    bool m_loaded = false;
};

// The Resourcing workspace: the resource planner (people × weeks heatmap with filters; drag or
// select weeks to book), open resource requests with their staffing suggestions, and capacity
// against demand.
class ResourcingPage : public QWidget
{
    Q_OBJECT
public:
    explicit ResourcingPage(Session *session, QWidget *parent = nullptr);

    PlannerModel *planner() const { return m_planner; }
    PlannerView *plannerView() const { return m_plannerView; }
    sales::ListPanel *requests() const { return m_requests; }
    SuggestionsDialog *openSuggestions(const QJsonObject &request);
    void bookSelection();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *plannerTab();
    QWidget *requestsTab();
    QWidget *capacityTab();
    void reloadPlanner();
    void reloadCapacity();
    void rememberFilterValues();
    void book(int row, int firstColumn, int lastColumn);
    // A drag from a booked week: stretch that booking to the last week dragged over (or book
    // anew when there is nothing to stretch).
    void dragged(int row, int firstColumn, int lastColumn);
    void stretchOrBook(int row, int firstColumn, int lastColumn, const QJsonArray &assignments);

    Session *m_session;
    PlannerModel *m_planner;
    PlannerView *m_plannerView;
    QComboBox *m_practice;
    QComboBox *m_skill;
    QComboBox *m_country;
    QComboBox *m_role;
    QDateEdit *m_from;
    QLabel *m_plannerStatus;
    sales::ListPanel *m_requests;
    CapacityModel *m_capacity;
    QComboBox *m_groupBy;
    QLabel *m_capacityStatus;
    Staffing *m_stretcher = nullptr;
    bool m_loaded = false;
};

} // namespace keel::resourcing
