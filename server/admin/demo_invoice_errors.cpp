#include "demo_invoice_errors.h"

#include "billing/billing_run_service.h"
#include "billing/invoice_store.h"
#include "db/database.h"
#include "demo_sales.h"
#include "http/http_types.h"

#include <QSqlQuery>

#include <array>
#include <stdexcept>
#include <vector>

namespace keel {

namespace {

// The errors and how many drafts get each (about 20 of the month's ~150 drafts).
struct PlantedKind
{
    const char *name;
    int quota;
};
constexpr std::array<PlantedKind, 6> kKinds{{
    {"rate_x10", 4},
    {"hours_x10", 4},
    {"duplicate_line", 4},
    {"after_project_closed", 3},
    {"rate_not_per_card", 3},
    {"line_per_entry", 3},
}};

struct Candidate
{
    qint64 invoice = 0;
    qint64 line = 0;    // its largest time line
    qint64 project = 0; // that line's project
    int sources = 0;    // time entries behind the line
    int history = 0;    // issued invoices of the contract
    bool activeProject = false;
};

class InvoiceErrorPlanter
{
public:
    explicit InvoiceErrorPlanter(const DbConfig &config)
        : m_db(db::connection(config)), m_runs(config), m_store(config)
    {}

    DemoInvoiceErrorCounts run()
    {
        DemoInvoiceErrorCounts counts;
        const QDate asOf = demoAsOf();
        const QDate month = QDate(asOf.year(), asOf.month(), 1).addMonths(-1);
        QSqlQuery q = query(QStringLiteral(
            "SELECT e.id, (SELECT min(ur.user_id) FROM user_roles ur WHERE ur.role = 'finance' "
            "AND ur.legal_entity_id = e.id) FROM legal_entities e ORDER BY e.id"));
        std::vector<std::pair<qint64, qint64>> entities;
        while (q.next())
            entities.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
        for (const auto &[entity, finance] : entities) {
            BillingRunParams params;
            params.legalEntityId = entity;
            params.period = Period(month.year(), month.month());
            m_runs.runNow(m_db, params, finance);
        }
        q = query(QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'draft' AND "
                                 "period_start = ?"),
                  {month});
        counts.drafts = q.next() ? q.value(0).toInt() : 0;

        std::array<int, kKinds.size()> planted{};
        for (const Candidate &c : candidates(month)) {
            for (std::size_t k = 0; k < kKinds.size(); ++k) {
                if (planted[k] >= kKinds[k].quota || !fits(kKinds[k].name, c))
                    continue;
                plant(kKinds[k].name, c);
                m_store.recomputeTotals(m_db, c.invoice);
                query(QStringLiteral("INSERT INTO insights_planted (kind, subject_id, detail) "
                                     "VALUES ('wrong_invoice', ?, ?)"),
                      {c.invoice, QString::fromLatin1(kKinds[k].name)});
                ++planted[k];
                ++counts.planted;
                break;
            }
        }
        return counts;
    }

private:
    QSqlQuery query(const QString &sql, const QVariantList &binds = {})
    {
        return db::query(m_db, sql, binds);
    }

    // The month's drafts with a time line, in an order fixed by their ids (the ids are
    // deterministic, so is the choice).
    std::vector<Candidate> candidates(QDate month)
    {
        QSqlQuery q = query(
            QStringLiteral(
                "SELECT i.id, l.id, l.project_id, (SELECT count(*) FROM billing_sources s WHERE "
                "s.invoice_line_id = l.id AND s.source_kind = 'time_entry'), (SELECT count(*) "
                "FROM invoices h WHERE h.contract_id = i.contract_id AND h.status IN ('issued', "
                "'partially_paid', 'paid')), p.status = 'active' FROM invoices i "
                "JOIN LATERAL (SELECT * FROM invoice_lines l WHERE l.invoice_id = i.id AND "
                "l.kind = 'time' AND l.unit = 'hours' AND l.job_role_id IS NOT NULL AND "
                "l.quantity > 0 ORDER BY l.amount DESC, l.id LIMIT 1) l ON true "
                "JOIN projects p ON p.id = l.project_id "
                "WHERE i.status = 'draft' AND i.kind = 'invoice' AND i.period_start = ? "
                "ORDER BY md5('keel-invoice-errors:' || i.id), i.id"),
            {month});
        std::vector<Candidate> out;
        while (q.next())
            out.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(),
                           q.value(2).toLongLong(), q.value(3).toInt(), q.value(4).toInt(),
                           q.value(5).toBool()});
        return out;
    }

    static bool fits(const QString &kind, const Candidate &c)
    {
        // The statistical errors need a history of the contract to stand out from.
        if (kind == QLatin1String("rate_x10") || kind == QLatin1String("hours_x10"))
            return c.history >= 4;
        if (kind == QLatin1String("line_per_entry"))
            return c.history >= 4 && c.sources >= 15;
        if (kind == QLatin1String("after_project_closed"))
            return c.activeProject && c.sources >= 2;
        return true;
    }

    void plant(const QString &kind, const Candidate &c)
    {
        if (kind == QLatin1String("rate_x10") || kind == QLatin1String("rate_not_per_card")) {
            // A rate typed with an extra zero; or one off the rate chain by 12 % (whole units).
            const QString rate = kind == QLatin1String("rate_x10")
                                     ? QStringLiteral("unit_price * 10")
                                     : QStringLiteral("round(unit_price * 1.12, 0)");
            query(QStringLiteral("UPDATE invoice_lines SET unit_price = %1, gross_amount = "
                                 "round(quantity * %1, 2), amount = round(quantity * %1, 2), "
                                 "tax_amount = round(round(quantity * %1, 2) * tax_rate / 100, 2) "
                                 "WHERE id = ?")
                      .arg(rate),
                  {c.line});
            query(QStringLiteral("UPDATE billing_sources s SET amount = round(s.hours * "
                                 "l.unit_price, 2) FROM invoice_lines l WHERE l.id = "
                                 "s.invoice_line_id AND l.id = ?"),
                  {c.line});
        } else if (kind == QLatin1String("hours_x10")) {
            // Hours typed with an extra zero: the line bills ten times the time behind it.
            query(QStringLiteral("UPDATE invoice_lines SET quantity = quantity * 10, gross_amount "
                                 "= round(quantity * 10 * unit_price, 2), amount = "
                                 "round(quantity * 10 * unit_price, 2), tax_amount = "
                                 "round(round(quantity * 10 * unit_price, 2) * tax_rate / 100, 2) "
                                 "WHERE id = ?"),
                  {c.line});
        } else if (kind == QLatin1String("duplicate_line")) {
            // The line typed a second time (no records behind the copy).
            query(QStringLiteral(
                      "INSERT INTO invoice_lines (invoice_id, line_no, kind, contract_line_id, "
                      "project_id, job_role_id, description, quantity, unit, unit_price, "
                      "gross_amount, amount, tax_rate, tax_amount, timing, service_start, "
                      "service_end) SELECT invoice_id, (SELECT max(line_no) + 1 FROM "
                      "invoice_lines WHERE invoice_id = l.invoice_id), kind, contract_line_id, "
                      "project_id, job_role_id, description, quantity, unit, unit_price, "
                      "gross_amount, amount, tax_rate, tax_amount, timing, service_start, "
                      "service_end FROM invoice_lines l WHERE id = ?"),
                  {c.line});
        } else if (kind == QLatin1String("after_project_closed")) {
            // The project closed before the last days the line bills: closed on the day before
            // its latest entry (never before it started).
            query(QStringLiteral(
                      "UPDATE projects p SET status = 'closed', end_date = greatest(p.start_date, "
                      "x.last - 1) FROM (SELECT max(te.work_date) AS last FROM billing_sources s "
                      "JOIN time_entries te ON te.id = CASE WHEN s.source_kind = 'time_entry' "
                      "THEN s.source_key::uuid END WHERE s.invoice_line_id = ?) x "
                      "WHERE p.id = ? AND x.last > p.start_date"),
                  {c.line, c.project});
            // A closed project's tasks are closed with nothing left to do and its staffing ends
            // with it, as when a manager closes one.
            query(QStringLiteral("UPDATE project_tasks t SET status = 'closed', etc_hours = 0, "
                                 "etc_cost = 0 FROM projects p WHERE p.id = t.project_id AND "
                                 "p.id = ? AND p.status = 'closed'"),
                  {c.project});
            query(QStringLiteral("DELETE FROM assignments a USING projects p WHERE p.id = "
                                 "a.project_id AND p.id = ? AND p.status = 'closed' AND "
                                 "a.start_date > p.end_date"),
                  {c.project});
            query(QStringLiteral("UPDATE assignments a SET end_date = p.end_date FROM projects p "
                                 "WHERE p.id = a.project_id AND p.id = ? AND p.status = 'closed' "
                                 "AND a.end_date > p.end_date"),
                  {c.project});
        } else if (kind == QLatin1String("line_per_entry")) {
            // The time billed one line per entry instead of per role and rate: the records move
            // to their own lines, the original line goes.
            query(QStringLiteral(R"(
WITH src AS (
    SELECT s.id, s.hours, te.work_date,
           row_number() OVER (ORDER BY te.work_date, s.id) AS rn
    FROM billing_sources s
    JOIN time_entries te ON te.id = CASE WHEN s.source_kind = 'time_entry'
                                         THEN s.source_key::uuid END
    WHERE s.invoice_line_id = ?),
base AS (SELECT max(line_no) AS n FROM invoice_lines
         WHERE invoice_id = (SELECT invoice_id FROM invoice_lines WHERE id = ?)),
ins AS (
    INSERT INTO invoice_lines (invoice_id, line_no, kind, contract_line_id, project_id,
        job_role_id, description, quantity, unit, unit_price, gross_amount, amount, tax_rate,
        tax_amount, timing, service_start, service_end)
    SELECT l.invoice_id, base.n + src.rn, l.kind, l.contract_line_id, l.project_id,
           l.job_role_id, left(l.description, 480) || ' (' || src.work_date || ')', src.hours,
           l.unit, l.unit_price, round(src.hours * l.unit_price, 2),
           round(src.hours * l.unit_price, 2), l.tax_rate,
           round(round(src.hours * l.unit_price, 2) * l.tax_rate / 100, 2), l.timing,
           src.work_date, src.work_date
    FROM invoice_lines l, src, base WHERE l.id = ?
    RETURNING id, line_no)
UPDATE billing_sources s SET invoice_line_id = ins.id
FROM src, base, ins WHERE s.id = src.id AND ins.line_no = base.n + src.rn)"),
                  {c.line, c.line, c.line});
            query(QStringLiteral("DELETE FROM invoice_lines WHERE id = ?"), {c.line});
        }
    }

    QSqlDatabase m_db;
    BillingRunService m_runs;
    InvoiceStore m_store;
};

} // namespace

bool loadDemoInvoiceErrors(const DbConfig &config, DemoInvoiceErrorCounts *counts, QString *error)
{
    try {
        InvoiceErrorPlanter planter(config);
        const DemoInvoiceErrorCounts c = planter.run();
        if (counts)
            *counts = c;
        return true;
    } catch (const ApiError &e) {
        if (error)
            *error = QStringLiteral("Planting wrong drafts: %1: %2")
                         .arg(e.problem().title, e.problem().detail);
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("Planting wrong drafts: %1").arg(QString::fromUtf8(e.what()));
    }
    return false;
}

} // namespace keel
