// bench_revrec: the month's revenue recognition run of one legal entity at scale 1 (issue 7:
// about 1,000 active contracts; target under 3 s). A fresh database whose UK entity has 600
// consultants, 250 clients and 1,000 signed contracts, each with its project and one line: 600
// time-and-materials (one in ten capped), 150 fixed fee (percentage of completion by cost, with
// an estimate to complete), 100 milestones (three each, two accepted), 80 retainers and 70
// subscriptions (straight-line); six months of approved time (35,000 entries a month, with
// their cost) and 3,000 billable expenses, then ANALYZE. May is recognised first (every contract
// posts), so June's run is a month like the others: it reads what May posted and posts the
// difference. Figure: revrec_run_s, the wall time of runRevenueRecognition for UK and 2026-06
// with its commit. Checked: 1,000 obligations measured, one entry per contract that changed.
#include "bench_support.h"
#include "db/database.h"
#include "revenue/revenue_run_engine.h"
#include "test_database.h"
#include "test_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace keel::bench;

namespace {

constexpr int kContracts = 1000;
constexpr int kEntriesPerMonth = 35000;
constexpr int kMonths = 6;

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
            "payment_terms_days, tax_profile) SELECT e.id, 'Client ' || i, 'client ' || i, 'GB', "
            "'GBP', 30, 'UK_VAT_STANDARD' FROM generate_series(1, 250) i, legal_entities e WHERE "
            "e.code = 'UK' ORDER BY i;"
            "INSERT INTO contracts (legal_entity_id, account_id, number, title, currency, "
            "start_date, end_date, signature_date, status) SELECT a.legal_entity_id, "
            "a.ids[1 + i % 250], 'SOW-UK-R-' || i, 'Contract ' || i, 'GBP', '2026-01-01', "
            "'2026-12-31', '2025-12-15', 'signed' FROM generate_series(1, %1) i, (SELECT "
            "min(legal_entity_id) AS legal_entity_id, array_agg(id ORDER BY id) AS ids FROM "
            "accounts) a ORDER BY i;"
            "INSERT INTO projects (legal_entity_id, account_id, contract_id, name, currency, "
            "start_date, end_date, status) SELECT legal_entity_id, account_id, id, 'Project ' || "
            "number, currency, start_date, end_date, 'active' FROM contracts ORDER BY id;"
            // Models by the contract's place: 0–599 T&M, 600–749 fixed fee, 750–849
            // milestones, 850–929 retainer, 930–999 subscription.
            "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, value, "
            "not_to_exceed, monthly_amount, drawdown_hours, rollover, fee_per_period, period, "
            "start_date, end_date) SELECT id, 1, 'Services', m.model, CASE m.model WHEN "
            "'fixed_fee' THEN 250000 WHEN 'milestones' THEN 90000 WHEN 'retainer' THEN 96000 WHEN "
            "'subscription' THEN 24000 ELSE 0 END, CASE WHEN m.model = 'time_and_materials' AND "
            "n % 10 = 3 THEN 20000 END, CASE WHEN m.model = 'retainer' THEN 8000 END, CASE WHEN "
            "m.model = 'retainer' THEN 30 END, CASE WHEN m.model = 'retainer' THEN 'next_period' "
            "END, CASE WHEN m.model = 'subscription' THEN 2000 END, CASE WHEN m.model = "
            "'subscription' THEN 'month' END, CASE WHEN m.model IN ('retainer', 'subscription') "
            "THEN DATE '2026-01-15' END, CASE WHEN m.model IN ('retainer', 'subscription') THEN "
            "DATE '2027-01-14' END FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "
            "contracts) c CROSS JOIN LATERAL (SELECT CASE WHEN n < 600 THEN 'time_and_materials' "
            "WHEN n < 750 THEN 'fixed_fee' WHEN n < 850 THEN 'milestones' WHEN n < 930 THEN "
            "'retainer' ELSE 'subscription' END AS model) m ORDER BY id;"
            "INSERT INTO project_tasks (project_id, seq, name, etc_cost, etc_hours) SELECT p.id, "
            "1, 'Delivery', 60000 + (p.id % 7) * 10000, 600 FROM projects p JOIN contract_lines "
            "l ON l.contract_id = p.contract_id AND l.billing_model = 'fixed_fee';"
            "INSERT INTO project_milestones (project_id, contract_line_id, seq, name, amount, "
            "currency, planned_date, state, accepted_date) SELECT p.id, l.id, s, 'Milestone ' || "
            "s, 30000, 'GBP', DATE '2026-02-20' + (s - 1) * 60, CASE WHEN s < 3 THEN 'accepted' "
            "ELSE 'pending' END, CASE WHEN s < 3 THEN DATE '2026-02-20' + (s - 1) * 60 END FROM "
            "projects p JOIN contract_lines l ON l.contract_id = p.contract_id AND "
            "l.billing_model = 'milestones', generate_series(1, 3) s;"
            "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, work_date, "
            "hours, billable, status, cost_rate, cost_amount, cost_currency) SELECT "
            "gen_random_uuid(), x.emps[1 + k % 600], x.entity, x.projects[1 + (k * 7) % %1], "
            "DATE '2026-01-05' + (k % (%3 * 30)), 1 + (k % 8) * 0.5, true, CASE WHEN k % 3 = 0 "
            "THEN 'invoiced' ELSE 'approved' END, 60, (1 + (k % 8) * 0.5) * 60, 'GBP' FROM "
            "generate_series(1, %2) k, (SELECT (SELECT array_agg(id ORDER BY id) FROM employees) "
            "AS emps, (SELECT array_agg(id ORDER BY id) FROM projects) AS projects, (SELECT id "
            "FROM legal_entities WHERE code = 'UK') AS entity) x;"
            "INSERT INTO expense_categories (legal_entity_id, code, name, markup_pct) SELECT id, "
            "'TRAVEL', 'Travel', 10 FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, project_id, "
            "expense_date, description, amount, currency, fx_rate, functional_amount, "
            "functional_currency, billable, markup_pct, status) SELECT gen_random_uuid(), "
            "x.emps[1 + k % 600], x.entity, x.category, x.projects[1 + (k * 13) % %1], "
            "DATE '2026-01-05' + (k % (%3 * 30)), 'Train to site', 20 + (k % 50) * 3.17, 'GBP', "
            "1, 20 + (k % 50) * 3.17, 'GBP', true, (k % 3) * 5, 'approved' FROM "
            "generate_series(1, 3000) k, (SELECT (SELECT array_agg(id ORDER BY id) FROM "
            "employees) AS emps, (SELECT array_agg(id ORDER BY id) FROM projects) AS projects, "
            "(SELECT id FROM legal_entities WHERE code = 'UK') AS entity, (SELECT id FROM "
            "expense_categories) AS category) x;"
            "ANALYZE")
            .arg(kContracts)
            .arg(kEntriesPerMonth * kMonths)
            .arg(kMonths));
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
    return runBench({"revrec_run_s"}, [] {
        auto database = keel::test::TestDatabase::create(QStringLiteral("bench_revrec"));
        seed(database);
        QSqlDatabase db = database.sql();
        const qint64 user = scalar(db, QStringLiteral("SELECT min(id) FROM users")).toLongLong();
        const qint64 uk =
            scalar(db, QStringLiteral("SELECT id FROM legal_entities WHERE code = 'UK'"))
                .toLongLong();
        {
            keel::db::Transaction tx(db);
            keel::runRevenueRecognition(db, uk, QDate(2026, 5, 1), user);
            tx.commit();
        }
        keel::db::exec(db, QStringLiteral("ANALYZE"));

        if (qEnvironmentVariableIsSet("KEEL_BENCH_EXPLAIN"))
            keel::db::exec(db,
                           QStringLiteral("LOAD 'auto_explain'; SET auto_explain.log_analyze = on; "
                                          "SET auto_explain.log_min_duration = 100"));
        QElapsedTimer t;
        t.start();
        keel::db::Transaction tx(db);
        const keel::RevenueRunResult r =
            keel::runRevenueRecognition(db, uk, QDate(2026, 6, 1), user);
        tx.commit();
        const double seconds = double(t.nsecsElapsed()) / 1e9;

        if (r.obligations != kContracts)
            throw BenchError(QStringLiteral("%1 obligations measured, not %2")
                                 .arg(r.obligations)
                                 .arg(kContracts));
        if (r.entries < kContracts / 2)
            throw BenchError(QStringLiteral("only %1 contracts posted").arg(r.entries));
        emitValue(QStringLiteral("revrec_run_s"), seconds, QStringLiteral("s"), 1);
    });
}
