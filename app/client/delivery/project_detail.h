#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::delivery {

// All paths of the delivery API the client uses, in one place.
namespace DeliveryPath {
QString projects();
QString project(const QString &id);
QString estimate(const QString &projectId);
QString changeRequests(const QString &projectId);
QString changeRequest(const QString &id);
QString statusReports(const QString &projectId);
QString statusReport(const QString &id);
QString milestoneTransition(const QString &milestoneId);
QString task(const QString &taskId);
QString assignments(const QString &projectId);
} // namespace DeliveryPath

// One project as the project workspace shows it: the header with phases, tasks, milestones and
// budget (GET /projects/{id}), the estimate at completion, change requests, status reports and
// the team. Loads them together; every action (milestone complete/accept, ETC, change
// request, status report) reports done() or failed() and reloads what it changed.
class ProjectDetail : public QObject
{
    Q_OBJECT
public:
    explicit ProjectDetail(ApiClient *api, QObject *parent = nullptr);

    void load(const QString &projectId);
    void reload() { load(m_id); }
    QString projectId() const { return m_id; }
    bool isLoading() const { return m_pending > 0; }

    const QJsonObject &project() const { return m_project; }
    const QJsonObject &estimate() const { return m_estimate; }
    QJsonArray milestones() const { return m_project.value("milestones").toArray(); }
    QJsonArray tasks() const; // tasks with their estimate (actual, ETC, EAC, % complete)
    const QJsonArray &changeRequests() const { return m_changeRequests; }
    const QJsonArray &statusReports() const { return m_statusReports; }
    const QJsonArray &team() const { return m_team; }
    QJsonObject latestStatus() const; // the newest status report, or {}

    // Budget burn by role: per job role of the budget, budget hours and cost, actual and
    // estimate-to-complete hours of its tasks, EAC and burn % (actual of budget), as JSON rows
    // {job_role, job_role_name, budget_hours, budget_cost, actual_hours, etc_hours,
    // eac_hours, burn_percent}. Exact decimal arithmetic.
    QJsonArray burnByRole() const;

    // Actions.
    void transitionMilestone(const QString &milestoneId, const QString &action, int version);
    void setTaskEtc(const QString &taskId, const QString &etcHours, int version);
    // lines: [{job_role_id, delta_hours, delta_value:{amount,currency}}]
    void submitChangeRequest(const QString &reason, const QJsonArray &lines,
                             const QString &newEndDate = {});
    // A new report for `period` (YYYY-MM), or an edit when reportId is set.
    void saveStatusReport(const QString &reportId, int version, const QString &period,
                          const QString &rag, const QString &narrative);

    // One change request with its lines and approval chain: changeRequestLoaded().
    void loadChangeRequest(const QString &id);

signals:
    void changeRequestLoaded(const QJsonObject &changeRequest);
    void loaded();
    void loadFailed(const QString &message);
    void done(const QString &what);
    void failed(const QString &message, const QStringList &fields);

private:
    void fetch(const QString &path, const std::function<void(const QJsonObject &)> &apply,
               bool required);
    void finishAction(ApiReply *reply, const QString &what);

    QPointer<ApiClient> m_api;
    QString m_id;
    int m_generation = 0;
    int m_pending = 0;
    bool m_failed = false;
    QJsonObject m_project;
    QJsonObject m_estimate;
    QJsonArray m_changeRequests;
    QJsonArray m_statusReports;
    QJsonArray m_team;
};

} // namespace keel::delivery
