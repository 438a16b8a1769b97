#pragma once

// A small UK firm for the time and sync benchmarks (issue 5): one project manager ("bench.pm")
// with ten active GBP projects of two open tasks each, and `consultants` consultants
// ("bench.c1" …) with employee records (40 h a week, a cost rate since 2020) and a hard
// assignment to one of the projects. Everything set-based; then ANALYZE.
//
// Sign-in is not what these benchmarks measure, and 600 Argon2id logins would take the two
// cores most of a minute, so each user gets a session written straight into `sessions`: the
// bearer token is "bench-token-<username>" and the table holds its SHA-256, as the server
// stores its own tokens.
#include "bench_support.h"
#include "db/database.h"
#include "test_database.h"
#include "test_server.h"

#include <QDate>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace keel::bench {

struct TimeFirm
{
    qint64 pmUserId = 0;
    QList<qint64> projects;   // ten projects of bench.pm
    QList<qint64> tasks;      // two per project, in project order
    QList<qint64> employees;  // consultant i → employee id
    QList<QByteArray> tokens; // consultant i → bearer token
    QList<int> projectOf;     // consultant i → index into projects
    QByteArray pmToken;
};

inline QByteArray benchToken(const QString &username)
{
    return "bench-token-" + username.toUtf8();
}

inline TimeFirm seedTimeFirm(const keel::test::TestDatabase &database, int consultants)
{
    keel::test::seedLegalEntities(database);
    QSqlDatabase sql = database.sql();
    keel::db::exec(
        sql,
        QStringLiteral(
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT 'bench.pm', "
            "'Bench PM', id FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO users (username, display_name, legal_entity_id) SELECT 'bench.c' || i, "
            "'Consultant ' || i, e.id FROM generate_series(1, %1) i, legal_entities e WHERE "
            "e.code = 'UK' ORDER BY i;"
            "INSERT INTO user_roles (user_id, role, legal_entity_id) SELECT u.id, r.role, e.id "
            "FROM users u CROSS JOIN legal_entities e CROSS JOIN (VALUES ('consultant'), "
            "('project_manager')) r (role) WHERE e.code = 'UK' AND (u.username LIKE 'bench.c%' "
            "AND r.role = 'consultant' OR u.username = 'bench.pm');"
            "INSERT INTO employees (user_id, legal_entity_id, country, job_role_id, "
            "weekly_capacity_hours) SELECT u.id, u.legal_entity_id, 'GB', (SELECT id FROM "
            "job_roles WHERE code = 'CONSULTANT'), 40 FROM users u WHERE u.username LIKE "
            "'bench.%' ORDER BY u.id;"
            "INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, valid_from) "
            "SELECT id, 'GBP', 55 + id % 20, '2020-01-01' FROM employees ORDER BY id;"
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) SELECT id, 'Bench client', 'bench client', 'GB', 'GBP', 'STANDARD' "
            "FROM legal_entities WHERE code = 'UK';"
            "INSERT INTO projects (legal_entity_id, account_id, project_manager_id, name, "
            "currency, start_date, end_date, status) SELECT a.legal_entity_id, a.id, u.id, "
            "'Bench project ' || i, 'GBP', '2020-01-01', '2030-12-31', 'active' FROM "
            "generate_series(1, 10) i, accounts a, users u WHERE u.username = 'bench.pm' ORDER "
            "BY i;"
            "INSERT INTO project_tasks (project_id, seq, name, billable) SELECT p.id, s, "
            "CASE s WHEN 1 THEN 'Build' ELSE 'Test' END, true FROM projects p, "
            "generate_series(1, 2) s ORDER BY p.id, s;"
            "INSERT INTO sessions (user_id, access_hash, access_expires_at, refresh_hash, "
            "refresh_expires_at) SELECT id, sha256(convert_to('bench-token-' || username, "
            "'UTF8')), now() + interval '1 day', sha256(convert_to('bench-refresh-' || "
            "username, 'UTF8')), now() + interval '1 day' FROM users WHERE username LIKE "
            "'bench.%'")
            .arg(consultants));
    keel::db::exec(
        sql, QStringLiteral(
                 "WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM projects), "
                 "e AS (SELECT e.id, row_number() OVER (ORDER BY e.id) - 1 AS k FROM employees "
                 "e JOIN users u ON u.id = e.user_id WHERE u.username LIKE 'bench.c%') "
                 "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                 "hours_per_week, kind) SELECT e.id, p.id, '2020-01-01', '2030-12-31', 40, "
                 "'hard' FROM e JOIN p ON p.k = e.k % 10;"
                 "ANALYZE"));

    TimeFirm firm;
    QSqlQuery q = keel::db::query(
        sql, QStringLiteral("SELECT id FROM users WHERE username = 'bench.pm'"), {});
    q.next();
    firm.pmUserId = q.value(0).toLongLong();
    firm.pmToken = benchToken(QStringLiteral("bench.pm"));
    q = keel::db::query(sql, QStringLiteral("SELECT id FROM projects ORDER BY id"), {});
    while (q.next())
        firm.projects << q.value(0).toLongLong();
    q = keel::db::query(sql,
                        QStringLiteral("SELECT id FROM project_tasks ORDER BY project_id, "
                                       "seq"),
                        {});
    while (q.next())
        firm.tasks << q.value(0).toLongLong();
    q = keel::db::query(sql,
                        QStringLiteral("SELECT e.id, u.username FROM employees e JOIN "
                                       "users u ON u.id = e.user_id WHERE u.username LIKE "
                                       "'bench.c%' ORDER BY e.id"),
                        {});
    while (q.next()) {
        firm.projectOf << int(firm.employees.size() % 10);
        firm.employees << q.value(0).toLongLong();
        firm.tokens << benchToken(q.value(1).toString());
    }
    if (firm.employees.size() != consultants || firm.projects.size() != 10)
        throw BenchError(QStringLiteral("seeded %1 consultants and %2 projects")
                             .arg(firm.employees.size())
                             .arg(firm.projects.size()));
    return firm;
}

// Monday of last week: time may be entered up to 14 days ahead, so the past is always open.
inline QDate benchMonday()
{
    const QDate today = QDate::currentDate();
    return today.addDays(1 - today.dayOfWeek() - 7);
}

inline QString benchUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A sync push operation creating one time entry.
inline QJsonObject benchSaveOp(qint64 project, qint64 task, const QDate &date, const QString &hours,
                               const QString &notes)
{
    return {{"op_id", benchUuid()},
            {"kind", "time_entry.save"},
            {"id", benchUuid()},
            {"base_version", 0},
            {"fields", QJsonObject{{"work_date", date.toString(Qt::ISODate)},
                                   {"project_id", QString::number(project)},
                                   {"task_id", QString::number(task)},
                                   {"hours", hours},
                                   {"notes", notes}}}};
}

// `count` submitted lines of the consultants on bench.pm's projects, spread over the weeks
// before last week (at most 8 a day per person, 1 h each), written straight into the table.
inline void seedSubmittedLines(const keel::test::TestDatabase &database, int count)
{
    keel::db::exec(
        database.sql(),
        QStringLiteral(
            "WITH e AS (SELECT e.id, e.legal_entity_id, row_number() OVER (ORDER BY e.id) - 1 AS "
            "k, count(*) OVER () AS n FROM employees e JOIN users u ON u.id = e.user_id WHERE "
            "u.username LIKE 'bench.c%'), p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 "
            "AS k FROM projects) "
            "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, task_id, "
            "work_date, hours, billable, notes, status, submitted_at, version) SELECT "
            "gen_random_uuid(), e.id, e.legal_entity_id, p.id, (SELECT t.id FROM project_tasks "
            "t WHERE t.project_id = p.id ORDER BY t.seq LIMIT 1), DATE '%2' - 14 - (i / (e.n * "
            "8))::int, 1, true, 'bench line ' || i, 'submitted', now(), 2 FROM "
            "generate_series(0, %1 - 1) i JOIN e ON e.k = i % e.n JOIN p ON p.k = e.k % 10;"
            "ANALYZE time_entries")
            .arg(count)
            .arg(benchMonday().toString(Qt::ISODate)));
}

} // namespace keel::bench
