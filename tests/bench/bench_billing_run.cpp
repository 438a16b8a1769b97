// bench_billing_run: the month's billing run of one legal entity at scale 1 (issue 6: about
// 35,000 approved entries, about 1,000 invoices; target under 3 s). A fresh database whose UK
// entity has 600 consultants, 250 clients and 1,000 signed contracts (each with its project): 900
// time-and-materials (one in ten with a not-to-exceed cap of 2,000.00 that the month crosses),
// 50 retainers (30 h a month drawn down, the rest overage) and 50 more time-and-materials with a
// contract rate per role; 35,000 approved billable entries in March 2026 and 3,000 approved
// billable expenses, written set-based, then ANALYZE. Figure: billing_run_s, the wall time of
// BillingRunService::runNow for UK and 2026-03 with its commit (one transaction, as the job's
// worker runs it). Checked: one invoice per contract, every approved hour claimed once.
#include "bench_support.h"
#include "billing/billing_run_service.h"
#include "db/database.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kContracts = 1000;
constexpr int kEntries = 35000;
constexpr int kExpenses = 3000;

void seed(const keel::test::TestDatabase &database)
{
    keel::test::seedLegalEntities(database);
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT 'bench.e' || i, "
            "'Consultant ' || i, e.id FROM generate_series(1, 600) i, legal_entities e WHERE "
            "e.code = 'UK' ORDER BY i;"
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) SELECT u.id, "
            "u.legal_entity_id, 'GB', r.ids[1 + u.id % 6] FROM users u, (SELECT "
            "array_agg(id ORDER BY id) AS ids FROM job_roles) r WHERE u.username LIKE 'bench.e%' "
            "ORDER BY u.id;"
            "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, hourly_rate, "
            "valid_from) SELECT e.id, 'GBP', jr.id, 85 + jr.sort_order * 3.5, '2025-01-01' FROM "
            "legal_entities e, job_roles jr WHERE e.code = 'UK';"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "payment_terms_days, tax_profile) SELECT e.id, 'Client ' || i, 'client ' || i, "
            "CASE WHEN i % 25 = 0 THEN 'US' ELSE 'GB' END, 'GBP', 30, CASE WHEN i % 40 = 0 THEN "
            "'UK_VAT_ZERO' ELSE 'UK_VAT_STANDARD' END FROM generate_series(1, 250) i, "
            "legal_entities e WHERE e.code = 'UK' ORDER BY i;"
            "INSERT INTO contracts (legal_entity_id, account_id, number, title, currency, "
            "start_date, end_date, signature_date, status) SELECT a.legal_entity_id, "
            "a.ids[1 + i % 250], 'SOW-UK-B-' || i, 'Contract ' || i, 'GBP', '2026-01-01', "
            "'2026-12-31', '2025-12-15', 'signed' FROM generate_series(1, %1) i, (SELECT "
            "min(legal_entity_id) AS legal_entity_id, array_agg(id ORDER BY id) AS ids FROM "
            "accounts) a ORDER BY i;"
            "INSERT INTO projects (legal_entity_id, account_id, contract_id, name, currency, "
            "start_date, end_date, status) SELECT legal_entity_id, account_id, id, 'Project ' || "
            "number, currency, start_date, end_date, 'active' FROM contracts ORDER BY id;"
            "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, value, "
            "not_to_exceed, monthly_amount, drawdown_hours, rollover, start_date, end_date) "
            "SELECT id, 1, 'Services', CASE WHEN id % 20 = 0 THEN 'retainer' ELSE "
            "'time_and_materials' END, 0, CASE WHEN id % 10 = 3 THEN 2000 END, CASE WHEN id % "
            "20 = 0 THEN 8000 END, CASE WHEN id % 20 = 0 THEN 30 END, CASE WHEN id % 20 = 0 THEN "
            "'next_period' END, CASE WHEN id % 20 = 0 THEN DATE '2026-01-01' END, CASE WHEN id % "
            "20 = 0 THEN DATE '2026-12-31' END FROM contracts ORDER BY id;"
            "INSERT INTO contract_line_items (line_id, contract_id, kind, seq, job_role_id, rate) "
            "SELECT l.id, l.contract_id, 'rate', jr.sort_order / 10, jr.id, 120 + jr.sort_order "
            "FROM contract_lines l, job_roles jr WHERE l.contract_id % 20 = 10;"
            "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, work_date, "
            "hours, billable, status) SELECT gen_random_uuid(), x.emps[1 + k % 600], "
            "x.entity, x.projects[1 + (k * 7) % %1], DATE '2026-03-02' + (k % 28), "
            "1 + (k % 8) * 0.5, true, 'approved' FROM generate_series(1, %2) k, (SELECT "
            "(SELECT array_agg(id ORDER BY id) FROM employees) AS emps, (SELECT "
            "array_agg(id ORDER BY id) FROM projects) AS projects, (SELECT id FROM "
            "legal_entities WHERE code = 'UK') AS entity) x;"
            "INSERT INTO expense_categories (legal_entity_id, code, name, markup_pct) SELECT id, "
            "'TRAVEL', 'Travel', 10 FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, project_id, "
            "expense_date, description, amount, currency, fx_rate, functional_amount, "
            "functional_currency, billable, markup_pct, status) SELECT gen_random_uuid(), "
            "x.emps[1 + k % 600], x.entity, x.category, x.projects[1 + (k * 13) % %1], "
            "DATE '2026-03-02' + (k % 28), 'Train to site', 20 + (k % 50) * 3.17, 'GBP', 1, "
            "20 + (k % 50) * 3.17, 'GBP', true, (k % 3) * 5, 'approved' FROM generate_series(1, "
            "%3) k, (SELECT (SELECT array_agg(id ORDER BY id) FROM employees) AS emps, (SELECT "
            "array_agg(id ORDER BY id) FROM projects) AS projects, (SELECT id FROM "
            "legal_entities WHERE code = 'UK') AS entity, (SELECT id FROM expense_categories) AS "
            "category) x;"
            "ANALYZE")
            .arg(kContracts)
            .arg(kEntries)
            .arg(kExpenses));
}

QString scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q = keel::db::query(db, sql, {});
    q.next();
    return q.value(0).toString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return runBench({"billing_run_s"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_billing_run"));
        seed(database);
        QSqlDatabase db = database.sql();
        const qint64 user = scalar(db, QStringLiteral("SELECT min(id) FROM users")).toLongLong();
        keel::BillingRunService runs(database.config());
        keel::BillingRunParams params;
        params.legalEntityId =
            scalar(db, QStringLiteral("SELECT id FROM legal_entities WHERE code = 'UK'"))
                .toLongLong();
        params.period = keel::Period(2026, 3);

        // KEEL_BENCH_EXPLAIN=1 logs the plans of the run's slow statements (the cluster's log).
        if (qEnvironmentVariableIsSet("KEEL_BENCH_EXPLAIN"))
            keel::db::exec(db,
                           QStringLiteral("LOAD 'auto_explain'; SET auto_explain.log_analyze = on; "
                                          "SET auto_explain.log_min_duration = 100"));
        QElapsedTimer t;
        t.start();
        keel::db::Transaction tx(db);
        const qint64 run = runs.runNow(db, params, user);
        tx.commit();
        const double seconds = double(t.nsecsElapsed()) / 1e9;

        const QString invoices = scalar(
            db, QStringLiteral("SELECT invoice_count FROM billing_runs WHERE id = %1").arg(run));
        if (invoices.toInt() != kContracts)
            throw BenchError(QStringLiteral("%1 invoices, not %2").arg(invoices).arg(kContracts));
        const QString claimed = scalar(db, QStringLiteral("SELECT sum(hours)::text FROM "
                                                          "billing_sources WHERE source_kind = "
                                                          "'time_entry'"));
        const QString approved =
            scalar(db, QStringLiteral("SELECT sum(hours)::text FROM time_entries"));
        if (claimed != approved)
            throw BenchError(QStringLiteral("claimed %1 h of %2 approved").arg(claimed, approved));
        emitValue(QStringLiteral("billing_run_s"), seconds, QStringLiteral("s"), 1);
    });
}
