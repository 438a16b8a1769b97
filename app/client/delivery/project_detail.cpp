#include "project_detail.h"

#include "api_client.h"
#include "api_reply.h"
#include "decimal.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QMap>
#include <QUrl>
#include <functional>

namespace keel::delivery {

namespace DeliveryPath {
namespace {
const QString base = QStringLiteral("/api/v1/delivery");
QString enc(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace
QString projects()
{
    return base + QStringLiteral("/projects");
}
QString project(const QString &id)
{
    return base + QStringLiteral("/projects/") + enc(id);
}
QString estimate(const QString &projectId)
{
    return project(projectId) + QStringLiteral("/estimate");
}
QString changeRequests(const QString &projectId)
{
    return project(projectId) + QStringLiteral("/change-requests");
}
QString changeRequest(const QString &id)
{
    return base + QStringLiteral("/change-requests/") + enc(id);
}
QString statusReports(const QString &projectId)
{
    return project(projectId) + QStringLiteral("/status-reports");
}
QString statusReport(const QString &id)
{
    return base + QStringLiteral("/status-reports/") + enc(id);
}
QString milestoneTransition(const QString &milestoneId)
{
    return base + QStringLiteral("/milestones/") + enc(milestoneId) + QStringLiteral("/transition");
}
QString task(const QString &taskId)
{
    return base + QStringLiteral("/tasks/") + enc(taskId);
}
QString assignments(const QString &projectId)
{
    return QStringLiteral("/api/v1/resourcing/assignments?limit=200&project_id=") + enc(projectId);
}
} // namespace DeliveryPath

namespace {

Decimal dec(const QJsonValue &v)
{
    if (v.isObject())
        return Decimal::parse(v.toObject().value("amount").toString()).valueOr(Decimal());
    return Decimal::parse(v.toString()).valueOr(Decimal());
}

Decimal plus(const Decimal &a, const Decimal &b)
{
    return a.add(b).valueOr(a);
}

} // namespace

ProjectDetail::ProjectDetail(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void ProjectDetail::fetch(const QString &path,
                          const std::function<void(const QJsonObject &)> &apply, bool required)
{
    ++m_pending;
    const int generation = m_generation;
    ApiReply *reply = m_api->get(path);
    connect(reply, &ApiReply::finished, this, [this, reply, generation, apply, required] {
        if (generation != m_generation)
            return;
        if (reply->ok())
            apply(reply->object());
        else if (required && !m_failed) {
            m_failed = true;
            emit loadFailed(humanMessage(reply->problem()));
        }
        if (--m_pending == 0 && !m_failed)
            emit loaded();
    });
}

void ProjectDetail::load(const QString &projectId)
{
    ++m_generation;
    m_pending = 0;
    m_failed = false;
    m_id = projectId;
    if (!m_api || projectId.isEmpty())
        return;
    fetch(
        DeliveryPath::project(projectId), [this](const QJsonObject &o) { m_project = o; }, true);
    // The rest are optional: a server (or a role) without them shows empty tabs.
    fetch(
        DeliveryPath::estimate(projectId), [this](const QJsonObject &o) { m_estimate = o; }, false);
    m_changeRequests = {};
    fetch(
        DeliveryPath::changeRequests(projectId) + QStringLiteral("?limit=200"),
        [this](const QJsonObject &o) { m_changeRequests = o.value("items").toArray(); }, false);
    m_statusReports = {};
    fetch(
        DeliveryPath::statusReports(projectId) + QStringLiteral("?limit=200"),
        [this](const QJsonObject &o) { m_statusReports = o.value("items").toArray(); }, false);
    m_team = {};
    fetch(
        DeliveryPath::assignments(projectId),
        [this](const QJsonObject &o) { m_team = o.value("items").toArray(); }, false);
}

QJsonArray ProjectDetail::tasks() const
{
    QMap<QString, QJsonObject> byTask;
    for (const QJsonValue &v : m_estimate.value("tasks").toArray())
        byTask.insert(sales::idText(v.toObject().value("task_id")), v.toObject());
    QJsonArray out;
    for (const QJsonValue &v : m_project.value("tasks").toArray()) {
        QJsonObject t = v.toObject();
        const QJsonObject e = byTask.value(sales::idText(t.value("id")));
        for (auto it = e.begin(); it != e.end(); ++it)
            if (!t.contains(it.key()) || it.key().startsWith(QLatin1String("etc")) ||
                it.key().startsWith(QLatin1String("actual")))
                t.insert(it.key(), it.value());
        out.append(t);
    }
    return out;
}

QJsonObject ProjectDetail::latestStatus() const
{
    QJsonObject latest;
    for (const QJsonValue &v : m_statusReports) {
        const QJsonObject r = v.toObject();
        if (latest.isEmpty() || r.value("period").toString() > latest.value("period").toString())
            latest = r;
    }
    return latest;
}

QJsonArray ProjectDetail::burnByRole() const
{
    struct Row
    {
        QString code, name;
        Decimal budgetHours, actualHours, etcHours;
        Decimal budgetCost;
    };
    QList<Row> rows;
    QMap<QString, int> index; // job_role_id -> row
    const QJsonObject budget = m_project.value("budget").toObject();
    const QString currency = m_project.value("currency").toString();
    for (const QJsonValue &v : budget.value("lines").toArray()) {
        const QJsonObject l = v.toObject();
        const QString id = sales::idText(l.value("job_role_id"));
        if (!index.contains(id)) {
            index.insert(id, int(rows.size()));
            rows.append(Row{l.value("job_role").toString(),
                            l.value("job_role_name").toString(),
                            {},
                            {},
                            {},
                            {}});
        }
        Row &r = rows[index.value(id)];
        r.budgetHours = plus(r.budgetHours, dec(l.value("hours")));
        r.budgetCost = plus(r.budgetCost, dec(l.value("cost")));
    }
    for (const QJsonValue &v : tasks()) {
        const QJsonObject t = v.toObject();
        const QString id = sales::idText(t.value("job_role_id"));
        if (!index.contains(id))
            continue; // a task of a role without budget: not part of the burn by role
        Row &r = rows[index.value(id)];
        r.actualHours = plus(r.actualHours, dec(t.value("actual_hours")));
        r.etcHours = plus(r.etcHours, dec(t.value("etc_hours")));
    }
    QJsonArray out;
    for (const Row &r : rows) {
        const Decimal eac = plus(r.actualHours, r.etcHours);
        QJsonValue burn;
        if (!r.budgetHours.isZero())
            if (const auto pct = r.actualHours.multiply(Decimal::fromInt(100))
                                     .valueOr(Decimal())
                                     .divide(r.budgetHours))
                burn = pct->rounded(1).toString();
        out.append(
            QJsonObject{{"job_role", r.code},
                        {"job_role_name", r.name.isEmpty() ? r.code : r.name},
                        {"budget_hours", r.budgetHours.toString()},
                        {"budget_cost", QJsonObject{{"amount", r.budgetCost.rounded(2).toString(2)},
                                                    {"currency", currency}}},
                        {"actual_hours", r.actualHours.toString()},
                        {"etc_hours", r.etcHours.toString()},
                        {"eac_hours", eac.toString()},
                        {"burn_percent", burn}});
    }
    return out;
}

void ProjectDetail::loadChangeRequest(const QString &id)
{
    if (!m_api || id.isEmpty())
        return;
    ApiReply *reply = m_api->get(DeliveryPath::changeRequest(id));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->ok())
            emit changeRequestLoaded(reply->object());
    });
}

void ProjectDetail::finishAction(ApiReply *reply, const QString &what)
{
    connect(reply, &ApiReply::finished, this, [this, reply, what] {
        if (!reply->ok()) {
            QStringList fields;
            for (const auto &f : reply->problem().errors)
                fields.append(f.field);
            emit failed(humanMessage(reply->problem()), fields);
            return;
        }
        emit done(what);
        reload();
    });
}

void ProjectDetail::transitionMilestone(const QString &milestoneId, const QString &action,
                                        int version)
{
    if (!m_api)
        return;
    finishAction(m_api->post(DeliveryPath::milestoneTransition(milestoneId),
                             {{"action", action}, {"version", version}}),
                 action);
}

void ProjectDetail::setTaskEtc(const QString &taskId, const QString &etcHours, int version)
{
    if (!m_api)
        return;
    finishAction(m_api->send("PUT", DeliveryPath::task(taskId),
                             {{"etc_hours", etcHours}, {"version", version}}),
                 QStringLiteral("etc"));
}

void ProjectDetail::submitChangeRequest(const QString &reason, const QJsonArray &lines,
                                        const QString &newEndDate)
{
    if (!m_api)
        return;
    QJsonObject body{{"reason", reason}, {"lines", lines}};
    if (!newEndDate.isEmpty())
        body.insert("new_end_date", newEndDate);
    finishAction(m_api->post(DeliveryPath::changeRequests(m_id), body),
                 QStringLiteral("change_request"));
}

void ProjectDetail::saveStatusReport(const QString &reportId, int version, const QString &period,
                                     const QString &rag, const QString &narrative)
{
    if (!m_api)
        return;
    if (reportId.isEmpty())
        finishAction(m_api->post(DeliveryPath::statusReports(m_id),
                                 {{"period", period}, {"rag", rag}, {"narrative", narrative}}),
                     QStringLiteral("status_report"));
    else
        finishAction(m_api->send("PUT", DeliveryPath::statusReport(reportId),
                                 {{"rag", rag}, {"narrative", narrative}, {"version", version}}),
                     QStringLiteral("status_report"));
}

} // namespace keel::delivery
