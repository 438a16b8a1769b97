#include "demo_time.h"

#include "../db/pg_copy.h"
#include "demo_sales.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>
#include <vector>

namespace keel {

namespace {

using demo::SplitMix64;

// Its own stream, so that adding rows elsewhere in the demo never reshuffles the time.
constexpr std::uint64_t TimeSeed = demo::DemoSeed ^ 0x54494D45ULL; // "TIME"

// The history starts two years before the demo's today.
constexpr int HistoryDays = 730;

// The planted overruns (insights_planted overrun_project): one in three fixed-fee projects
// (every line fixed fee, by project id) takes 1.6 times the hours its staffing plan gives it from
// its first day on, so the margin-risk alerts can find it before half its budget is spent.
// A condition on projects `p`.
constexpr auto OverrunProjectSql =
    "(p.id % 3 = 0 AND EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = "
    "p.contract_id AND l.billing_model = 'fixed_fee') AND NOT EXISTS (SELECT 1 FROM "
    "contract_lines l WHERE l.contract_id = p.contract_id AND l.billing_model <> 'fixed_fee'))";

struct CostRate
{
    qint64 from = 0; // julian days, inclusive
    qint64 to = 0;
    qint64 micro = 0; // hourly cost in millionths
    QString text;
    QString currency;
};

struct Leave
{
    qint64 from = 0;
    qint64 to = 0;
    int centiHours = -1; // hours off per day in hundredths; -1: the whole day
};

struct Assignment
{
    qint64 from = 0;
    qint64 to = 0;
    int weight = 0; // hours per week in hundredths
    QString projectId;
    QString projectEntityId; // the entry's entity, as the time service sets it
    QString taskId;
    QString billable;
    QString pmUserId;
    bool overrun = false; // a planted overrun project (see OverrunProjectSql)
};

struct Employee
{
    QString id;
    QString userId;
    QString entityId;
    QString country;
    QString managerUserId;
    QString username;
    int dayCentiHours = 800;
    std::vector<Assignment> assignments;
    std::vector<Leave> leave;
    std::vector<CostRate> rates;
};

const std::array<const char *, 12> Notes = {
    "Workshop with the client team",
    "Solution design and review",
    "Implementation",
    "Testing and defect fixing",
    "Documentation",
    "Status meeting and planning",
    "Data analysis",
    "Code review",
    "Deployment support",
    "Requirements clarification",
    "Stakeholder interviews",
    "Backlog refinement",
};

const std::array<const char *, 4> RejectionReasons = {
    "Please book the workshop hours on the design task.",
    "Hours look too high for this day; please check against the calendar.",
    "Notes missing: what was delivered?",
    "Wrong project: this work belongs to the client's other engagement.",
};

// Splits `units` into `parts` pieces of at least `minimum` units each (fewer pieces when there
// are not enough units), in random proportions.
std::vector<int> splitUnits(int units, int parts, int minimum, SplitMix64 &rng)
{
    parts = std::max(1, std::min(parts, units / std::max(1, minimum)));
    std::vector<int> out(std::size_t(parts), minimum);
    int rest = units - parts * minimum;
    for (int i = 0; i < parts - 1 && rest > 0; ++i) {
        const int take = int(rng.below(std::uint32_t(rest + 1)));
        out[std::size_t(i)] += take;
        rest -= take;
    }
    out.back() += rest;
    return out;
}

// Row-by-row foreign-key checks, the change_xid trigger and index upkeep (random UUID keys
// above all) would make the COPY of a few hundred thousand entries several times slower than
// the COPY itself. Inside the load's transaction the table sheds them and gets them back
// afterwards: keys and indexes are built in one sorted pass each and each foreign key is
// validated by one query when it is added again. The trigger is not needed on insert
// (change_xid defaults to the transaction's id).
class BulkTable
{
public:
    BulkTable(QSqlDatabase &db, const QString &table) : m_db(db), m_table(table) {}

    bool shed(QString *error)
    {
        // Foreign keys of the table and those pointing at it (they depend on its key).
        if (!read(QStringLiteral("SELECT conrelid::regclass::text, conname, "
                                 "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = "
                                 "'f' AND (conrelid = '%1'::regclass OR confrelid = "
                                 "'%1'::regclass) ORDER BY 1, 2"),
                  &m_foreignKeys, error) ||
            !read(QStringLiteral("SELECT conrelid::regclass::text, conname, "
                                 "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN "
                                 "('p', 'u') AND conrelid = '%1'::regclass ORDER BY 1, 2"),
                  &m_keys, error) ||
            !read(QStringLiteral("SELECT '', c.relname, pg_get_indexdef(i.indexrelid) FROM "
                                 "pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE "
                                 "i.indrelid = '%1'::regclass AND NOT EXISTS (SELECT 1 FROM "
                                 "pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 2"),
                  &m_indexes, error))
            return false;
        QStringList statements{QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(m_table)};
        for (const Item &fk : std::as_const(m_foreignKeys))
            statements
                << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(fk.table, fk.name);
        for (const Item &key : std::as_const(m_keys))
            statements
                << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(key.table, key.name);
        for (const Item &index : std::as_const(m_indexes))
            statements << QStringLiteral("DROP INDEX %1").arg(index.name);
        return execAll(statements, error);
    }

    bool restore(QString *error)
    {
        QStringList statements;
        for (const Item &key : std::as_const(m_keys))
            statements << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3")
                              .arg(key.table, key.name, key.definition);
        for (const Item &index : std::as_const(m_indexes))
            statements << index.definition;
        for (const Item &fk : std::as_const(m_foreignKeys))
            statements << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3")
                              .arg(fk.table, fk.name, fk.definition);
        statements << QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(m_table);
        return execAll(statements, error);
    }

private:
    struct Item
    {
        QString table;
        QString name;
        QString definition; // of the constraint, or the CREATE INDEX statement
    };

    bool read(const QString &sql, QList<Item> *into, QString *error)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql.arg(m_table)))
            return failed(q, error);
        while (q.next())
            into->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
        return true;
    }

    bool execAll(const QStringList &statements, QString *error)
    {
        QSqlQuery q(m_db);
        for (const QString &sql : statements)
            if (!q.exec(sql))
                return failed(q, error);
        return true;
    }

    static bool failed(const QSqlQuery &q, QString *error)
    {
        *error = q.lastError().text();
        return false;
    }

    QSqlDatabase &m_db;
    QString m_table;
    QList<Item> m_foreignKeys;
    QList<Item> m_keys;
    QList<Item> m_indexes;
};

class TimeLoader
{
public:
    TimeLoader(QSqlDatabase &db) : m_db(db), m_rng(TimeSeed) {}

    bool run(DemoTimeCounts *counts, QString *error)
    {
        if (!staffDemoConsultant() || !readEmployees() || !generate() || !finishSql()) {
            if (error)
                *error = QStringLiteral("Loading time: %1").arg(m_error);
            return false;
        }
        if (counts) {
            counts->timeEntries = m_entries;
            counts->timesheetWeeks = m_weeks;
        }
        return true;
    }

private:
    bool fail(const QSqlQuery &q)
    {
        m_error = q.lastError().text();
        return false;
    }

    // The demo "consultant" login needs work this week: when none of their assignments runs
    // through the demo's today, they join an active project of the "pm" login on a task of
    // their role, after their last assignment (so nobody is over-allocated unflagged).
    bool staffDemoConsultant()
    {
        QSqlQuery q(m_db);
        if (!q.exec(
                QStringLiteral(
                    "INSERT INTO assignments (employee_id, project_id, task_id, start_date, "
                    "end_date, hours_per_week, kind, probability) SELECT e.id, p.id, (SELECT t.id "
                    "FROM project_tasks t WHERE t.project_id = p.id AND t.status = 'open' ORDER BY "
                    "t.job_role_id IS NOT DISTINCT FROM e.job_role_id DESC, t.seq LIMIT 1), "
                    "greatest(p.start_date, DATE '%1' - 75, (SELECT max(a.end_date) + 1 FROM "
                    "assignments a "
                    "WHERE a.employee_id = e.id AND a.kind = 'hard')), p.end_date, 24, 'hard', 100 "
                    "FROM "
                    "employees e JOIN users u ON u.id = e.user_id AND u.username = 'consultant' "
                    "JOIN LATERAL (SELECT p.* FROM projects p JOIN users m ON m.id = "
                    "p.project_manager_id AND m.username = 'pm' WHERE p.status = 'active' AND "
                    "p.legal_entity_id = e.legal_entity_id AND p.start_date <= DATE '%1' - 30 AND "
                    "p.end_date >= DATE '%1' + 30 ORDER BY p.id LIMIT 1) p ON true WHERE NOT "
                    "EXISTS "
                    "(SELECT 1 FROM assignments a WHERE a.employee_id = e.id AND a.kind = 'hard' "
                    "AND "
                    "DATE '%1' BETWEEN a.start_date AND a.end_date)")
                    .arg(demoAsOf().toString(Qt::ISODate))))
            return fail(q);
        return true;
    }

    bool readEmployees()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral(
                "SELECT e.id, e.user_id, e.legal_entity_id, e.country, m.user_id, u.username, "
                "(e.weekly_capacity_hours * 20)::int FROM employees e JOIN users u ON u.id = "
                "e.user_id LEFT JOIN employees m ON m.id = e.manager_id WHERE EXISTS (SELECT 1 "
                "FROM assignments a WHERE a.employee_id = e.id AND a.kind = 'hard' AND "
                "a.project_id IS NOT NULL) ORDER BY e.id")))
            return fail(q);
        while (q.next()) {
            Employee e;
            e.id = q.value(0).toString();
            e.userId = q.value(1).toString();
            e.entityId = q.value(2).toString();
            e.country = q.value(3).toString();
            e.managerUserId = q.value(4).toString();
            e.username = q.value(5).toString();
            e.dayCentiHours = q.value(6).toInt(); // weekly hours / 5, in hundredths
            m_index.insert(e.id, int(m_employees.size()));
            m_employees.push_back(std::move(e));
        }

        // The task of the assignment's role on the project (one task per budgeted role).
        if (!q.exec(QStringLiteral(
                        "SELECT a.employee_id, a.start_date, a.end_date, (a.hours_per_week * "
                        "100)::int, a.project_id, t.id, t.billable, p.project_manager_id, "
                        "p.legal_entity_id, %1 FROM assignments a JOIN projects p ON p.id = "
                        "a.project_id LEFT JOIN resource_requests r ON r.id = a.request_id LEFT "
                        "JOIN LATERAL (SELECT pt.id, pt.billable FROM project_tasks pt WHERE "
                        "pt.project_id = a.project_id ORDER BY pt.id IS NOT DISTINCT FROM "
                        "a.task_id DESC, pt.job_role_id IS NOT DISTINCT FROM r.job_role_id DESC, "
                        "pt.seq LIMIT 1) t ON true WHERE a.kind = 'hard' ORDER BY a.employee_id, "
                        "a.start_date, a.id")
                        .arg(QLatin1String(OverrunProjectSql))))
            return fail(q);
        while (q.next()) {
            const auto it = m_index.constFind(q.value(0).toString());
            if (it == m_index.constEnd() || q.value(5).isNull())
                continue;
            Assignment a;
            a.from = q.value(1).toDate().toJulianDay();
            a.to = q.value(2).toDate().toJulianDay();
            a.weight = q.value(3).toInt();
            a.projectId = q.value(4).toString();
            a.taskId = q.value(5).toString();
            a.billable = q.value(6).toBool() ? QStringLiteral("t") : QStringLiteral("f");
            a.pmUserId = q.value(7).toString();
            a.projectEntityId = q.value(8).toString();
            a.overrun = q.value(9).toBool();
            m_employees[std::size_t(*it)].assignments.push_back(a);
        }

        if (!q.exec(QStringLiteral("SELECT employee_id, start_date, end_date, (hours_per_day * "
                                   "100)::int FROM employee_leave WHERE status = 'approved' "
                                   "ORDER BY employee_id, start_date")))
            return fail(q);
        while (q.next()) {
            const auto it = m_index.constFind(q.value(0).toString());
            if (it == m_index.constEnd())
                continue;
            m_employees[std::size_t(*it)].leave.push_back(
                {q.value(1).toDate().toJulianDay(), q.value(2).toDate().toJulianDay(),
                 q.value(3).isNull() ? -1 : q.value(3).toInt()});
        }

        if (!q.exec(QStringLiteral("SELECT employee_id, valid_from, valid_to, (hourly_cost * "
                                   "1000000)::bigint, hourly_cost::text, currency FROM "
                                   "employee_cost_rates ORDER BY employee_id, valid_from")))
            return fail(q);
        while (q.next()) {
            const auto it = m_index.constFind(q.value(0).toString());
            if (it == m_index.constEnd())
                continue;
            m_employees[std::size_t(*it)].rates.push_back(
                {q.value(1).toDate().toJulianDay(),
                 q.value(2).isNull() ? std::numeric_limits<qint64>::max()
                                     : q.value(2).toDate().toJulianDay(),
                 q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString()});
        }

        if (!q.exec(QStringLiteral("SELECT country, date FROM holidays")))
            return fail(q);
        while (q.next())
            m_holidays.insert(q.value(0).toString() + q.value(1).toDate().toString(Qt::ISODate));
        return true;
    }

    // The cost rate on a day; before the first period, the first period's rate.
    static const CostRate *rateOn(const Employee &e, qint64 day)
    {
        for (const CostRate &r : e.rates)
            if (r.from <= day && day <= r.to)
                return &r;
        return e.rates.empty() ? nullptr : &e.rates.front();
    }

    static int leaveOn(const Employee &e, qint64 day)
    {
        for (const Leave &l : e.leave)
            if (l.from <= day && day <= l.to)
                return l.centiHours;
        return 0;
    }

    bool generate()
    {
        const qint64 today = demoAsOf().toJulianDay();
        const qint64 currentWeek = today - (QDate::fromJulianDay(today).dayOfWeek() - 1);
        const qint64 previousWeek = currentWeek - 7;
        const qint64 first = today - HistoryDays;

        BulkTable table(m_db, QStringLiteral("time_entries"));
        if (!table.shed(&m_error))
            return false;
        PgCopy copy(m_db,
                    QStringLiteral(
                        "COPY time_entries (id, employee_id, legal_entity_id, project_id, task_id, "
                        "work_date, hours, billable, notes, status, rejection_reason, "
                        "submitted_at, decided_at, decided_by, cost_rate, cost_amount, "
                        "cost_currency, created_by, created_at, updated_at, version) FROM STDIN"));
        // (employee index, week start) → submitted hundredths of hours
        std::map<std::pair<int, qint64>, qint64> weeks;

        for (std::size_t ei = 0; ei < m_employees.size(); ++ei) {
            const Employee &e = m_employees[ei];
            // Days of the current week already entered (Monday on); the demo consultant has
            // Monday to Wednesday. One in ten has not submitted last week.
            const int enteredDays =
                e.username == QLatin1String("consultant") ? 3 : int(m_rng.below(6));
            const bool demoLogin =
                e.username == QLatin1String("consultant") || e.username == QLatin1String("pm");
            const bool lastWeekOpen = !demoLogin && m_rng.below(10) == 0;
            // Per project, last week's fate: 0 approved, 1 submitted, 2 rejected.
            QHash<QString, int> lastWeekFate;

            std::vector<const Assignment *> active;
            for (qint64 day = first; day <= today; ++day) {
                const QDate date = QDate::fromJulianDay(day);
                const int dow = date.dayOfWeek();
                if (dow > 5)
                    continue;
                const qint64 weekStart = day - (dow - 1);
                if (weekStart == currentWeek && dow > enteredDays)
                    continue;
                active.clear();
                int weightSum = 0;
                for (const Assignment &a : e.assignments) {
                    if (a.from <= day && day <= a.to) {
                        active.push_back(&a);
                        weightSum += a.weight;
                    }
                }
                if (active.empty() || weightSum <= 0)
                    continue;
                const QString iso = date.toString(Qt::ISODate);
                if (m_holidays.contains(e.country + iso))
                    continue;
                const int off = leaveOn(e, day);
                if (off < 0)
                    continue;

                // The day in quarter hours: what the assignments plan for the day plus the
                // usual 60 % more (projects overrun their staffing plans, and the plans leave
                // room for meetings), at most the standard day; sometimes half an hour or an
                // hour more or less; less part-day leave.
                static constexpr std::array<int, 10> Jitter = {0, 0, 0, 0, 0, 0, 2, 2, -2, 4};
                const int planned = std::min(e.dayCentiHours, weightSum * 8 / 25);
                const int quarters = (planned - off) / 25 + Jitter[std::size_t(m_rng.below(10))];
                if (quarters < 2)
                    continue;

                // Quarters by weight (largest remainder), then about three entries a day.
                std::vector<int> share(active.size());
                std::vector<std::pair<int, std::size_t>> remainders;
                int given = 0;
                for (std::size_t i = 0; i < active.size(); ++i) {
                    const int exact = quarters * active[i]->weight;
                    share[i] = exact / weightSum;
                    given += share[i];
                    remainders.push_back({-(exact % weightSum), i});
                }
                std::sort(remainders.begin(), remainders.end());
                for (int k = 0; k < quarters - given; ++k)
                    ++share[remainders[std::size_t(k) % remainders.size()].second];

                const std::size_t biggest =
                    std::size_t(std::max_element(share.begin(), share.end()) - share.begin());
                for (std::size_t i = 0; i < active.size(); ++i) {
                    if (share[i] == 0)
                        continue;
                    const Assignment &a = *active[i];
                    int parts = active.size() == 1 ? 3 : active.size() == 2 && i == biggest ? 2 : 1;
                    for (int q : splitUnits(share[i], parts, 2, m_rng)) {
                        // A planted overrun's pieces grow after the split (overtime), so the
                        // random stream, and everybody else's time, stays as it was.
                        if (a.overrun)
                            q = (q * 8 + 2) / 5;
                        emitEntry(copy, weeks, int(ei), e, a, day, weekStart, q * 25, currentWeek,
                                  previousWeek, lastWeekOpen, lastWeekFate);
                    }
                }
            }
        }
        QString copyError;
        if (!copy.finish(&copyError)) {
            m_error = copyError;
            return false;
        }
        m_entries = int(copy.rowCount());
        if (!table.restore(&m_error))
            return false;

        PgCopy weekCopy(m_db, QStringLiteral("COPY timesheet_weeks (employee_id, week_start, "
                                             "submitted_at, submitted_hours) FROM STDIN"));
        for (const auto &[key, centi] : weeks) {
            weekCopy.addRow({m_employees[std::size_t(key.first)].id,
                             QDate::fromJulianDay(key.second).toString(Qt::ISODate),
                             demoTimestamp(key.second + 4, 16, 30 + key.first % 30),
                             demoCents(centi)});
        }
        if (!weekCopy.finish(&copyError)) {
            m_error = copyError;
            return false;
        }
        m_weeks = int(weekCopy.rowCount());
        return true;
    }

    void emitEntry(PgCopy &copy, std::map<std::pair<int, qint64>, qint64> &weeks, int ei,
                   const Employee &e, const Assignment &a, qint64 day, qint64 weekStart,
                   int centiHours, qint64 currentWeek, qint64 previousWeek, bool lastWeekOpen,
                   QHash<QString, int> &lastWeekFate)
    {
        const QString id = demoUuid(m_rng);
        const QString notes = QString::fromUtf8(Notes[m_rng.below(Notes.size())]);
        const std::uint32_t roll = m_rng.below(1000);
        // The project's manager decides, unless it is the person's own time: then their line
        // manager does.
        const QString decider =
            a.pmUserId != e.userId || e.managerUserId.isEmpty() ? a.pmUserId : e.managerUserId;
        const QString submittedAt = demoTimestamp(weekStart + 4, 16, 30 + ei % 30);
        const QString createdAt = demoTimestamp(day, 17, ei % 60);

        QString status;
        QString reason;
        int version = 1;
        if (weekStart >= currentWeek || (weekStart == previousWeek && lastWeekOpen)) {
            status = QStringLiteral("draft");
        } else if (weekStart == previousWeek) {
            auto fate = lastWeekFate.constFind(a.projectId);
            if (fate == lastWeekFate.constEnd()) {
                const std::uint32_t r = m_rng.below(20);
                // The approval inbox of the demo "pm" login waits on all of last week, and the
                // demo "consultant" waits for it.
                const int f = e.username == QLatin1String("consultant") ? 1
                              : r == 0                                  ? 2
                              : (a.pmUserId == m_pmUserId() || r < 9)   ? 1
                                                                        : 0;
                fate = lastWeekFate.insert(a.projectId, f);
            }
            status = *fate == 0   ? QStringLiteral("approved")
                     : *fate == 1 ? QStringLiteral("submitted")
                                  : QStringLiteral("rejected");
            version = *fate == 1 ? 2 : 3;
            if (*fate == 2)
                reason = QString::fromUtf8(RejectionReasons[std::size_t(ei) % 4]);
        } else {
            status = QStringLiteral("approved");
            version = 3;
            // Rejected once, corrected and resubmitted, then approved.
            if (roll < 4) {
                reason = QString::fromUtf8(RejectionReasons[roll]);
                version = 6;
            }
        }

        const bool decided =
            status == QLatin1String("approved") || status == QLatin1String("rejected");
        const bool submitted = decided || status == QLatin1String("submitted");
        QString rate, amount, currency;
        if (status == QLatin1String("approved")) {
            if (const CostRate *r = rateOn(e, day)) {
                rate = r->text;
                // hundredths of hours × millionths = 1e-8; to cents, half away from zero.
                const qint64 raw = qint64(centiHours) * r->micro;
                amount = demoCents((raw + 500'000) / 1'000'000);
                currency = r->currency;
            }
        }
        const QString decidedAt = decided ? demoTimestamp(weekStart + 8, 9 + ei % 8) : QString();
        if (submitted)
            weeks[{ei, weekStart}] += centiHours;

        copy.addRow({id,
                     e.id,
                     a.projectEntityId,
                     a.projectId,
                     a.taskId,
                     QDate::fromJulianDay(day).toString(Qt::ISODate),
                     demoCents(centiHours),
                     a.billable,
                     notes,
                     status,
                     reason.isEmpty() ? QString() : reason,
                     submitted ? submittedAt : QString(),
                     decidedAt,
                     decided ? decider : QString(),
                     rate.isEmpty() ? QString() : rate,
                     amount.isEmpty() ? QString() : amount,
                     currency.isEmpty() ? QString() : currency,
                     e.userId,
                     createdAt,
                     decided     ? decidedAt
                     : submitted ? submittedAt
                                 : createdAt,
                     QString::number(version)});
    }

    const QString &m_pmUserId()
    {
        if (!m_pmLooked) {
            m_pmLooked = true;
            for (const Employee &e : m_employees)
                if (e.username == QLatin1String("pm"))
                    m_pm = e.userId;
            if (m_pm.isEmpty()) {
                QSqlQuery q(m_db);
                if (q.exec(QStringLiteral("SELECT id FROM users WHERE username = 'pm'")) &&
                    q.next())
                    m_pm = q.value(0).toString();
            }
        }
        return m_pm;
    }

    // Task actuals are the approved time; the estimate to complete of open tasks is what the
    // budget has left (plus the project's usual overrun), at the rate it had.
    bool finishSql()
    {
        QSqlQuery q(m_db);
        const QStringList steps = {
            QStringLiteral("CREATE TEMP TABLE demo_task_time ON COMMIT DROP AS SELECT t.id, "
                           "coalesce(s.h, 0) AS h, coalesce(s.c, 0) AS c FROM project_tasks t "
                           "LEFT JOIN (SELECT task_id, sum(hours) AS h, sum(cost_amount) AS c "
                           "FROM time_entries WHERE status IN ('approved', 'invoiced') GROUP BY "
                           "task_id) s ON s.task_id = t.id"),
            QStringLiteral(
                "UPDATE project_tasks t SET actual_hours = d.h, actual_cost = d.c, etc_hours = "
                "CASE WHEN t.status = 'closed' OR p.status IN ('closed', 'planned') THEN "
                "t.etc_hours ELSE x.etc END, etc_cost = CASE WHEN t.status = 'closed' OR "
                "p.status IN ('closed', 'planned') THEN t.etc_cost ELSE round(x.etc * CASE WHEN "
                "t.etc_hours > 0 THEN t.etc_cost / t.etc_hours WHEN t.actual_hours > 0 THEN "
                "t.actual_cost / t.actual_hours ELSE 0 END, 2) END FROM demo_task_time d JOIN "
                "project_tasks o ON o.id = d.id JOIN projects p ON p.id = o.project_id CROSS "
                "JOIN LATERAL (SELECT greatest(0, o.budget_hours - d.h) + round(o.budget_hours * "
                "((o.project_id % 4) * 3) / 100.0, 2) AS etc) x WHERE d.id = t.id"),
            // One active fixed-fee project in four (by contract) went wrong: its manager
            // re-estimated the remaining work so that the estimate at completion exceeds the fee
            // by 8–11 %, which makes it onerous (a loss provision at the next recognition run).
            // Only projects with work done and costed in their own currency.
            QStringLiteral(
                "WITH ff AS (SELECT p.id AS project_id, sum(l.value) * (1.08 + (c.id % 4) / "
                "100.0) AS target FROM projects p JOIN contracts c ON c.id = p.contract_id JOIN "
                "contract_lines l ON l.contract_id = c.id WHERE p.status = 'active' AND c.id % "
                "4 = 0 AND NOT EXISTS (SELECT 1 FROM time_entries t WHERE t.project_id = p.id "
                "AND t.cost_currency <> p.currency) GROUP BY p.id, c.id HAVING "
                "bool_and(l.billing_model = 'fixed_fee')), "
                "c AS (SELECT ff.project_id, ff.target, sum(t.actual_cost) AS ac, "
                "sum(t.etc_cost) FILTER (WHERE t.status <> 'closed') AS etc FROM ff JOIN "
                "project_tasks t ON t.project_id = ff.project_id GROUP BY 1, 2), "
                "f AS (SELECT project_id, (target - ac) / etc AS factor FROM c WHERE ac > 0 AND "
                "etc > 0 AND ac + etc < target) "
                "UPDATE project_tasks t SET etc_hours = round(t.etc_hours * f.factor, 2), "
                "etc_cost = round(t.etc_cost * f.factor, 2) FROM f WHERE t.project_id = "
                "f.project_id AND t.status <> 'closed'"),
            QStringLiteral("ANALYZE time_entries, timesheet_weeks, project_tasks"),
            // The planted truth: the overrun projects that have time.
            QStringLiteral("INSERT INTO insights_planted (kind, subject_id, detail) SELECT "
                           "'overrun_project', p.id, 'effort 1.6 times the staffing plan' FROM "
                           "projects p WHERE %1 AND EXISTS (SELECT 1 FROM time_entries t WHERE "
                           "t.project_id = p.id)")
                .arg(QLatin1String(OverrunProjectSql)),
        };
        for (const QString &sql : steps) {
            if (!q.exec(sql))
                return fail(q);
        }
        return true;
    }

    QSqlDatabase &m_db;
    SplitMix64 m_rng;
    std::vector<Employee> m_employees;
    QHash<QString, int> m_index;
    QSet<QString> m_holidays;
    QString m_error;
    QString m_pm;
    bool m_pmLooked = false;
    int m_entries = 0;
    int m_weeks = 0;
};

} // namespace

QString demoCents(qint64 cents)
{
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QString demoTimestamp(qint64 julianDay, int hour, int minute)
{
    return QStringLiteral("%1 %2:%3:00+00")
        .arg(QDate::fromJulianDay(julianDay).toString(Qt::ISODate))
        .arg(hour, 2, 10, QLatin1Char('0'))
        .arg(minute, 2, 10, QLatin1Char('0'));
}

QString demoUuid(SplitMix64 &rng)
{
    const std::uint64_t hi = (rng.next() & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    const std::uint64_t lo = (rng.next() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    const QString h = QStringLiteral("%1").arg(hi, 16, 16, QLatin1Char('0'));
    const QString l = QStringLiteral("%1").arg(lo, 16, 16, QLatin1Char('0'));
    return h.left(8) + QLatin1Char('-') + h.mid(8, 4) + QLatin1Char('-') + h.mid(12, 4) +
           QLatin1Char('-') + l.left(4) + QLatin1Char('-') + l.mid(4);
}

bool loadDemoTime(QSqlDatabase &db, DemoTimeCounts *counts, QString *error)
{
    return TimeLoader(db).run(counts, error);
}

} // namespace keel
