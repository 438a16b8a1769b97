#pragma once

// Shared set-up for the close tests: the time fixture's UK server and users (consultant with an
// employee record at 61.37 GBP/h cost, pm approving, fin finance of UK) plus fin2 (finance UK),
// ctl and ctl2 (controllers of UK), the UK chart and its 2026 periods, and an active UK project
// with a task. Periods are set by SQL only to build history the test is not about.

#include "close/close_service.h"
#include "http/http_types.h"
#include "ledger/ledger_service.h"
#include "transition_coverage.h"
#include "tst_time_fixture.h"

#include <QJsonArray>
#include <QThread>

namespace keel::test {

class CloseFixture : public TimeFixture
{
public:
    qint64 uk = 0, finId = 0, fin2Id = 0, ctlId = 0, ctl2Id = 0;
    qint64 proj = 0, taskId = 0;
    std::unique_ptr<LedgerService> ledger;

    void setUpClose(const char *name)
    {
        setUpTime(name);
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        finId = scalar("SELECT id FROM users WHERE username = 'fin'");
        fin2Id = server->createUser("fin2", "fin2 password", {{"finance", "UK"}});
        ctlId = server->createUser("ctl", "ctl password", {{"controller", "UK"}});
        ctl2Id = server->createUser("ctl2", "ctl2 password", {{"controller", "UK"}});
        ledger = std::make_unique<LedgerService>(db->config());
        ledger->createChart(uk, QStringLiteral("UK"));
        ledger->ensureFiscalYear(uk, 2026);
        proj = project(pmId, QStringLiteral("Ledger migration"));
        taskId = task(proj, QStringLiteral("Build"));
    }

    void tearDownClose()
    {
        ledger.reset();
        server.reset();
        db.reset();
    }

    std::unique_ptr<HttpClient> as(const QString &user)
    {
        return client(user, user + QStringLiteral(" password"));
    }

    QString path(const QString &period, const QString &tail = {}) const
    {
        return QStringLiteral("/api/v1/close/entities/%1/periods/%2").arg(uk).arg(period) + tail;
    }

    // History the test is not about: every UK period of 2026 before `period` hard-closed.
    void closeBefore(const QString &period)
    {
        db::query(db->sql(),
                  "UPDATE accounting_periods SET status = 'hard_closed', closed_at = now() "
                  "WHERE legal_entity_id = ? AND period_start < ?::date",
                  {uk, period + QStringLiteral("-01")});
    }

    QString periodStatus(const QString &period)
    {
        return text("SELECT status FROM accounting_periods WHERE legal_entity_id = ? AND "
                    "period_start = ?::date",
                    {uk, period + QStringLiteral("-01")});
    }

    // A time entry of the consultant written as it would stand after its workflow.
    QString timeEntry(const QString &date, const char *hours, const char *status,
                      bool billable = true, qint64 employee = 0, qint64 projectId = 0)
    {
        const QString id = newId();
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "task_id, work_date, hours, billable, status, decided_at, cost_rate, "
                  "cost_amount, cost_currency) VALUES (?::uuid, ?, (SELECT legal_entity_id FROM "
                  "projects WHERE id = ?), ?, ?, ?::date, ?::numeric, ?, ?, CASE WHEN ? IN "
                  "('approved', 'invoiced') THEN now() END, 61.37, 61.37 * ?::numeric, 'GBP')",
                  {id, employee ? employee : consultantEmployee, projectId ? projectId : proj,
                   projectId ? projectId : proj, projectId ? QVariant() : QVariant(taskId), date,
                   QString::fromLatin1(hours), billable, QString::fromLatin1(status),
                   QString::fromLatin1(status), QString::fromLatin1(hours)});
        return id;
    }

    // Every week of the period submitted for the consultant and the managers, so no timesheet
    // is missing.
    void submitWeeks(const QString &period)
    {
        db::query(db->sql(),
                  "INSERT INTO timesheet_weeks (employee_id, week_start, submitted_hours) "
                  "SELECT e.id, w::date, 40 FROM employees e, generate_series(date_trunc('week', "
                  "?::date), ?::date + interval '1 month', interval '1 week') w ON CONFLICT DO "
                  "NOTHING",
                  {period + QStringLiteral("-01"), period + QStringLiteral("-01")});
    }

    // A manual journal into the date proposed by fin and approved by ctl; the HTTP status of
    // the proposal, or of the approval when the proposal was accepted.
    int journal(const QString &date, const char *amount)
    {
        auto fin = as("fin");
        const HttpResult r = fin->post(
            "/api/v1/ledger/entries",
            {{"legal_entity_id", QString::number(uk)},
             {"date", date},
             {"description", "Month-end adjustment"},
             {"lines",
              QJsonArray{
                  QJsonObject{{"account", "6000"},
                              {"debit", QJsonObject{{"amount", amount}, {"currency", "GBP"}}}},
                  QJsonObject{{"account", "2000"},
                              {"credit", QJsonObject{{"amount", amount}, {"currency", "GBP"}}}}}}});
        if (r.status != 201)
            return r.status;
        auto ctl = as("ctl");
        return ctl
            ->post("/api/v1/approvals/" + r.json().value("approval_id").toString() + "/approve", {})
            .status;
    }

    // Starts a close run and waits for it; the final run.
    QJsonObject runAndWait(HttpClient &http, const QString &period, const QString &kind)
    {
        const HttpResult r = http.post(path(period, "/runs/" + kind), {});
        if (r.status != 202) {
            qWarning() << "run" << kind << r.status << r.body;
            return r.json();
        }
        QJsonObject run = r.json();
        for (int i = 0; i < 600 && run.value("status").toString() == "running"; ++i) {
            QThread::msleep(50);
            run = http.get("/api/v1/close/runs/" + run.value("id").toString()).json();
        }
        return run;
    }

    QJsonObject item(const QJsonObject &checklist, const QString &task)
    {
        for (const QJsonValue &v : checklist.value("items").toArray())
            if (v.toObject().value("task").toString() == task)
                return v.toObject();
        return {};
    }
};

} // namespace keel::test
