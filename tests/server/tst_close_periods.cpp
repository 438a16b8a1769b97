// Period states of the month-end close: soft close stops time but not a finance journal, hard
// close stops both; the previous period must be closed first; reopening only through a
// controller's approval, audited; who may do what.

#include "tst_close_periods_fixture.h"

using namespace keel;
using namespace keel::test;

class ClosePeriodsTest : public QObject, public CloseFixture
{
    Q_OBJECT

    QString octTime() { return QStringLiteral("/api/v1/time/entries/") + newId(); }

    int enterTime(const QString &date)
    {
        auto consultant = as("consultant");
        return put(*consultant, octTime(), entryBody(proj, taskId, date, "2.5")).status;
    }

    int spend(const char *date)
    {
        const qint64 category = scalar(
            "INSERT INTO expense_categories (legal_entity_id, code, name) VALUES (?, 'TRAVEL', "
            "'Travel') ON CONFLICT (legal_entity_id, code) DO UPDATE SET name = 'Travel' "
            "RETURNING id",
            {uk});
        auto consultant = as("consultant");
        return put(*consultant, "/api/v1/expenses/" + newId(),
                   {{"category_id", QString::number(category)},
                    {"expense_date", date},
                    {"description", "Train to the client"},
                    {"amount", QJsonObject{{"amount", "42.10"}, {"currency", "GBP"}}}})
            .status;
    }

    void closeDirectly(const char *period, const char *status)
    {
        db::Transaction tx(db::connection(db->config()));
        closePeriod(db::connection(db->config()), uk,
                    QDate::fromString(QString::fromLatin1(period) + "-01", Qt::ISODate),
                    QString::fromLatin1(status), ctlId, true);
        tx.commit();
    }

    QJsonObject requestReopen(HttpClient &http, const char *period, const char *to)
    {
        const HttpResult r = http.post(path(QString::fromLatin1(period), "/reopen"),
                                       {{"to_status", to}, {"reason", "Late supplier credit"}});
        if (r.status != 202)
            qWarning() << "reopen" << r.status << r.body;
        return r.json();
    }

private slots:
    void init() { setUpClose(QTest::currentTestFunction()); }
    void cleanup() { tearDownClose(); }

    void softCloseStopsTimeNotFinanceJournalsUntilHardClose()
    {
        closeBefore("2026-10");
        submitWeeks("2026-10");
        auto fin = as("fin");
        auto ctl = as("ctl");
        QCOMPARE(enterTime("2026-10-14"), 201);
        // The draft entry is unapproved time: red, the soft close refuses and names it.
        HttpResult r = fin->post(path("2026-10", "/soft-close"), {});
        QCOMPARE(r.status, 409);
        QVERIFY2(r.fieldCodes().contains("items:checklist_red"), r.body.constData());
        QVERIFY2(r.fieldCodes().contains("items/unapproved_time:red"), r.body.constData());
        db::exec(db->sql(), "UPDATE time_entries SET status = 'approved', decided_at = now(), "
                            "billable = false");

        QCOMPARE(runAndWait(*fin, "2026-10", "all").value("status").toString(),
                 QString("completed"));
        r = fin->post(path("2026-10", "/soft-close"), {});
        QVERIFY2(r.status == 200, r.body.constData());
        KEEL_COVERS_TRANSITION("accounting_period", "open", "soft_close",
                               r.json().value("status").toString());
        QCOMPARE(periodStatus("2026-10"), QString("soft_closed"));

        // Time in the soft-closed period: 423; the next period is open.
        QCOMPARE(enterTime("2026-10-15"), 423);
        QCOMPARE(enterTime("2026-11-03"), 201);
        // So is an expense.
        QCOMPARE(spend("2026-10-20"), 423);
        QCOMPARE(spend("2026-11-04"), 201);
        // A finance journal still posts into it.
        QCOMPARE(journal("2026-10-30", "120.00"), 200);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'manual_journal' AND entry_date = '2026-10-30' AND status = 'posted'"),
                 1);

        // The journal came after the runs: they are stale, the hard close waits for them.
        r = ctl->post(path("2026-10", "/hard-close"), {});
        QCOMPARE(r.status, 409);
        QVERIFY2(r.fieldCodes().contains("items:checklist_open"), r.body.constData());
        QCOMPARE(runAndWait(*fin, "2026-10", "all").value("status").toString(),
                 QString("completed"));
        // Finance may not hard-close.
        QCOMPARE(fin->post(path("2026-10", "/hard-close"), {}).status, 403);
        r = ctl->post(path("2026-10", "/hard-close"), {});
        QVERIFY2(r.status == 200, r.body.constData());
        KEEL_COVERS_TRANSITION("accounting_period", "soft_closed", "hard_close",
                               r.json().value("status").toString());

        // Now the journal is refused too, and the runs.
        QCOMPARE(journal("2026-10-30", "50.00"), 423);
        QCOMPARE(enterTime("2026-10-16"), 423);
        QCOMPARE(fin->post(path("2026-10", "/runs/all"), {}).status, 423);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action IN "
                        "('accounting_period.soft_close', 'accounting_period.hard_close')"),
                 2);
    }

    void closeNeedsThePreviousPeriodClosed()
    {
        closeBefore("2026-09");
        auto fin = as("fin");
        auto ctl = as("ctl");
        HttpResult r = fin->post(path("2026-10", "/soft-close"), {});
        QCOMPARE(r.status, 409);
        QVERIFY2(r.fieldCodes().contains("period:previous_period_open"), r.body.constData());
        // A hard close must follow a soft close.
        QCOMPARE(ctl->post(path("2026-09", "/hard-close"), {}).status, 409);
        closeDirectly("2026-09", "soft_closed");
        closeDirectly("2026-10", "soft_closed");
        QCOMPARE(periodStatus("2026-10"), QString("soft_closed"));
        // Hard close needs the previous period hard-closed, not only soft.
        r = ctl->post(path("2026-10", "/hard-close"), {});
        QCOMPARE(r.status, 409);
        QVERIFY2(r.fieldCodes().contains("period:previous_period_open"), r.body.constData());
        QCOMPARE(periodStatus("2026-10"), QString("soft_closed"));
        r = fin->get(path("2026-10"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("previous_closed").toBool(), true);
        QCOMPARE(r.json().value("status").toString(), QString("soft_closed"));
    }

    void reopenNeedsAControllersApproval()
    {
        closeBefore("2026-10");
        closeDirectly("2026-10", "soft_closed");
        auto fin = as("fin");
        auto fin2 = as("fin2");
        auto ctl = as("ctl");
        auto consultant = as("consultant");

        QCOMPARE(consultant
                     ->post(path("2026-10", "/reopen"),
                            {{"to_status", "open"}, {"reason", "Late credit"}})
                     .status,
                 403);
        HttpResult r =
            fin->post(path("2026-10", "/reopen"), {{"to_status", "open"}, {"reason", "x"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("reason:invalid_value"));
        r = fin->post(path("2026-10", "/reopen"), {{"to_status", "closed"}, {"reason", "Late"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("to_status:invalid_value"));
        // Changing a closed period's status any other way: 403 without close.approve.
        QCOMPARE(fin->post(path("2026-10", "/soft-close"), {}).status, 403);
        QCOMPARE(ctl->post(path("2026-10", "/soft-close"), {}).status, 409);

        const QJsonObject request = requestReopen(*fin, "2026-10", "open");
        QCOMPARE(request.value("status").toString(), QString("pending"));
        QCOMPARE(request.value("from_status").toString(), QString("soft_closed"));
        QCOMPARE(fin->post(path("2026-10", "/reopen"), {{"to_status", "open"}, {"reason", "Again"}})
                     .status,
                 409);
        const QString approval =
            "/api/v1/approvals/" + request.value("approval_request_id").toString();
        // Not by the requester, not by another finance user: the period stays closed.
        QCOMPARE(fin->post(approval + "/approve", {}).status, 403);
        QCOMPARE(fin2->post(approval + "/approve", {}).status, 403);
        QCOMPARE(periodStatus("2026-10"), QString("soft_closed"));
        QCOMPARE(enterTime("2026-10-14"), 423);

        r = ctl->post(approval + "/approve", {});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(periodStatus("2026-10"), QString("open"));
        KEEL_COVERS_TRANSITION("accounting_period", "soft_closed", "reopen",
                               periodStatus("2026-10"));
        KEEL_COVERS_TRANSITION("period_reopen_request", "pending", "approve",
                               text("SELECT status FROM period_reopen_requests WHERE id = ?",
                                    {request.value("id").toString().toLongLong()}));
        QCOMPARE(scalar("SELECT decided_by FROM period_reopen_requests WHERE id = ?",
                        {request.value("id").toString().toLongLong()}),
                 ctlId);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = "
                        "'accounting_period.reopen' AND actor_id = ?",
                        {ctlId}),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action IN "
                        "('period_reopen.request', 'period_reopen.approve')"),
                 2);
        QCOMPARE(enterTime("2026-10-14"), 201);
    }

    void reopenRejectedLeavesThePeriodClosed()
    {
        closeBefore("2026-10");
        closeDirectly("2026-10", "soft_closed");
        auto fin = as("fin");
        auto ctl = as("ctl");
        const QJsonObject request = requestReopen(*fin, "2026-10", "open");
        const QString approval =
            "/api/v1/approvals/" + request.value("approval_request_id").toString();
        const HttpResult r = ctl->post(approval + "/reject", {{"comment", "Post it in November"}});
        QVERIFY2(r.status == 200, r.body.constData());
        KEEL_COVERS_TRANSITION("period_reopen_request", "pending", "reject",
                               text("SELECT status FROM period_reopen_requests WHERE id = ?",
                                    {request.value("id").toString().toLongLong()}));
        QCOMPARE(periodStatus("2026-10"), QString("soft_closed"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'period_reopen.reject'"), 1);
    }

    void hardClosedReopensOneStepOrFully()
    {
        closeBefore("2026-10");
        closeDirectly("2026-10", "hard_closed");
        auto fin = as("fin");
        auto ctl = as("ctl");
        // A soft-closed period only reopens to open.
        QCOMPARE(periodStatus("2026-10"), QString("hard_closed"));
        QJsonObject request = requestReopen(*fin, "2026-10", "soft_closed");
        HttpResult r = ctl->post("/api/v1/approvals/" +
                                     request.value("approval_request_id").toString() + "/approve",
                                 {});
        QVERIFY2(r.status == 200, r.body.constData());
        KEEL_COVERS_TRANSITION("accounting_period", "hard_closed", "reopen",
                               periodStatus("2026-10"));
        // The journal posts again; time stays refused.
        QCOMPARE(journal("2026-10-30", "10.00"), 200);
        QCOMPARE(enterTime("2026-10-14"), 423);
        r = fin->post(path("2026-10", "/reopen"),
                      {{"to_status", "soft_closed"}, {"reason", "Once more"}});
        QCOMPARE(r.status, 422);

        closeDirectly("2026-10", "hard_closed");
        // September cannot reopen fully while October is closed.
        r = fin->post(path("2026-09", "/reopen"), {{"to_status", "open"}, {"reason", "Audit"}});
        QCOMPARE(r.status, 409);
        QVERIFY2(r.fieldCodes().contains("period:next_period_closed"), r.body.constData());
        request = requestReopen(*fin, "2026-10", "open");
        auto ctl2 = as("ctl2");
        r = ctl2->post("/api/v1/approvals/" + request.value("approval_request_id").toString() +
                           "/approve",
                       {});
        QVERIFY2(r.status == 200, r.body.constData());
        KEEL_COVERS_TRANSITION("accounting_period", "hard_closed", "reopen_to_open",
                               periodStatus("2026-10"));
        QCOMPARE(enterTime("2026-10-14"), 201);
    }

    void whoSeesWhat()
    {
        auto fin = as("fin");
        auto consultant = as("consultant");
        auto deFin = client("de.fin", "fin password");
        QCOMPARE(fin->get(path("2026-10")).status, 200);
        QCOMPARE(consultant->get(path("2026-10")).status, 403);
        QCOMPARE(deFin->get(path("2026-10")).status, 404); // another entity's period
        QCOMPARE(deFin->post(path("2026-10", "/soft-close"), {}).status, 404);
        HttpResult r = fin->get(path("2026-13"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("period:invalid_format"));
        r = fin->post(path("9999-12", "/runs/all"), {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("period:out_of_range"));
        QCOMPARE(fin->get(path("2026-10", "/items/nonsense")).status, 404);
        QCOMPARE(fin->get("/api/v1/close/entities/999999/periods/2026-10").status, 404);
    }
};

QTEST_MAIN(ClosePeriodsTest)
#include "tst_close_periods.moc"
