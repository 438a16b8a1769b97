#pragma once

// Shared set-up for the time tests: the delivery fixture's server and users, employee records
// for the consultant (UK, 40 h a week, cost 61.37 GBP/h) and for each project manager, a third
// UK project manager, and projects of PM, PM2 and PM3 with tasks, written straight into the
// tables so these tests do not depend on the delivery routes.

#include "tst_delivery_fixture.h"

#include <QUuid>

namespace keel::test {

class TimeFixture : public DeliveryFixture
{
public:
    qint64 pm3Id = 0;
    qint64 consultantId = 0; // user id
    qint64 consultantEmployee = 0;

    void setUpTime(const char *name)
    {
        setUpDelivery(name);
        pm3Id = server->createUser("pm3", "pm3 password", {{"project_manager", "UK"}});
        consultantId = scalar("SELECT id FROM users WHERE username = 'consultant'");
        consultantEmployee = employee(consultantId, "61.37");
        employee(pmId, "80.00");
        employee(pm2Id, "80.00");
        employee(pm3Id, "80.00");
    }

    // An employee record for the user in UK with a cost rate open since 2020.
    qint64 employee(qint64 userId, const char *hourlyCost, const char *weekly = "40")
    {
        const qint64 id = scalar(
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id, "
            "weekly_capacity_hours) VALUES (?, (SELECT id FROM legal_entities WHERE code = 'UK'), "
            "'GB', ?, ?::numeric) RETURNING id",
            {userId, roleId("CONSULTANT"), QString::fromLatin1(weekly)});
        db::query(
            db->sql(),
            "INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, valid_from) "
            "VALUES (?, 'GBP', ?::numeric, '2020-01-01')",
            {id, QString::fromLatin1(hourlyCost)});
        return id;
    }

    // An active UK project in GBP managed by `managerId`.
    qint64 project(qint64 managerId, const QString &name, const char *status = "active")
    {
        return scalar("INSERT INTO projects (legal_entity_id, account_id, project_manager_id, "
                      "name, currency, start_date, end_date, status) VALUES ((SELECT id FROM "
                      "legal_entities WHERE code = 'UK'), ?, ?, ?, 'GBP', '2026-01-01', "
                      "'2027-12-31', ?) RETURNING id",
                      {accountId, managerId, name, QString::fromLatin1(status)});
    }

    qint64 task(qint64 projectId, const QString &name, bool billable = true,
                const char *status = "open")
    {
        return scalar("INSERT INTO project_tasks (project_id, seq, name, billable, status) "
                      "VALUES (?, (SELECT count(*) + 1 FROM project_tasks WHERE project_id = ?), "
                      "?, ?, ?) RETURNING id",
                      {projectId, projectId, name, billable, QString::fromLatin1(status)});
    }

    // Monday of the week before this one, and the days after it.
    static QDate lastMonday()
    {
        const QDate today = QDate::currentDate();
        return today.addDays(1 - today.dayOfWeek() - 7);
    }
    static QString day(int offset) { return lastMonday().addDays(offset).toString(Qt::ISODate); }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    static QJsonObject entryBody(qint64 projectId, qint64 taskId, const QString &date,
                                 const char *hours, const QString &notes = QStringLiteral("work"))
    {
        QJsonObject o{{"work_date", date},
                      {"project_id", QString::number(projectId)},
                      {"hours", hours},
                      {"notes", notes}};
        o.insert("task_id", taskId ? QJsonValue(QString::number(taskId)) : QJsonValue());
        return o;
    }

    static HttpResult putEntry(HttpClient &http, const QString &id, const QJsonObject &body)
    {
        return put(http, "/api/v1/time/entries/" + id, body);
    }

    // Creates an entry; returns its JSON (empty on failure, with a warning).
    static QJsonObject enter(HttpClient &http, qint64 projectId, qint64 taskId, const QString &date,
                             const char *hours)
    {
        const HttpResult r = putEntry(http, newId(), entryBody(projectId, taskId, date, hours));
        if (r.status != 201)
            qWarning() << "enter" << r.status << r.body;
        return r.json();
    }

    static HttpResult submitWeek(HttpClient &http, const QDate &monday)
    {
        return http.post("/api/v1/time/weeks/" + monday.toString(Qt::ISODate) + "/submit", {});
    }

    static QJsonObject line(const QJsonObject &entry)
    {
        return {{"id", entry.value("id")}, {"version", entry.value("version")}};
    }

    static HttpResult decide(HttpClient &http, const char *decision, const QJsonArray &lines,
                             const QString &comment = {})
    {
        QJsonObject body{{"decision", decision}, {"lines", lines}};
        if (!comment.isEmpty())
            body.insert("comment", comment);
        return http.post("/api/v1/time/approvals", body);
    }

    QString status(const QString &id)
    {
        return text("SELECT status FROM time_entries WHERE id = ?::uuid", {id});
    }
};

} // namespace keel::test
