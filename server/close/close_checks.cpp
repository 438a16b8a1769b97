#include "close_checks.h"

#include "db/database.h"
#include "json_codec.h"
#include "money.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace close_tasks {

const QStringList &all()
{
    static const QStringList t = {
        QStringLiteral("missing_timesheets"),    QStringLiteral("unapproved_time"),
        QStringLiteral("unapproved_expenses"),   QStringLiteral("unapproved_vendor_bills"),
        QStringLiteral("unbilled_time"),         QStringLiteral("draft_invoices"),
        QStringLiteral("revenue_recognition"),   QStringLiteral("subcontractor_accruals"),
        QStringLiteral("fx_revaluation"),        QStringLiteral("intercompany"),
        QStringLiteral("intercompany_balanced"), QStringLiteral("trial_balance")};
    return t;
}

QString runKind(const QString &task)
{
    if (task == QLatin1String("revenue_recognition"))
        return QStringLiteral("revenue");
    if (task == QLatin1String("subcontractor_accruals"))
        return QStringLiteral("accruals");
    if (task == QLatin1String("fx_revaluation") || task == QLatin1String("intercompany"))
        return task;
    return {};
}

bool isRun(const QString &task)
{
    return !runKind(task).isEmpty();
}

bool blocks(const QString &task)
{
    return task == QLatin1String("unapproved_time") ||
           task == QLatin1String("unapproved_expenses") ||
           task == QLatin1String("unapproved_vendor_bills") ||
           task == QLatin1String("trial_balance");
}

} // namespace close_tasks

namespace {

// Entries the close's runs post themselves do not make their own runs stale.
const QString kRunSources =
    QStringLiteral("'revenue_recognition', 'revenue_loss_provision', 'fx_revaluation', "
                   "'intercompany', 'intercompany_charge', 'close_accrual'");

// unbilled_time: approved billable time not yet invoiced on a project whose contract bills
// time: a time-and-materials line, or a retainer (its overage is billed by the hour). Time on
// fixed-fee, milestone or subscription work is covered by the fee and is never invoiced by
// the hour, and time on a project without a contract is not billable to anyone. The count and
// the drill-down both use this one condition, on time_entries aliased t.
const QString kUnbilledTime = QStringLiteral(
    "t.status = 'approved' AND t.billable AND t.project_id IN (SELECT p.id FROM projects p JOIN "
    "contract_lines cl ON cl.contract_id = p.contract_id WHERE p.legal_entity_id = :e AND "
    "cl.billing_model IN ('time_and_materials', 'retainer'))");

// Approved time in the period where the employee's entity and the project's differ and the
// entity is one of them, per employee and project. Two branches, each on its own index: the
// entity's projects (time_entries_entity_date_idx) and the entity's employees on the other
// entities' projects (the same index over those entities).
const QString kCrossTime = QStringLiteral(
    "SELECT employee_id, project_id, sum(hours) AS hours FROM (SELECT t.employee_id, "
    "t.project_id, t.hours FROM time_entries t JOIN employees em ON em.id = t.employee_id WHERE "
    "t.legal_entity_id = :e AND em.legal_entity_id <> :e AND t.work_date BETWEEN :ps AND :pe AND "
    "t.status IN ('approved', 'invoiced') UNION ALL SELECT t.employee_id, t.project_id, t.hours "
    "FROM time_entries t JOIN employees em ON em.id = t.employee_id AND em.legal_entity_id = :e "
    "WHERE t.legal_entity_id = ANY(ARRAY(SELECT id FROM legal_entities WHERE id <> :e)) AND "
    "t.work_date BETWEEN :ps AND :pe AND t.status IN ('approved', 'invoiced')) t GROUP BY 1, 2");

// Mondays of weeks that start in the period: a week belongs to the month of its Monday.
QDate firstMonday(QDate periodStart)
{
    return periodStart.addDays((8 - periodStart.dayOfWeek()) % 7);
}

int mondays(QDate periodStart)
{
    const QDate last = periodStart.addMonths(1).addDays(-1);
    return int(firstMonday(periodStart).daysTo(last) / 7) + 1;
}

QJsonValue money(const QVariant &amount, const QVariant &currency)
{
    if (amount.isNull() || currency.isNull())
        return QJsonValue();
    const auto m = Money::parse(amount.toString(), currency.toString().trimmed());
    return m ? QJsonValue(moneyToJson(*m)) : QJsonValue();
}

} // namespace

CloseCheckFigures closeCheckFigures(QSqlDatabase db, const CloseEntity &entity, QDate ps)
{
    const QDate pe = ps.addMonths(1).addDays(-1);
    // One statement, one aggregate per check; amounts are the sum when the records share one
    // currency (NULL otherwise).
    const QString sql = QStringLiteral(
        "WITH te AS (SELECT count(*) FILTER (WHERE status IN ('draft', 'submitted', "
        "'rejected')) AS unapproved, count(*) FILTER (WHERE %3) AS "
        "unbilled, max(decided_at) FILTER (WHERE status IN ('approved', 'invoiced')) AS decided "
        "FROM time_entries t WHERE legal_entity_id = :e AND work_date BETWEEN :ps AND :pe) "
        "SELECT "
        // missing_timesheets
        "(SELECT count(*) FROM employee_week_capacity(:monday, :weeks) c JOIN employees em ON "
        "em.id = c.employee_id WHERE em.legal_entity_id = :e AND em.active AND c.capacity_hours "
        "> 0 AND c.week_start BETWEEN :ps AND :pe AND c.week_start <= current_date AND NOT "
        "EXISTS (SELECT 1 FROM timesheet_weeks tw WHERE tw.employee_id = c.employee_id AND "
        "tw.week_start = c.week_start)), "
        "te.unapproved, te.unbilled, "
        // unapproved_expenses
        "(SELECT row(count(*), CASE WHEN count(DISTINCT functional_currency) = 1 THEN "
        "round(sum(functional_amount), 2)::text END, min(functional_currency))::text FROM "
        "expenses WHERE legal_entity_id = :e AND expense_date BETWEEN :ps AND :pe AND status IN "
        "('draft', 'submitted', 'rejected')), "
        // unapproved_vendor_bills
        "(SELECT row(count(*), CASE WHEN count(DISTINCT currency) = 1 THEN round(sum(total), "
        "2)::text END, min(currency))::text FROM vendor_bills WHERE legal_entity_id = :e AND "
        "bill_date BETWEEN :ps AND :pe AND status IN ('draft', 'submitted')), "
        // draft_invoices
        "(SELECT row(count(*), CASE WHEN count(DISTINCT currency) = 1 THEN round(sum(total), "
        "2)::text END, min(currency))::text FROM invoices WHERE legal_entity_id = :e AND "
        "invoice_date BETWEEN :ps AND :pe AND status IN ('draft', 'approved')), "
        // intercompany_balanced: cross-entity time not charged as approved
        "(SELECT count(*) FROM (%2) x LEFT JOIN intercompany_charges c ON c.period_start = :ps AND "
        "c.employee_id = "
        "x.employee_id AND c.project_id = x.project_id WHERE c.id IS NULL OR c.hours <> x.hours "
        "OR c.employing_entry_id IS NULL OR c.contracting_entry_id IS NULL), "
        // trial_balance: entries of the period whose functional sides differ
        "(SELECT row(count(*), round(coalesce(sum(d), 0), 2)::text)::text FROM (SELECT "
        "sum(functional_debit) - sum(functional_credit) AS d FROM journal_lines WHERE "
        "legal_entity_id = :e AND entry_date BETWEEN :ps AND :pe GROUP BY entry_id HAVING "
        "sum(functional_debit) <> sum(functional_credit)) u), "
        // the latest change the runs depend on
        "greatest(te.decided, (SELECT max(created_at) FROM journal_entries WHERE "
        "legal_entity_id = :e AND entry_date BETWEEN :ps AND :pe AND status = 'posted' AND "
        "source_type NOT IN (%1))) "
        "FROM te");
    QString text = sql.arg(kRunSources, kCrossTime, kUnbilledTime);
    // Named placeholders as literals keep one statement without repeating binds.
    text.replace(QStringLiteral(":monday"),
                 u'\'' + firstMonday(ps).toString(Qt::ISODate) + QStringLiteral("'::date"));
    text.replace(QStringLiteral(":weeks"), QString::number(mondays(ps)));
    text.replace(QStringLiteral(":ps"),
                 u'\'' + ps.toString(Qt::ISODate) + QStringLiteral("'::date"));
    text.replace(QStringLiteral(":pe"),
                 u'\'' + pe.toString(Qt::ISODate) + QStringLiteral("'::date"));
    text.replace(QStringLiteral(":e"), QString::number(entity.id) + QStringLiteral("::bigint"));
    QSqlQuery q = db::exec(db, text);
    q.next();
    CloseCheckFigures f;
    // "(count,amount,currency)" of a row() cast to text.
    const auto row = [&](int column, const QString &task, bool withCurrency) {
        QString t = q.value(column).toString();
        t = t.mid(1, t.size() - 2);
        const QStringList parts = t.split(u',');
        f.counts.insert(task, parts.value(0).toLongLong());
        const QString amount = parts.value(1).remove(u'"');
        const QString currency =
            withCurrency ? parts.value(2).remove(u'"').trimmed() : entity.currency;
        f.amount.insert(task, amount.isEmpty() ? QJsonValue() : money(amount, currency));
    };
    f.counts.insert(QStringLiteral("missing_timesheets"), q.value(0).toLongLong());
    f.counts.insert(QStringLiteral("unapproved_time"), q.value(1).toLongLong());
    f.counts.insert(QStringLiteral("unbilled_time"), q.value(2).toLongLong());
    row(3, QStringLiteral("unapproved_expenses"), true);
    row(4, QStringLiteral("unapproved_vendor_bills"), true);
    row(5, QStringLiteral("draft_invoices"), true);
    f.counts.insert(QStringLiteral("intercompany_balanced"), q.value(6).toLongLong());
    row(7, QStringLiteral("trial_balance"), false);
    f.lastChange = q.value(8).toDateTime();
    return f;
}

namespace {

struct RecordsSql
{
    QString sql; // selects key, id, label, amount, currency, owner id, owner name, extra json
};

} // namespace

QJsonObject closeCheckRecords(QSqlDatabase db, const CloseEntity &entity, QDate ps,
                              const QString &task, const QString &after, int limit)
{
    const QDate pe = ps.addMonths(1).addDays(-1);
    // Each list: key (keyset, text), id, label, amount, currency, owner id, owner name.
    QString sql;
    if (task == QLatin1String("missing_timesheets")) {
        sql = QStringLiteral(
            "SELECT to_char(c.week_start, 'YYYY-MM-DD') || '/' || lpad(em.id::text, 19, '0'), "
            "em.id::text || ':' || c.week_start::text, 'Week of ' || c.week_start::text || ', ' "
            "|| round(c.capacity_hours, 2)::text || ' h expected', NULL, NULL, u.id, "
            "u.display_name FROM employee_week_capacity(:monday, :weeks) c JOIN employees em ON "
            "em.id = c.employee_id JOIN users u ON u.id = em.user_id WHERE em.legal_entity_id = "
            ":e AND em.active AND c.capacity_hours > 0 AND c.week_start BETWEEN :ps AND :pe AND "
            "c.week_start <= current_date AND NOT EXISTS (SELECT 1 FROM timesheet_weeks tw "
            "WHERE tw.employee_id = c.employee_id AND tw.week_start = c.week_start)");
    } else if (task == QLatin1String("unapproved_time") || task == QLatin1String("unbilled_time")) {
        const QString where = task == QLatin1String("unapproved_time")
                                  ? QStringLiteral("t.status IN ('draft', 'submitted', 'rejected')")
                                  : kUnbilledTime;
        sql = QStringLiteral(
                  "SELECT t.id::text, t.id::text, t.work_date::text || ' ' || p.name || ', ' || "
                  "t.hours::text || ' h (' || t.status || ')', NULL, NULL, u.id, u.display_name "
                  "FROM time_entries t JOIN projects p ON p.id = t.project_id JOIN employees em "
                  "ON em.id = t.employee_id JOIN users u ON u.id = em.user_id WHERE "
                  "t.legal_entity_id = :e AND t.work_date BETWEEN :ps AND :pe AND ") +
              where;
    } else if (task == QLatin1String("unapproved_expenses")) {
        sql = QStringLiteral(
            "SELECT x.id::text, x.id::text, x.expense_date::text || ' ' || x.description || ' (' "
            "|| x.status || ')', round(x.functional_amount, 2)::text, x.functional_currency, "
            "u.id, u.display_name FROM expenses x JOIN employees em ON em.id = x.employee_id "
            "JOIN users u ON u.id = em.user_id WHERE x.legal_entity_id = :e AND x.expense_date "
            "BETWEEN :ps AND :pe AND x.status IN ('draft', 'submitted', 'rejected')");
    } else if (task == QLatin1String("unapproved_vendor_bills")) {
        sql = QStringLiteral(
            "SELECT lpad(b.id::text, 19, '0'), b.id::text, v.name || ' ' || b.vendor_ref || ' "
            "(' || b.status || ')', round(b.total, 2)::text, b.currency, u.id, u.display_name "
            "FROM vendor_bills b JOIN vendors v ON v.id = b.vendor_id LEFT JOIN users u ON u.id "
            "= b.created_by WHERE b.legal_entity_id = :e AND b.bill_date BETWEEN :ps AND :pe "
            "AND b.status IN ('draft', 'submitted')");
    } else if (task == QLatin1String("draft_invoices")) {
        sql = QStringLiteral(
            "SELECT lpad(i.id::text, 19, '0'), i.id::text, a.name || ' ' || i.invoice_date::text "
            "|| ' (' || i.status || ')', round(i.total, 2)::text, i.currency, NULL::bigint, "
            "NULL::text FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE "
            "i.legal_entity_id = :e AND i.invoice_date BETWEEN :ps AND :pe AND i.status IN "
            "('draft', 'approved')");
    } else if (task == QLatin1String("intercompany_balanced")) {
        sql =
            QStringLiteral(
                "SELECT lpad(x.employee_id::text, 19, '0') || '/' || lpad(x.project_id::text, 19, "
                "'0'), x.employee_id::text || ':' || x.project_id::text, p.name || ': ' || "
                "x.hours::text || ' h approved, ' || coalesce(c.hours::text, 'none') || ' "
                "charged', "
                "NULL, NULL, u.id, u.display_name FROM (%1) x JOIN projects p ON p.id = "
                "x.project_id JOIN employees em ON em.id = x.employee_id JOIN users u ON u.id = "
                "em.user_id LEFT JOIN intercompany_charges c ON c.period_start = :ps AND "
                "c.employee_id = x.employee_id AND c.project_id = x.project_id WHERE c.id IS NULL "
                "OR "
                "c.hours <> x.hours OR c.employing_entry_id IS NULL OR c.contracting_entry_id IS "
                "NULL")
                .arg(kCrossTime);
    } else if (task == QLatin1String("trial_balance")) {
        sql = QStringLiteral(
            "SELECT lpad(j.entry_id::text, 19, '0'), j.entry_id::text, e.source_type || ' ' || "
            "e.source_id, round(j.d, 2)::text, :currency, e.created_by, u.display_name FROM "
            "(SELECT entry_id, sum(functional_debit) - sum(functional_credit) AS d FROM "
            "journal_lines WHERE legal_entity_id = :e AND entry_date BETWEEN :ps AND :pe GROUP BY "
            "entry_id HAVING sum(functional_debit) <> sum(functional_credit)) j JOIN "
            "journal_entries e ON e.id = j.entry_id LEFT JOIN users u ON u.id = e.created_by");
    } else {
        return {};
    }
    sql = QStringLiteral("SELECT * FROM (") + sql +
          QStringLiteral(") r(k, id, label, amount, currency, owner_id, owner_name) WHERE k > "
                         "coalesce(?::text, '') "
                         "ORDER BY k LIMIT ?");
    sql.replace(QStringLiteral(":monday"),
                u'\'' + firstMonday(ps).toString(Qt::ISODate) + QStringLiteral("'::date"));
    sql.replace(QStringLiteral(":weeks"), QString::number(mondays(ps)));
    sql.replace(QStringLiteral(":ps"),
                u'\'' + ps.toString(Qt::ISODate) + QStringLiteral("'::date"));
    sql.replace(QStringLiteral(":pe"),
                u'\'' + pe.toString(Qt::ISODate) + QStringLiteral("'::date"));
    sql.replace(QStringLiteral(":currency"), u'\'' + entity.currency + QStringLiteral("'::text"));
    sql.replace(QStringLiteral(":e"), QString::number(entity.id) + QStringLiteral("::bigint"));
    QSqlQuery q = db::query(db, sql, {after, limit + 1});
    QJsonArray items;
    QString last;
    bool more = false;
    while (q.next()) {
        if (items.size() == limit) {
            more = true;
            break;
        }
        last = q.value(0).toString();
        items.append(
            QJsonObject{{"id", q.value(1).toString()},
                        {"label", q.value(2).toString()},
                        {"amount", money(q.value(3), q.value(4))},
                        {"owner", q.value(5).isNull()
                                      ? QJsonValue()
                                      : QJsonValue(QJsonObject{{"id", q.value(5).toString()},
                                                               {"name", q.value(6).toString()}})}});
    }
    QJsonObject out{{"items", items}};
    if (more)
        out.insert(QStringLiteral("next_after"), last);
    return out;
}

} // namespace keel
