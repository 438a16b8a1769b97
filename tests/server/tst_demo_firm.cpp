// The demo firm loader (server/admin/demo_firm) and the COPY helper it uses (server/db/pg_copy).

#include "admin/demo_firm.h"
#include "admin/demo_sales.h"
#include "db/pg_copy.h"
#include "quote_pricing.h"
#include "test_database.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

using namespace keel;

namespace {

QSqlQuery run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    return q;
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q = run(db, sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QStringList column(QSqlDatabase &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q = run(db, sql);
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

// Everything about the users except ids, timestamps and (salted) password hashes.
const QString UserDigestSql = QStringLiteral(
    "SELECT concat_ws('|', u.username, u.display_name, u.email, e.code, p.code, u.active, "
    "  (SELECT string_agg(r.role || ':' || coalesce(re.code, '*'), ',' "
    "                     ORDER BY r.role, re.code) "
    "   FROM user_roles r LEFT JOIN legal_entities re ON re.id = r.legal_entity_id "
    "   WHERE r.user_id = u.id)) "
    "FROM users u JOIN legal_entities e ON e.id = u.legal_entity_id "
    "LEFT JOIN practices p ON p.id = u.practice_id ORDER BY u.id");

QByteArray userDigest(QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &row : column(db, UserDigestSql)) {
        hash.addData(row.toUtf8());
        hash.addData("\n");
    }
    return hash.result().toHex();
}

// The sales history without timestamps that the loader does not control (all are generated).
const QStringList SalesDigestSql = {
    QStringLiteral("SELECT concat_ws('|', id, legal_entity_id, name, name_norm, domain, "
                   "parent_id, industry, country, billing_currency, payment_terms_days, "
                   "tax_profile, billing_contact_id, owner_id, created_at) FROM accounts "
                   "ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', id, account_id, owner_id, offering_id, name, stage_id, "
                   "probability, expected_value, currency, expected_close, loss_reason, "
                   "competitor, created_at) FROM opportunities ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', opportunity_id, to_stage_id, changed_by, changed_at) "
                   "FROM opportunity_stage_history ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', id, opportunity_id, version_no, status, discount_pct, "
                   "list_value, net_value, cost_value, margin_pct, approval_request_id) "
                   "FROM quotes ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', quote_id, line_no, job_role_id, hours, rate, "
                   "list_amount, cost_amount) FROM quote_lines ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', id, number, status, signature_date, start_date, "
                   "end_date, total_value, project_manager_id) FROM contracts ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', contract_id, line_no, billing_model, value, "
                   "not_to_exceed) FROM contract_lines ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', contract_id, status, value_after) "
                   "FROM contract_change_orders ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', id, contract_id, status, start_date) FROM projects "
                   "ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', id, status, company, converted_opportunity_id) "
                   "FROM leads ORDER BY id"),
    QStringLiteral("SELECT concat_ws('|', request_id, role, status, decided_by) "
                   "FROM approval_steps ORDER BY id"),
};

QByteArray salesDigest(QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &sql : SalesDigestSql) {
        for (const QString &row : column(db, sql)) {
            hash.addData(row.toUtf8());
            hash.addData("\n");
        }
    }
    return hash.result().toHex();
}

Decimal decimal(const QVariant &v)
{
    return Decimal::parse(v.toString()).value();
}

} // namespace

class TestDemoFirm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsTheFirm();
    void fixedAccountsAndGrants();
    void generatedEmployees();
    void deterministic();
    void salesClientsAndRates();
    void salesPipeline();
    void salesQuotesPricedByTheServerRules();
    void salesContractsAndHandover();
    void deliveryRecords();
    void timeHistory();
    void expensesAndSubcontractors();
    void secondLoadRefusedWithoutPartialWrite();
    void rejectsBadScale();
    void copyEscapesRoundTrip();
    void copyReportsErrors();
    void copyEscapeFieldBytes();

private:
    DemoLoadResult load(QSqlDatabase &db, int scale = 1, QList<int> *percents = nullptr)
    {
        return loadDemoFirm(db, scale, [percents](int percent, const QString &) {
            if (percents != nullptr) {
                percents->append(percent);
            }
        });
    }
};

void TestDemoFirm::initTestCase()
{
    QVERIFY(sodium_init() >= 0);
}

void TestDemoFirm::loadsTheFirm()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(db.isOpen());

    QList<int> percents;
    const DemoLoadResult r = load(db, 1, &percents);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.employees, 609);

    QCOMPARE(column(db, "SELECT code || ' ' || name || ' ' || country || ' ' || "
                        "functional_currency FROM legal_entities ORDER BY id"),
             QStringList({"US Keel Consulting Inc. US USD", "UK Keel Consulting Ltd GB GBP",
                          "DE Keel Consulting GmbH DE EUR"}));
    QCOMPARE(column(db, "SELECT code FROM practices ORDER BY id"),
             QStringList({"CLOUD", "DATA", "APPS", "ADVISORY"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM users"), 609);
    QCOMPARE(scalar(db, "SELECT count(*) FROM users WHERE password_hash IS NULL"), 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM users u WHERE NOT EXISTS "
                        "(SELECT 1 FROM user_roles r WHERE r.user_id = u.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'demo_firm.load'"), 1);

    // Progress runs forward from 0 to 100.
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.first(), 0);
    QCOMPARE(percents.last(), 100);
    for (qsizetype i = 1; i < percents.size(); ++i) {
        QVERIFY(percents[i] >= percents[i - 1]);
    }
}

void TestDemoFirm::fixedAccountsAndGrants()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // username → its grants (role:entity, * for all entities)
    const QList<QPair<QString, QString>> expected = {
        {"admin", "admin:*"},
        {"ceo", "executive:*"},
        {"controller", "controller:*"},
        {"finance", "finance:UK"},
        {"sales", "sales:US"},
        {"salesdir", "sales_director:*"},
        {"pm", "consultant:UK,project_manager:UK"},
        {"rm", "resource_manager:*"},
        {"consultant", "consultant:UK"},
    };
    for (const auto &[username, grants] : expected) {
        QSqlQuery q(db);
        q.prepare("SELECT (SELECT string_agg(r.role || ':' || coalesce(e.code, '*'), ',' "
                  "                          ORDER BY r.role) "
                  "        FROM user_roles r LEFT JOIN legal_entities e "
                  "        ON e.id = r.legal_entity_id WHERE r.user_id = u.id), "
                  "       u.password_hash, u.active "
                  "FROM users u WHERE u.username = ?");
        q.addBindValue(username);
        QVERIFY(q.exec());
        QVERIFY2(q.next(), qPrintable(username));
        QCOMPARE(q.value(0).toString(), grants);
        QVERIFY(q.value(2).toBool());
        const QByteArray hash = q.value(1).toString().toLatin1();
        QVERIFY(hash.startsWith("$argon2id$"));
        QCOMPARE(crypto_pwhash_str_verify(hash.constData(), "demo", 4), 0);
        QVERIFY(crypto_pwhash_str_verify(hash.constData(), "Demo", 4) != 0);
    }
    // The fixed accounts each have their own (salted) hash.
    QCOMPARE(scalar(db, "SELECT count(DISTINCT password_hash) FROM users WHERE username IN "
                        "('admin','ceo','controller','finance','sales','salesdir','pm','rm',"
                        "'consultant')"),
             9);
}

void TestDemoFirm::generatedEmployees()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    const QString generated =
        QStringLiteral(" FROM users u JOIN legal_entities e ON e.id = u.legal_entity_id "
                       "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$'");
    QCOMPARE(scalar(db, "SELECT count(*)" + generated), 600);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'US'"), 300);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'UK'"), 150);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'DE'"), 150);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT lower(u.username))" + generated), 600);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated +
                            " AND u.email = u.username || "
                            "'@keel.example'"),
             600);
    // The generated employees share one hash of "demo" (demo data; see demo_firm.cpp).
    QCOMPARE(scalar(db, "SELECT count(DISTINCT u.password_hash)" + generated), 1);
    // Every practice has people.
    QCOMPARE(scalar(db, "SELECT count(DISTINCT u.practice_id)" + generated), 4);

    // Roles: grants are scoped to the employee's own entity.
    const QString grantsOf =
        QStringLiteral("SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                       "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' AND r.role = '%1'");
    QCOMPARE(scalar(db, "SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                        "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' "
                        "AND r.legal_entity_id IS DISTINCT FROM u.legal_entity_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT r.legal_entity_id) FROM user_roles r JOIN users "
                        "u ON u.id = r.user_id WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' "
                        "AND r.role = 'controller'"),
             3);
    QCOMPARE(scalar(db, grantsOf.arg("controller")), 3);
    const auto roughly = [](qint64 n, int expected) {
        return n >= expected * 7 / 10 && n <= expected * 13 / 10;
    };
    QVERIFY(roughly(scalar(db, grantsOf.arg("project_manager")), 48));
    QVERIFY(roughly(scalar(db, grantsOf.arg("resource_manager")), 12));
    QVERIFY(roughly(scalar(db, grantsOf.arg("sales")), 24));
    QVERIFY(roughly(scalar(db, grantsOf.arg("sales_director")), 6));
    QVERIFY(roughly(scalar(db, grantsOf.arg("finance")), 18));
    // Every project manager is a consultant too; most people are consultants.
    QCOMPARE(scalar(db, "SELECT count(*) FROM user_roles pm WHERE pm.role = 'project_manager' "
                        "AND NOT EXISTS (SELECT 1 FROM user_roles c WHERE c.user_id = "
                        "pm.user_id AND c.role = 'consultant')"),
             0);
    QVERIFY(scalar(db, grantsOf.arg("consultant")) > 450);
    // German names keep their umlauts; usernames are folded to ASCII.
    QVERIFY(scalar(db, "SELECT count(*) FROM users WHERE display_name ~ '[äöüßÄÖÜ]'") > 0);
}

void TestDemoFirm::deterministic()
{
    auto first = test::TestDatabase::create(QStringLiteral("deterministic_a"));
    auto second = test::TestDatabase::create(QStringLiteral("deterministic_b"));
    QSqlDatabase a = first.sql();
    QSqlDatabase b = second.sql();
    QVERIFY2(load(a).ok, "first load");
    QVERIFY2(load(b).ok, "second load");

    const QString usernames = QStringLiteral("SELECT username FROM users ORDER BY id");
    QCOMPARE(column(a, usernames), column(b, usernames));
    QCOMPARE(column(a, UserDigestSql).size(), 609);
    QCOMPARE(userDigest(a), userDigest(b));

    // The sales history too: same ids, names, stages, amounts, numbers and dates.
    QCOMPARE(scalar(a, "SELECT count(*) FROM opportunities"),
             scalar(b, "SELECT count(*) FROM opportunities"));
    QVERIFY(scalar(a, "SELECT count(*) FROM quotes") > 500);
    QCOMPARE(salesDigest(a), salesDigest(b));

    // And the delivery records: tasks with actuals, status reports, change requests and their
    // approval chains.
    for (const char *sql :
         {"SELECT concat_ws('|', id, project_id, phase_id, seq, name, job_role_id, budget_hours, "
          "actual_hours, actual_cost, etc_hours, etc_cost, status) FROM project_tasks ORDER BY id",
          "SELECT concat_ws('|', id, project_id, period, rag, narrative, created_by, created_at) "
          "FROM project_status_reports ORDER BY id",
          "SELECT concat_ws('|', id, project_id, seq, status, delta_hours, delta_value, "
          "submitted_by, submitted_at, decided_at, budget_version, approval_request_id) FROM "
          "project_change_requests ORDER BY id",
          "SELECT concat_ws('|', s.request_id, s.step_order, s.role, s.status, s.decided_by, "
          "s.decided_at) FROM approval_steps s JOIN approval_requests r ON r.id = s.request_id "
          "WHERE r.document_type = 'change_request' ORDER BY s.id",
          // The time history: ids, hours, statuses, deciders and costs.
          "SELECT md5(string_agg(concat_ws('|', id, employee_id, project_id, task_id, work_date, "
          "hours, status, decided_by, cost_rate, cost_amount, rejection_reason, version), ',' "
          "ORDER BY id)) FROM time_entries",
          "SELECT concat_ws('|', employee_id, week_start, submitted_hours, submitted_at) FROM "
          "timesheet_weeks ORDER BY employee_id, week_start",
          // Rates, expenses, receipts, reports and vendor bills.
          "SELECT md5(string_agg(concat_ws('|', from_currency, to_currency, rate_date, rate), "
          "',' ORDER BY from_currency, to_currency, rate_date)) FROM fx_rates",
          "SELECT md5(string_agg(concat_ws('|', id, employee_id, category_id, project_id, "
          "report_id, expense_date, amount, currency, fx_rate, functional_amount, policy_breach, "
          "status), ',' ORDER BY id)) FROM expenses",
          "SELECT md5(string_agg(concat_ws('|', id, expense_id, sha256), ',' ORDER BY id)) FROM "
          "expense_receipts",
          "SELECT concat_ws('|', id, employee_id, status, total, manager_id, finance_id) FROM "
          "expense_reports ORDER BY id",
          "SELECT concat_ws('|', b.id, b.vendor_id, b.agreement_id, b.vendor_ref, b.total, "
          "b.status, l.seq, l.hours, l.rate, l.amount) FROM vendor_bills b JOIN "
          "vendor_bill_lines l ON l.bill_id = b.id ORDER BY b.id, l.seq"}) {
        const QStringList rows = column(a, QString::fromLatin1(sql));
        QVERIFY2(!rows.isEmpty(), sql);
        QCOMPARE(rows, column(b, QString::fromLatin1(sql)));
    }
}

void TestDemoFirm::deliveryRecords()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // Every project has a phase and one billable task per budgeted role, with the budget's
    // hours (version 1, before change requests).
    QVERIFY(scalar(db, "SELECT count(*) FROM projects") > 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM "
                        "project_phases ph WHERE ph.project_id = p.id)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM project_tasks") > 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_tasks WHERE NOT billable OR phase_id IS "
                        "NULL OR job_role_id IS NULL"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT pv.project_id, b.job_role_id, "
                        "sum(b.hours) AS h FROM project_budget_lines b JOIN "
                        "project_budget_versions pv ON pv.id = b.budget_version_id WHERE "
                        "pv.budget_version = 1 GROUP BY 1, 2) x FULL JOIN project_tasks t ON "
                        "t.project_id = x.project_id AND t.job_role_id = x.job_role_id WHERE "
                        "t.id IS NULL OR x.h IS NULL OR t.budget_hours <> x.h"),
             0);
    // Planned projects have no actuals; started ones do, at cost; closed ones have no ETC.
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_tasks t JOIN projects p ON p.id = "
                        "t.project_id WHERE p.status = 'planned' AND (t.actual_hours > 0 OR "
                        "t.etc_hours <> t.budget_hours)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM project_tasks t JOIN projects p ON p.id = "
                       "t.project_id WHERE p.status = 'active' AND t.actual_hours > 0 AND "
                       "t.actual_cost > 0 AND t.etc_hours > 0") > 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_tasks t JOIN projects p ON p.id = "
                        "t.project_id WHERE p.status = 'closed' AND (t.etc_hours <> 0 OR "
                        "t.status <> 'closed')"),
             0);

    // Status reports: only for active / paused projects, the last three months, one per
    // project and period, all three colours.
    QVERIFY(scalar(db, "SELECT count(*) FROM project_status_reports") > 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT project_id, period FROM "
                        "project_status_reports GROUP BY 1, 2 HAVING count(*) > 1) x"),
             0);
    QCOMPARE(column(db, "SELECT DISTINCT period FROM project_status_reports ORDER BY 1"),
             QStringList({"2026-09", "2026-10", "2026-11"}));
    QCOMPARE(column(db, "SELECT DISTINCT rag FROM project_status_reports ORDER BY 1"),
             QStringList({"amber", "green", "red"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_status_reports s JOIN projects p ON p.id "
                        "= s.project_id WHERE p.status NOT IN ('active', 'on_hold') OR "
                        "s.created_by IS DISTINCT FROM p.project_manager_id"),
             0);

    // Change requests in all three states, each with its approval request in the same state
    // and submitted by the project's manager.
    for (const char *state : {"approved", "submitted", "rejected"}) {
        QVERIFY2(scalar(db, QStringLiteral("SELECT count(*) FROM project_change_requests WHERE "
                                           "status = '%1'")
                                .arg(QLatin1String(state))) > 0,
                 state);
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_change_requests c JOIN projects p ON p.id "
                        "= c.project_id LEFT JOIN approval_requests a ON a.id = "
                        "c.approval_request_id WHERE a.id IS NULL OR a.document_type <> "
                        "'change_request' OR a.document_id <> c.id::text OR a.status <> CASE "
                        "c.status WHEN 'submitted' THEN 'pending' ELSE c.status END OR "
                        "a.submitter_id <> c.submitted_by OR c.submitted_by IS DISTINCT FROM "
                        "p.project_manager_id OR c.currency <> p.currency"),
             0);
    // Lines add up to the request.
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_change_requests c LEFT JOIN (SELECT "
                        "change_request_id, sum(delta_hours) AS h, sum(delta_value) AS v FROM "
                        "project_change_request_lines GROUP BY 1) l ON l.change_request_id = "
                        "c.id WHERE l.h IS DISTINCT FROM c.delta_hours OR l.v IS DISTINCT FROM "
                        "c.delta_value"),
             0);
    // Nobody decided a step of their own change request; every decided step has a decider.
    QVERIFY(scalar(db, "SELECT count(*) FROM approval_steps s JOIN approval_requests a ON a.id "
                       "= s.request_id WHERE a.document_type = 'change_request' AND s.status = "
                       "'approved'") > 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM approval_steps s JOIN approval_requests a ON a.id "
                        "= s.request_id WHERE a.document_type = 'change_request' AND "
                        "s.decided_by = a.submitter_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM approval_requests a JOIN approval_steps s ON "
                        "s.request_id = a.id WHERE a.document_type = 'change_request' AND "
                        "a.status = 'approved' AND s.status <> 'approved'"),
             0);
    // The project-manager step was decided by a project manager of the project's entity and
    // practice.
    QCOMPARE(scalar(db, "SELECT count(*) FROM approval_steps s JOIN approval_requests a ON a.id "
                        "= s.request_id WHERE a.document_type = 'change_request' AND s.role = "
                        "'project_manager' AND s.decided_by IS NOT NULL AND NOT EXISTS (SELECT "
                        "1 FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.user_id "
                        "= s.decided_by AND ur.role = 'project_manager' AND ur.legal_entity_id = "
                        "a.legal_entity_id AND u.practice_id IS NOT DISTINCT FROM a.practice_id)"),
             0);
    // Pending ones wait at the first step for another project manager of the entity.
    QCOMPARE(scalar(db, "SELECT count(*) FROM approval_requests a WHERE a.document_type = "
                        "'change_request' AND a.status = 'pending' AND NOT EXISTS (SELECT 1 "
                        "FROM approval_steps s WHERE s.request_id = a.id AND s.step_order = 1 "
                        "AND s.role = 'project_manager' AND s.status = 'pending') "),
             0);
    // Approved ones rebaselined: budget version 2 = version 1 + the change, and the project
    // carries the approved change value.
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_change_requests c WHERE c.status = "
                        "'approved' AND (c.budget_version IS DISTINCT FROM 2 OR NOT EXISTS "
                        "(SELECT 1 FROM project_budget_versions v WHERE v.project_id = "
                        "c.project_id AND v.budget_version = 2 AND v.change_request_id = c.id))"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_change_requests c WHERE c.status = "
                        "'approved' AND (SELECT sum(b.revenue) FROM project_budget_lines b JOIN "
                        "project_budget_versions v ON v.id = b.budget_version_id WHERE "
                        "v.project_id = c.project_id AND v.budget_version = 2) IS DISTINCT FROM "
                        "(SELECT sum(b.revenue) FROM project_budget_lines b JOIN "
                        "project_budget_versions v ON v.id = b.budget_version_id WHERE "
                        "v.project_id = c.project_id AND v.budget_version = 1) + c.delta_value"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM projects p WHERE p.approved_change_value <> "
                        "coalesce((SELECT sum(delta_value) FROM project_change_requests c WHERE "
                        "c.project_id = p.id AND c.status = 'approved'), 0)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_budget_versions WHERE budget_version = 2 "
                        "AND change_request_id IS NULL"),
             0);
}

void TestDemoFirm::timeHistory()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString asOf = demoAsOf().toString(Qt::ISODate);
    const auto withAsOf = [&asOf](const char *sql) { return QString::fromLatin1(sql).arg(asOf); };

    // The load sheds the table's keys, indexes, foreign keys and trigger for the COPY; they
    // are all back, as the migrations made them.
    const QString schemaSql = QStringLiteral(
        "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
        "'time_entries'::regclass UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index "
        "WHERE indrelid = 'time_entries'::regclass UNION ALL SELECT tgname || ' ' || "
        "tgenabled::text "
        "FROM pg_trigger WHERE tgrelid = 'time_entries'::regclass AND NOT tgisinternal ORDER BY 1");
    auto fresh = test::TestDatabase::create(QStringLiteral("timeHistory_fresh"));
    QSqlDatabase freshDb = fresh.sql();
    QCOMPARE(column(db, schemaSql), column(freshDb, schemaSql));
    QVERIFY(column(db, schemaSql).size() > 15);

    // About three entries a working day for the people on projects, over the two years.
    const qint64 entries = scalar(db, "SELECT count(*) FROM time_entries");
    QVERIFY2(entries > 200000 && entries < 1200000, qPrintable(QString::number(entries)));
    const qint64 days =
        scalar(db, "SELECT count(*) FROM (SELECT DISTINCT employee_id, work_date FROM "
                   "time_entries) x");
    QVERIFY(entries >= days * 27 / 10 && entries <= days * 33 / 10);
    QVERIFY(scalar(db, "SELECT count(DISTINCT employee_id) FROM time_entries") > 400);
    QCOMPARE(scalar(db, withAsOf("SELECT count(*) FROM time_entries WHERE work_date > DATE '%1' "
                                 "OR work_date < DATE '%1' - 730")),
             0);

    // Nobody has more than 24 hours on a day; no time on weekends, holidays or full days of
    // approved leave; only on projects and tasks the person is assigned to that day.
    QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT employee_id, work_date FROM time_entries "
                        "GROUP BY 1, 2 HAVING sum(hours) > 24) x"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries WHERE extract(isodow FROM work_date) "
                        "> 5"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN employees e ON e.id = "
                        "t.employee_id JOIN holidays h ON h.country = e.country AND h.date = "
                        "t.work_date"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN employee_leave l ON "
                        "l.employee_id = t.employee_id AND t.work_date BETWEEN l.start_date AND "
                        "l.end_date WHERE l.status = 'approved' AND l.hours_per_day IS NULL"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t WHERE NOT EXISTS (SELECT 1 FROM "
                        "assignments a WHERE a.employee_id = t.employee_id AND a.project_id = "
                        "t.project_id AND a.kind = 'hard' AND t.work_date BETWEEN a.start_date "
                        "AND a.end_date) OR t.outside_assignment OR t.task_id IS NULL OR NOT "
                        "EXISTS (SELECT 1 FROM project_tasks pt WHERE pt.id = t.task_id AND "
                        "pt.project_id = t.project_id)"),
             0);
    // An entry belongs to its project's entity (as the time service files it), also when a
    // specialist of another entity worked on it: the close charges that as intercompany.
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN employees e ON e.id = "
                        "t.employee_id JOIN projects p ON p.id = t.project_id WHERE "
                        "t.legal_entity_id <> p.legal_entity_id OR t.created_by <> e.user_id"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM time_entries t JOIN employees e ON e.id = "
                       "t.employee_id WHERE t.legal_entity_id <> e.legal_entity_id AND t.status "
                       "= 'approved'") > 1000);

    // Statuses by week: approved before last week, last week approved / submitted / rejected
    // or not yet submitted (drafts), this week drafts only.
    const QString week = QStringLiteral("date_trunc('week', DATE '%1')::date").arg(asOf);
    QCOMPARE(column(db, QStringLiteral("SELECT DISTINCT status FROM time_entries WHERE "
                                       "work_date < %1 - 7 ORDER BY 1")
                            .arg(week)),
             QStringList({"approved"}));
    QCOMPARE(column(db, QStringLiteral("SELECT DISTINCT status FROM time_entries WHERE "
                                       "work_date >= %1 - 7 AND work_date < %1 ORDER BY 1")
                            .arg(week)),
             QStringList({"approved", "draft", "rejected", "submitted"}));
    QCOMPARE(column(db, QStringLiteral("SELECT DISTINCT status FROM time_entries WHERE "
                                       "work_date >= %1 ORDER BY 1")
                            .arg(week)),
             QStringList({"draft"}));
    // Approved lines: decided by the project's manager (the line manager for a manager's own
    // time), never by the person; cost stamped from the cost rate of the day, to the cent.
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN projects p ON p.id = "
                        "t.project_id JOIN employees e ON e.id = t.employee_id WHERE t.status "
                        "IN ('approved', 'rejected') AND (t.decided_by IS NULL OR t.decided_by = "
                        "e.user_id OR (t.decided_by <> p.project_manager_id AND "
                        "p.project_manager_id <> e.user_id) OR t.decided_at IS NULL OR "
                        "t.submitted_at IS NULL)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN employee_cost_rates c ON "
                        "c.employee_id = t.employee_id AND t.work_date >= c.valid_from AND "
                        "(c.valid_to IS NULL OR t.work_date <= c.valid_to) WHERE t.status = "
                        "'approved' AND (t.cost_rate IS DISTINCT FROM c.hourly_cost OR "
                        "t.cost_currency IS DISTINCT FROM c.currency OR t.cost_amount IS "
                        "DISTINCT FROM round(t.hours * c.hourly_cost, 2))"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries WHERE status = 'approved' AND "
                        "cost_amount IS NULL"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries WHERE status IN ('draft', "
                        "'submitted') AND (cost_amount IS NOT NULL OR decided_by IS NOT NULL)"),
             0);
    // Rejected lines say why; a few old ones were rejected once and resubmitted.
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries WHERE status = 'rejected' AND "
                        "coalesce(rejection_reason, '') = ''"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM time_entries WHERE status = 'approved' AND "
                       "rejection_reason IS NOT NULL") > 10);

    // A submitted week has its timesheet_weeks row with the hours submitted; drafts only
    // where the week is not submitted.
    QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT employee_id, date_trunc('week', "
                        "work_date)::date AS ws, sum(hours) AS h FROM time_entries WHERE status "
                        "<> 'draft' GROUP BY 1, 2) t FULL JOIN timesheet_weeks w ON "
                        "w.employee_id = t.employee_id AND w.week_start = t.ws WHERE t.h IS "
                        "DISTINCT FROM w.submitted_hours"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM time_entries t JOIN timesheet_weeks w ON "
                        "w.employee_id = t.employee_id AND w.week_start = date_trunc('week', "
                        "t.work_date)::date WHERE t.status = 'draft'"),
             0);

    // Task actuals are the approved time, hours and cost.
    QCOMPARE(scalar(db, "SELECT count(*) FROM project_tasks pt LEFT JOIN (SELECT task_id, "
                        "sum(hours) AS h, sum(cost_amount) AS c FROM time_entries WHERE status = "
                        "'approved' GROUP BY 1) s ON s.task_id = pt.id WHERE pt.actual_hours <> "
                        "coalesce(s.h, 0) OR pt.actual_cost <> coalesce(s.c, 0)"),
             0);
    // Closed projects burned most of their budget, not wildly more.
    const qint64 burnPct = scalar(db, "SELECT round(100 * sum(actual_hours) / sum(budget_hours)) "
                                      "FROM project_tasks t JOIN projects p ON p.id = "
                                      "t.project_id WHERE p.status = 'closed'");
    QVERIFY2(burnPct >= 70 && burnPct <= 130, qPrintable(QString::number(burnPct)));

    // The demo logins: "pm" has an approvals inbox of last week's lines; "consultant" has
    // Monday to Wednesday of this week entered as drafts and last week submitted.
    QVERIFY(scalar(db, "SELECT count(*) FROM time_entries t JOIN projects p ON p.id = "
                       "t.project_id JOIN users u ON u.id = p.project_manager_id WHERE "
                       "u.username = 'pm' AND t.status = 'submitted'") >= 20);
    QCOMPARE(column(db, QStringLiteral("SELECT DISTINCT t.work_date || ':' || t.status FROM "
                                       "time_entries t JOIN employees e ON e.id = "
                                       "t.employee_id JOIN users u ON u.id = e.user_id WHERE "
                                       "u.username = 'consultant' AND t.work_date >= %1 - 7 "
                                       "ORDER BY 1")
                            .arg(week)),
             QStringList({"2026-11-02:submitted", "2026-11-03:submitted", "2026-11-04:submitted",
                          "2026-11-05:submitted", "2026-11-06:submitted", "2026-11-09:draft",
                          "2026-11-10:draft", "2026-11-11:draft"}));
}

void TestDemoFirm::expensesAndSubcontractors()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QString asOf = demoAsOf().toString(Qt::ISODate);
    const auto withAsOf = [&asOf](const char *sql) { return QString::fromLatin1(sql).arg(asOf); };

    // Rates for every weekday of two years up to two weeks ahead, six pairs, at realistic
    // levels; the reverse pairs and the cross pair agree with the USD pairs.
    QCOMPARE(column(db, "SELECT DISTINCT from_currency || to_currency FROM fx_rates ORDER BY 1"),
             QStringList({"EURGBP", "EURUSD", "GBPEUR", "GBPUSD", "USDEUR", "USDGBP"}));
    QCOMPARE(scalar(db, withAsOf("SELECT count(*) FROM generate_series(DATE '%1' - 730, DATE "
                                 "'%1' + 14, interval '1 day') d WHERE extract(isodow FROM d) < "
                                 "6 AND NOT EXISTS (SELECT 1 FROM fx_rates f WHERE f.rate_date = "
                                 "d AND f.from_currency = 'EUR' AND f.to_currency = 'USD')")),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM fx_rates WHERE extract(isodow FROM rate_date) > 5"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM fx_rates WHERE (from_currency, to_currency) = "
                        "('EUR', 'USD') AND rate NOT BETWEEN 0.95 AND 1.25 OR (from_currency, "
                        "to_currency) = ('GBP', 'USD') AND rate NOT BETWEEN 1.10 AND 1.45"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM fx_rates a JOIN fx_rates b ON b.from_currency = "
                        "a.to_currency AND b.to_currency = a.from_currency AND b.rate_date = "
                        "a.rate_date WHERE abs(a.rate * b.rate - 1) > 0.000000001"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM fx_rates x JOIN fx_rates e ON e.rate_date = "
                        "x.rate_date AND e.from_currency = 'EUR' AND e.to_currency = 'USD' JOIN "
                        "fx_rates g ON g.rate_date = x.rate_date AND g.from_currency = 'GBP' AND "
                        "g.to_currency = 'USD' WHERE x.from_currency = 'EUR' AND x.to_currency = "
                        "'GBP' AND abs(x.rate - e.rate / g.rate) > 0.000000001"),
             0);

    // Five categories per entity with the policy in the entity's currency.
    QCOMPARE(column(db, "SELECT e.code || ':' || string_agg(c.code || '/' || c.cap_kind || '/' "
                        "|| coalesce(c.cap_amount::int::text, '-') || '/' || "
                        "c.receipt_required_above::int, ',' ORDER BY c.code) FROM "
                        "expense_categories c JOIN legal_entities e ON e.id = c.legal_entity_id "
                        "GROUP BY e.code ORDER BY e.code"),
             QStringList({"DE:HOTEL/per_item/250/25,MEALS/per_day/60/25,MILEAGE/none/-/25,"
                          "SOFTWARE/per_item/200/25,TRAVEL/per_item/600/25",
                          "UK:HOTEL/per_item/250/25,MEALS/per_day/60/25,MILEAGE/none/-/25,"
                          "SOFTWARE/per_item/200/25,TRAVEL/per_item/600/25",
                          "US:HOTEL/per_item/250/25,MEALS/per_day/60/25,MILEAGE/none/-/25,"
                          "SOFTWARE/per_item/200/25,TRAVEL/per_item/600/25"}));

    // Expenses: a few a month per person, on a project they booked time on that day's span, in
    // the entity's currency converted at the day's rate, to the cent.
    const qint64 expenses = scalar(db, "SELECT count(*) FROM expenses");
    QVERIFY2(expenses > 1000 && expenses < 40000, qPrintable(QString::number(expenses)));
    QVERIFY(scalar(db, "SELECT count(*) FROM expenses WHERE currency <> functional_currency") > 20);
    QCOMPARE(scalar(db, "SELECT count(*) FROM expenses x JOIN legal_entities e ON e.id = "
                        "x.legal_entity_id WHERE x.functional_currency <> e.functional_currency "
                        "OR x.functional_amount <> round(x.amount * x.fx_rate, 2) OR "
                        "(x.currency = x.functional_currency AND x.fx_rate <> 1) OR "
                        "(x.currency <> x.functional_currency AND x.fx_rate IS DISTINCT FROM "
                        "(SELECT f.rate FROM fx_rates f WHERE f.from_currency = x.currency AND "
                        "f.to_currency = x.functional_currency AND f.rate_date <= "
                        "x.expense_date ORDER BY f.rate_date DESC LIMIT 1))"),
             0);
    QCOMPARE(scalar(db, withAsOf("SELECT count(*) FROM expenses x JOIN employees e ON e.id = "
                                 "x.employee_id JOIN expense_categories c ON c.id = "
                                 "x.category_id WHERE x.expense_date > DATE '%1' OR "
                                 "extract(isodow FROM x.expense_date) > 5 OR c.legal_entity_id "
                                 "<> x.legal_entity_id OR e.legal_entity_id <> "
                                 "x.legal_entity_id OR x.billable <> c.billable_default OR NOT "
                                 "EXISTS (SELECT 1 FROM time_entries t WHERE t.employee_id = "
                                 "x.employee_id AND t.project_id = x.project_id AND t.task_id = "
                                 "x.task_id)")),
             0);

    // Receipts: valid PNG or PDF bytes with their SHA-256; above 25 without a receipt is a
    // breach, as is going over a cap; breaches in reports are justified.
    QVERIFY(scalar(db, "SELECT count(*) FROM expense_receipts") > expenses / 2);
    QCOMPARE(scalar(db, "SELECT count(*) FROM expense_receipts WHERE sha256 <> sha256(content) "
                        "OR size_bytes <> octet_length(content) OR NOT ((mime_type = 'image/png' "
                        "AND substr(content, 1, 8) = '\\x89504e470d0a1a0a'::bytea) OR "
                        "(mime_type = 'application/pdf' AND substr(content, 1, 5) = "
                        "'%PDF-'::bytea))"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM expenses x JOIN expense_categories c ON c.id = "
                        "x.category_id WHERE ((x.functional_amount > c.receipt_required_above "
                        "AND NOT EXISTS (SELECT 1 FROM expense_receipts r WHERE r.expense_id = "
                        "x.id)) OR (c.cap_amount IS NOT NULL AND x.functional_amount > "
                        "c.cap_amount)) <> (x.policy_breach IS NOT NULL)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM expenses WHERE policy_breach ~ 'receipt'") > 0);
    QVERIFY(scalar(db, "SELECT count(*) FROM expenses WHERE policy_breach ~ 'cap'") > 0);
    QVERIFY(scalar(db, "SELECT count(*) FROM expenses WHERE policy_breach IS NOT NULL") <
            expenses / 5);
    QCOMPARE(scalar(db, "SELECT count(*) FROM expenses WHERE policy_breach IS NOT NULL AND "
                        "report_id IS NOT NULL AND justification IS NULL"),
             0);

    // Reports: past months approved by the line manager then finance, totals adding up; this
    // month drafts, and one report (the demo consultant's) waiting for approval.
    QCOMPARE(scalar(db, "SELECT count(*) FROM expense_reports r WHERE r.total <> (SELECT "
                        "sum(functional_amount) FROM expenses x WHERE x.report_id = r.id) OR "
                        "EXISTS (SELECT 1 FROM expenses x WHERE x.report_id = r.id AND "
                        "(x.employee_id <> r.employee_id OR x.status <> CASE r.status WHEN "
                        "'approved' THEN 'approved' ELSE 'submitted' END))"),
             0);
    QCOMPARE(column(db, "SELECT r.status || ':' || u.username FROM expense_reports r JOIN "
                        "employees e ON e.id = r.employee_id JOIN users u ON u.id = e.user_id "
                        "WHERE r.status <> 'approved'"),
             QStringList({"submitted:consultant"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM expense_reports r JOIN employees e ON e.id = "
                        "r.employee_id WHERE r.status = 'approved' AND (r.manager_id IS NULL OR "
                        "r.finance_id IS NULL OR r.manager_id = e.user_id OR r.finance_at < "
                        "r.manager_at)"),
             0);
    QCOMPARE(column(db, "SELECT DISTINCT status FROM expenses WHERE report_id IS NULL "
                        "ORDER BY 1"),
             QStringList({"draft"}));
    QCOMPARE(scalar(db, withAsOf("SELECT count(*) FROM expenses WHERE (status = 'draft') <> "
                                 "(expense_date >= date_trunc('month', DATE '%1') AND report_id "
                                 "IS NULL)")),
             0);

    // Subcontractors: vendors per entity, agreements within their cap, monthly bills whose
    // lines are hours × rate to the cent; last month's bills await approval.
    QCOMPARE(column(db, "SELECT e.code || ':' || count(*) FROM vendors v JOIN legal_entities e "
                        "ON e.id = v.legal_entity_id WHERE v.currency = e.functional_currency "
                        "GROUP BY e.code ORDER BY e.code"),
             QStringList({"DE:3", "UK:3", "US:3"}));
    QVERIFY(scalar(db, "SELECT count(*) FROM subcontract_agreements") >= 10);
    QCOMPARE(scalar(db, "SELECT count(*) FROM vendor_bill_lines l JOIN vendor_bills b ON b.id = "
                        "l.bill_id JOIN subcontract_agreements a ON a.id = b.agreement_id WHERE "
                        "l.amount <> round(l.hours * l.rate, 2) OR l.rate <> a.hourly_rate OR "
                        "l.project_id <> a.project_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM vendor_bills b WHERE b.total <> (SELECT "
                        "sum(amount) FROM vendor_bill_lines l WHERE l.bill_id = b.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM subcontract_agreements a WHERE a.cap_amount < "
                        "(SELECT sum(total) FROM vendor_bills b WHERE b.agreement_id = a.id)"),
             0);
    QCOMPARE(scalar(db, withAsOf("SELECT count(*) FROM vendor_bills WHERE (status = "
                                 "'submitted') <> (bill_date >= date_trunc('month', DATE '%1')) "
                                 "OR status NOT IN ('submitted', 'approved') OR bill_date > DATE "
                                 "'%1' OR (status = 'approved') <> (approved_by IS NOT NULL)")),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM vendor_bills WHERE status = 'submitted'") > 0);
    // Nobody decides a bill they entered; the demo "finance" login has UK bills to decide.
    QCOMPARE(scalar(db, "SELECT count(*) FROM vendor_bills WHERE created_by IS NULL OR "
                        "approved_by = created_by"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM vendor_bills b JOIN legal_entities e ON e.id = "
                       "b.legal_entity_id JOIN users c ON c.id = b.created_by WHERE e.code = "
                       "'UK' AND b.status = 'submitted' AND c.username <> 'finance'") > 0);
}

void TestDemoFirm::salesClientsAndRates()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // ~250 clients: half in the US, a quarter each in the UK and Germany, each in its
    // country's currency and with a tax profile of its country.
    QCOMPARE(column(db, "SELECT e.code || ':' || count(*) || ':' || "
                        "string_agg(DISTINCT a.country || '/' || a.billing_currency, ',') "
                        "FROM accounts a JOIN legal_entities e ON e.id = a.legal_entity_id "
                        "GROUP BY e.code ORDER BY e.code"),
             QStringList({"DE:62:DE/EUR", "UK:63:GB/GBP", "US:125:US/USD"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM accounts WHERE (country = 'US' AND tax_profile "
                        "!~ '^US_') OR (country = 'GB' AND tax_profile !~ '^UK_') OR "
                        "(country = 'DE' AND tax_profile NOT IN ('DE_UST_STANDARD', "
                        "'EU_REVERSE_CHARGE'))"),
             0);
    // What invoices print: every client has a billing address in its country and a tax id of
    // its country's form, none shared; every entity its address, tax id, registration and bank.
    QCOMPARE(scalar(db, "SELECT count(*) FROM accounts WHERE billing_address !~ (CASE country "
                        "WHEN 'US' THEN '\\nUnited States$' WHEN 'GB' THEN '\\nUnited Kingdom$' "
                        "ELSE '\\nGermany$' END) OR tax_id !~ (CASE country WHEN 'US' THEN "
                        "'^[0-9]{2}-[0-9]{7}$' WHEN 'GB' THEN '^GB [0-9]{3} [0-9]{4} [0-9]{2}$' "
                        "ELSE '^DE[0-9]{9}$' END)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) - count(DISTINCT tax_id) FROM accounts"), 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM legal_entities WHERE address = '' OR tax_id IS "
                        "NULL OR registration IS NULL OR bank_details IS NULL"),
             0);
    // Every client has contacts and a billing contact of its own; some belong to groups.
    QCOMPARE(scalar(db, "SELECT count(*) FROM accounts a WHERE billing_contact_id IS NULL OR "
                        "NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = a.billing_contact_id "
                        "AND c.account_id = a.id)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM accounts WHERE parent_id IS NOT NULL") >= 5);
    QCOMPARE(scalar(db, "SELECT count(*) - count(DISTINCT name_norm) FROM accounts"), 0);
    QVERIFY(scalar(db, "SELECT count(*) FROM activities") > 500);

    // Rate cards: each entity, its currency, every job role, a 2025 and a 2026 card, the
    // 2026 one dearer; never two valid on the same day (the database would refuse anyway).
    QCOMPARE(column(db, "SELECT e.code || ':' || r.currency || ':' || count(*) FROM "
                        "rate_card_rates r JOIN legal_entities e ON e.id = r.legal_entity_id "
                        "GROUP BY e.code, r.currency ORDER BY 1"),
             QStringList({"DE:EUR:12", "UK:GBP:12", "US:USD:12"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM rate_card_rates a JOIN rate_card_rates b ON "
                        "a.id < b.id AND a.legal_entity_id = b.legal_entity_id AND "
                        "a.currency = b.currency AND a.job_role_id = b.job_role_id AND "
                        "daterange(a.valid_from, a.valid_to, '[]') && "
                        "daterange(b.valid_from, b.valid_to, '[]')"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM rate_card_rates a JOIN rate_card_rates b ON "
                        "a.legal_entity_id = b.legal_entity_id AND a.job_role_id = "
                        "b.job_role_id AND a.valid_to = '2025-12-31' AND b.valid_from = "
                        "'2026-01-01' AND b.valid_to IS NULL AND b.hourly_rate > a.hourly_rate"),
             18);
    QCOMPARE(scalar(db, "SELECT count(*) FROM rate_card_rates WHERE hourly_rate = 210 AND "
                        "currency = 'USD' AND valid_from = '2025-01-01' AND job_role_id = "
                        "(SELECT id FROM job_roles WHERE code = 'SENIOR_CONSULTANT')"),
             1);
    // Standard costs below the bill rates, same periods.
    QCOMPARE(scalar(db, "SELECT count(*) FROM job_role_costs"), 36);
    QCOMPARE(scalar(db, "SELECT count(*) FROM job_role_costs c JOIN rate_card_rates r ON "
                        "r.legal_entity_id = c.legal_entity_id AND r.job_role_id = "
                        "c.job_role_id AND r.valid_from = c.valid_from WHERE c.hourly_cost >= "
                        "r.hourly_rate"),
             0);

    // The catalogue: four service lines on the four practices, offerings of every model whose
    // milestones add up to 100 %.
    QCOMPARE(column(db, "SELECT s.code || ':' || p.code FROM service_lines s JOIN practices p "
                        "ON p.id = s.practice_id ORDER BY s.id"),
             QStringList({"CLOUD_SERVICES:CLOUD", "DATA_AI:DATA", "APP_ENGINEERING:APPS",
                          "DIGITAL_ADVISORY:ADVISORY"}));
    QCOMPARE(
        column(db, "SELECT DISTINCT billing_model FROM offerings ORDER BY 1"),
        QStringList({"fixed_fee", "milestones", "retainer", "subscription", "time_and_materials"}));
    QVERIFY(scalar(db, "SELECT count(*) FROM offerings") >= 10);
    QCOMPARE(scalar(db, "SELECT count(*) FROM offerings o WHERE NOT EXISTS (SELECT 1 FROM "
                        "offering_effort f WHERE f.offering_id = o.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT offering_id FROM offering_milestones "
                        "GROUP BY 1 HAVING sum(value_pct) <> 100) x"),
             0);
}

void TestDemoFirm::salesPipeline()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // Won, lost and a few hundred open, in every entity.
    const auto count = [&db](const QString &where) {
        return scalar(db, "SELECT count(*) FROM opportunities o JOIN opportunity_stages s ON "
                          "s.id = o.stage_id WHERE " +
                              where);
    };
    QVERIFY(count("s.is_won") > 250);
    QVERIFY(count("s.is_lost") > 400);
    QVERIFY(count("o.is_open") >= 200 && count("o.is_open") <= 500);
    QCOMPARE(count("o.is_open <> NOT (s.is_won OR s.is_lost)"), 0);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT (o.legal_entity_id, s.code)) FROM opportunities "
                        "o JOIN opportunity_stages s ON s.id = o.stage_id"),
             18);
    // Lost deals say why; a competitor where the reason involves one.
    QCOMPARE(count("s.is_lost AND o.loss_reason IS NULL"), 0);
    QVERIFY(count("s.is_lost AND o.competitor IS NOT NULL") > 100);
    QCOMPARE(count("NOT s.is_lost AND o.loss_reason IS NOT NULL"), 0);
    // The account's entity and currency; open deals close after the demo's today.
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunities o JOIN accounts a ON a.id = "
                        "o.account_id WHERE a.legal_entity_id <> o.legal_entity_id OR "
                        "a.billing_currency <> o.currency"),
             0);
    QCOMPARE(count(QStringLiteral("o.is_open AND o.expected_close <= '%1'")
                       .arg(demoAsOf().toString(Qt::ISODate))),
             0);
    QCOMPARE(count("o.created_at < '2024-12-01' OR o.updated_at > '2026-11-16'"), 0);

    // Stage history: starts with a creation row, walks forward, ends in the current stage.
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunities o WHERE (SELECT h.to_stage_id FROM "
                        "opportunity_stage_history h WHERE h.opportunity_id = o.id ORDER BY "
                        "h.id DESC LIMIT 1) IS DISTINCT FROM o.stage_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunity_stage_history h WHERE "
                        "h.from_stage_id IS NULL AND h.id <> (SELECT min(id) FROM "
                        "opportunity_stage_history x WHERE x.opportunity_id = h.opportunity_id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunity_stage_history h JOIN "
                        "opportunity_stage_history p ON p.opportunity_id = h.opportunity_id AND "
                        "p.to_stage_id = h.from_stage_id AND p.id < h.id WHERE p.changed_at > "
                        "h.changed_at"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunities o WHERE NOT EXISTS (SELECT 1 FROM "
                        "opportunity_effort f WHERE f.opportunity_id = o.id)"),
             0);

    // Leads: converted ones point at their account, contact and opportunity.
    QVERIFY(scalar(db, "SELECT count(*) FROM leads WHERE status = 'converted'") > 20);
    QCOMPARE(scalar(db, "SELECT count(*) FROM leads l JOIN opportunities o ON o.id = "
                        "l.converted_opportunity_id JOIN contacts c ON c.id = "
                        "l.converted_contact_id WHERE o.account_id <> l.converted_account_id "
                        "OR c.account_id <> l.converted_account_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT status) FROM leads"), 5);
    // The fixed sales user has a pipeline of their own.
    QVERIFY(scalar(db, "SELECT count(*) FROM opportunities o JOIN users u ON u.id = o.owner_id "
                       "WHERE u.username = 'sales' AND o.is_open") > 5);
}

void TestDemoFirm::salesQuotesPricedByTheServerRules()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // A sample of quotes (every 7th, role and fixed lines, discounts, 0-decimal and 2-decimal
    // amounts): the stored totals are exactly what keel::pricing computes from the lines.
    QSqlQuery q(db);
    QVERIFY(q.exec("SELECT id, currency, discount_pct::text, list_value::text, "
                   "discount_value::text, net_value::text, cost_value::text, "
                   "margin_value::text, margin_pct::text FROM quotes WHERE id % 7 = 0 "
                   "ORDER BY id"));
    int checked = 0;
    int discounted = 0;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const Currency cur = Currency::fromCode(q.value(1).toString()).value();
        QList<pricing::Line> lines;
        QStringList stored;
        QSqlQuery l(db);
        QVERIFY(l.exec(QStringLiteral("SELECT kind, hours::text, rate::text, "
                                      "cost_rate::text, list_amount::text, "
                                      "cost_amount::text FROM quote_lines WHERE quote_id = %1 "
                                      "ORDER BY line_no")
                           .arg(id)));
        while (l.next()) {
            pricing::Line line;
            if (l.value(0).toString() == "role") {
                line.kind = pricing::Line::Kind::Role;
                line.hours = decimal(l.value(1));
                line.billRate = decimal(l.value(2));
                line.costRate = decimal(l.value(3));
            } else {
                line.kind = pricing::Line::Kind::Fixed;
                line.fixedPrice = Money::parse(l.value(4).toString(), cur).value();
                line.fixedCost = Money::parse(l.value(5).toString(), cur).value();
            }
            lines.append(line);
            stored << l.value(4).toString() + "/" + l.value(5).toString();
        }
        QVERIFY2(!lines.isEmpty(), qPrintable(QString::number(id)));
        const auto t = pricing::price(cur, lines, decimal(q.value(2)));
        QVERIFY(t.ok());
        QStringList computed;
        for (const pricing::PricedLine &p : t->lines) {
            computed << p.list.toString() + "/" + p.cost.toString();
        }
        QCOMPARE(stored, computed);
        QCOMPARE(q.value(3).toString(), t->list.toString());
        QCOMPARE(q.value(4).toString(), t->discount.toString());
        QCOMPARE(q.value(5).toString(), t->net.toString());
        QCOMPARE(q.value(6).toString(), t->cost.toString());
        QCOMPARE(q.value(7).toString(), t->margin.toString());
        QCOMPARE(q.value(8).toString(), t->marginPct->toString(2));
        if (!t->discount.isZero()) {
            ++discounted;
        }
        ++checked;
    }
    QVERIFY(checked > 50);
    QVERIFY(discounted > 10);

    // Role lines use the card valid on the quote date (or the client's override).
    QCOMPARE(scalar(db, "SELECT count(*) FROM quote_lines l JOIN quotes q ON q.id = l.quote_id "
                        "WHERE l.rate_source = 'rate_card' AND NOT EXISTS (SELECT 1 FROM "
                        "rate_card_rates r WHERE r.legal_entity_id = q.legal_entity_id AND "
                        "r.currency = q.currency AND r.job_role_id = l.job_role_id AND "
                        "r.hourly_rate = l.rate AND q.quote_date BETWEEN r.valid_from AND "
                        "coalesce(r.valid_to, 'infinity'))"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM quote_lines WHERE rate_source = "
                       "'client_override'") > 0);
    // Versions: only the latest may be live, earlier ones are superseded.
    QCOMPARE(scalar(db, "SELECT count(*) FROM quotes q WHERE q.status <> 'superseded' AND "
                        "EXISTS (SELECT 1 FROM quotes n WHERE n.opportunity_id = "
                        "q.opportunity_id AND n.version_no > q.version_no)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM quotes WHERE version_no = 2") > 50);
    // Approvals per the demo policies: a discount above 10 % went to a sales director, who is
    // never the submitter; some wait in the inbox now.
    QCOMPARE(scalar(db, "SELECT count(*) FROM quotes WHERE discount_pct > 10 AND status <> "
                        "'draft' AND approval_request_id IS NULL"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM approval_steps s JOIN approval_requests r ON "
                        "r.id = s.request_id WHERE s.decided_by = r.submitter_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM quotes q JOIN approval_requests r ON r.id = "
                        "q.approval_request_id WHERE r.document_id <> q.id::text OR "
                        "(q.status = 'submitted') <> (r.status = 'pending')"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM approval_requests WHERE status = 'pending' AND "
                       "document_type = 'quote'") > 0);
}

void TestDemoFirm::salesContractsAndHandover()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // Every won deal has a contract from its accepted quote; every billing model is sold,
    // time and materials with and without a cap.
    QCOMPARE(scalar(db, "SELECT count(*) FROM opportunities o JOIN opportunity_stages s ON "
                        "s.id = o.stage_id WHERE s.is_won AND NOT EXISTS (SELECT 1 FROM "
                        "contracts c JOIN quotes q ON q.id = c.quote_id WHERE c.opportunity_id "
                        "= o.id AND q.status = 'accepted')"),
             0);
    QCOMPARE(
        column(db, "SELECT DISTINCT billing_model FROM contract_lines ORDER BY 1"),
        QStringList({"fixed_fee", "milestones", "retainer", "subscription", "time_and_materials"}));
    QVERIFY(scalar(db, "SELECT count(*) FROM contract_lines WHERE billing_model = "
                       "'time_and_materials' AND not_to_exceed IS NOT NULL") > 0);
    QVERIFY(scalar(db, "SELECT count(*) FROM contract_lines WHERE billing_model = "
                       "'time_and_materials' AND not_to_exceed IS NULL") > 0);
    // Amounts: lines add up to the contract, schedules and milestones to their line; the
    // contract as signed equals the accepted quote's net value.
    QCOMPARE(scalar(db, "SELECT count(*) FROM contracts c WHERE total_value <> (SELECT "
                        "sum(value) FROM contract_lines l WHERE l.contract_id = c.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM contract_lines l WHERE billing_model IN "
                        "('fixed_fee', 'milestones') AND value <> (SELECT sum(amount) FROM "
                        "contract_line_items i WHERE i.line_id = l.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM contracts c JOIN quotes q ON q.id = c.quote_id "
                        "WHERE c.contract_version = 1 AND c.total_value <> q.net_value"),
             0);
    // Numbers SOW-<entity>-<year>-NNNN: gapless per entity and signature year, the counters
    // at the last one taken.
    QCOMPARE(scalar(db, "SELECT count(*) FROM contracts c JOIN legal_entities e ON e.id = "
                        "c.legal_entity_id WHERE c.status <> 'draft' AND c.number <> 'SOW-' || "
                        "e.code || '-' || extract(year FROM c.signature_date) || '-' || "
                        "lpad(split_part(c.number, '-', 4), 4, '0')"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM contract_number_counters k WHERE k.last_number <> "
                        "(SELECT count(*) FROM contracts c WHERE c.legal_entity_id = "
                        "k.legal_entity_id AND extract(year FROM c.signature_date) = k.year) OR "
                        "k.last_number <> (SELECT max(split_part(number, '-', 4)::int) FROM "
                        "contracts c WHERE c.legal_entity_id = k.legal_entity_id AND "
                        "extract(year FROM c.signature_date) = k.year)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM contract_number_counters") >= 6);
    // Versions: one per signature and per approved change order.
    QCOMPARE(scalar(db, "SELECT count(*) FROM contracts c WHERE c.status <> 'draft' AND "
                        "c.contract_version <> (SELECT max(contract_version) FROM "
                        "contract_versions v WHERE v.contract_id = c.id)"),
             0);
    QVERIFY(scalar(db, "SELECT count(*) FROM contract_change_orders WHERE status = "
                       "'approved'") > 5);
    QCOMPARE(scalar(db, "SELECT count(*) FROM contract_change_orders co JOIN contracts c ON "
                        "c.id = co.contract_id WHERE co.status = 'approved' AND (c.total_value "
                        "<> co.value_after OR c.contract_version <> 2)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT status) FROM contracts"), 4);
    // The handover: one project per signed contract, with budget, billing rules and staffing.
    QCOMPARE(scalar(db, "SELECT count(*) FROM contracts c WHERE (c.status = 'draft') = EXISTS "
                        "(SELECT 1 FROM projects p WHERE p.contract_id = c.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM "
                        "project_budget_versions b JOIN project_budget_lines l ON "
                        "l.budget_version_id = b.id WHERE b.project_id = p.id) OR NOT EXISTS "
                        "(SELECT 1 FROM project_billing_rules r WHERE r.project_id = p.id) OR "
                        "NOT EXISTS (SELECT 1 FROM resource_requests q WHERE q.project_id = "
                        "p.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM contract_lines l JOIN contracts c ON c.id = "
                        "l.contract_id WHERE l.billing_model = 'milestones' AND c.status <> "
                        "'draft' AND NOT EXISTS (SELECT 1 FROM project_milestones m WHERE "
                        "m.contract_line_id = l.id)"),
             0);
}

void TestDemoFirm::secondLoadRefusedWithoutPartialWrite()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(load(db).ok);

    const QString snapshotSql = QStringLiteral(
        "SELECT (SELECT count(*) FROM legal_entities) || '/' || (SELECT count(*) FROM "
        "practices) || '/' || (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM "
        "user_roles) || '/' || (SELECT count(*) FROM audit_log)");
    const QStringList before = column(db, snapshotSql);
    const QByteArray digestBefore = userDigest(db);

    const DemoLoadResult again = load(db);
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains("already"), qPrintable(again.error));
    QCOMPARE(again.employees, 0);
    QCOMPARE(column(db, snapshotSql), before);
    QCOMPARE(userDigest(db), digestBefore);
    // The connection is left usable, outside any transaction.
    QCOMPARE(scalar(db, "SELECT 1"), 1);
    QVERIFY(db.transaction());
    QVERIFY(db.rollback());
}

void TestDemoFirm::rejectsBadScale()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(!load(db, 0).ok);
    QVERIFY(!load(db, -3).ok);
    QCOMPARE(scalar(db, "SELECT count(*) FROM legal_entities"), 0);
}

void TestDemoFirm::copyEscapesRoundTrip()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    run(db, "CREATE TEMP TABLE copy_rt (id integer PRIMARY KEY, a text, b text)");

    const QStringList values = {
        QStringLiteral("plain"),
        QStringLiteral("tab\there"),
        QStringLiteral("new\nline"),
        QStringLiteral("carriage\rreturn\r\n"),
        QStringLiteral("back\\slash"),
        QStringLiteral("\\N"),     // the literal text backslash-N, not NULL
        QStringLiteral("\\."),     // the old end-of-data marker as text
        QStringLiteral("\\\t\\n"), // backslash, tab, backslash, n
        QStringLiteral(""),        // empty string, not NULL
        QString(),                 // NULL
        QStringLiteral("Müller € 日本 \U0001F600"),
        QStringLiteral("trailing backslash\\"),
    };
    {
        PgCopy copy(db, QStringLiteral("COPY copy_rt (id, a, b) FROM STDIN"));
        QVERIFY2(copy.isOk(), qPrintable(copy.error()));
        for (qsizetype i = 0; i < values.size(); ++i) {
            copy.addRow({QString::number(i), values[i], values[values.size() - 1 - i]});
        }
        QCOMPARE(copy.rowCount(), values.size());
        QString error;
        QVERIFY2(copy.finish(&error), qPrintable(error));
        QVERIFY(copy.finish()); // the same verdict again
    }

    QSqlQuery q = run(db, "SELECT id, a, b, a IS NULL, b IS NULL FROM copy_rt ORDER BY id");
    qsizetype n = 0;
    while (q.next()) {
        const int i = q.value(0).toInt();
        const QString &a = values[i];
        const QString &b = values[values.size() - 1 - i];
        QCOMPARE(q.value(3).toBool(), a.isNull());
        QCOMPARE(q.value(4).toBool(), b.isNull());
        if (!a.isNull()) {
            QCOMPARE(q.value(1).toString(), a);
        }
        if (!b.isNull()) {
            QCOMPARE(q.value(2).toString(), b);
        }
        ++n;
    }
    QCOMPARE(n, values.size());
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_rt WHERE a = ''"), 1);
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_rt WHERE a IS NULL"), 1);

    // Many rows in several chunks.
    run(db, "CREATE TEMP TABLE copy_many (i integer, t text)");
    {
        PgCopy copy(db, QStringLiteral("COPY copy_many FROM STDIN"));
        for (int i = 0; i < 50000; ++i) {
            copy.addRow({QString::number(i), QStringLiteral("row\t%1\\\n").arg(i)});
        }
        QVERIFY(copy.finish());
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_many"), 50000);
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_many WHERE t = E'row\\t' || i || E'\\\\\\n'"),
             50000);
}

void TestDemoFirm::copyReportsErrors()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();

    {
        PgCopy copy(db, QStringLiteral("COPY no_such_table FROM STDIN"));
        QVERIFY(!copy.isOk());
        QVERIFY2(copy.error().contains("no_such_table"), qPrintable(copy.error()));
        QString error;
        QVERIFY(!copy.finish(&error));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(scalar(db, "SELECT 1"), 1);

    run(db, "CREATE TEMP TABLE copy_err (i integer PRIMARY KEY)");
    {
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"1"});
        copy.addRow({"1"}); // duplicate key
        QString error;
        QVERIFY(!copy.finish(&error));
        QVERIFY2(error.contains("duplicate"), qPrintable(error));
    }
    {
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"not a number"});
        QVERIFY(!copy.finish());
    }
    {
        // Destroyed without finish(): the COPY is aborted, nothing is stored.
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"7"});
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_err"), 0);

    // Not a PostgreSQL connection.
    QSqlDatabase sqlite = QSqlDatabase::addDatabase("QSQLITE", "tst_demo_firm_sqlite");
    sqlite.setDatabaseName(":memory:");
    QVERIFY(sqlite.open());
    {
        PgCopy copy(sqlite, QStringLiteral("COPY t FROM STDIN"));
        QVERIFY(!copy.isOk());
        QVERIFY(!copy.finish());
    }
    sqlite.close();
}

void TestDemoFirm::copyEscapeFieldBytes()
{
    QCOMPARE(PgCopy::escapeField(QString()), QByteArray("\\N"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("")), QByteArray(""));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("a\tb\nc\rd\\e")),
             QByteArray("a\\tb\\nc\\rd\\\\e"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("\\N")), QByteArray("\\\\N"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("ü")), QByteArray("\xc3\xbc"));
}

QTEST_GUILESS_MAIN(TestDemoFirm)
#include "tst_demo_firm.moc"
