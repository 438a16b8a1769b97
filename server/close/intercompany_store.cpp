#include "intercompany_store.h"

#include "db/database.h"
#include "db/pg_array.h"

#include <QSqlQuery>
#include <QVariant>

namespace keel::intercompany_store {

namespace {

QSqlQuery sql(QSqlDatabase db, const QString &text, const QVariantList &binds = {})
{
    return db::query(db, text, binds);
}

QString decimalText(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("0") : v.toString();
}

} // namespace

void lockPeriod(QSqlDatabase db, QDate periodStart)
{
    sql(db,
        QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('intercompany:' || ?, 0))"),
        {periodStart.toString(Qt::ISODate)});
}

QString markup(QSqlDatabase db)
{
    QSqlQuery q =
        sql(db, QStringLiteral("SELECT trim_scale(intercompany_markup)::text FROM group_settings"));
    return q.next() ? q.value(0).toString() : QStringLiteral("0");
}

QHash<qint64, QString> functionalCurrencies(QSqlDatabase db)
{
    QSqlQuery q = sql(db, QStringLiteral("SELECT id, functional_currency FROM legal_entities"));
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

QHash<qint64, QString> entityCodes(QSqlDatabase db)
{
    QSqlQuery q = sql(db, QStringLiteral("SELECT id, code FROM legal_entities"));
    QHash<qint64, QString> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

QString groupCurrency(QSqlDatabase db)
{
    QSqlQuery q = sql(db, QStringLiteral("SELECT group_currency FROM group_settings"));
    return q.next() ? q.value(0).toString() : QStringLiteral("USD");
}

bool entityExists(QSqlDatabase db, qint64 entityId)
{
    QSqlQuery q = sql(db, QStringLiteral("SELECT 1 FROM legal_entities WHERE id = ?"), {entityId});
    return q.next();
}

QString userName(QSqlDatabase db, qint64 userId)
{
    QSqlQuery q = sql(db, QStringLiteral("SELECT username FROM users WHERE id = ?"), {userId});
    return q.next() ? q.value(0).toString() : QString();
}

QList<IntercompanyTimeTotal> timeTotals(QSqlDatabase db, qint64 entityId, QDate from, QDate to)
{
    // Cost is stamped at approval in the cost rate's currency; entries without one (no cost
    // rate) count their hours at no cost in the employing entity's currency. The month's time
    // is read per employee on time_entries_employee_date_idx (time_entries has no date index
    // of its own), not by scanning every entry of every month.
    QSqlQuery q = sql(
        db,
        QStringLiteral(
            "WITH te AS MATERIALIZED (SELECT t.* FROM employees e CROSS JOIN LATERAL (SELECT "
            "t.employee_id, t.project_id, t.cost_currency, t.hours, t.cost_amount FROM "
            "time_entries t WHERE t.employee_id = e.id AND t.work_date BETWEEN ? AND ? AND "
            "t.status IN ('approved', 'invoiced') OFFSET 0) t) "
            "SELECT te.employee_id, te.project_id, em.legal_entity_id, p.legal_entity_id, "
            "coalesce(te.cost_currency, le.functional_currency), trim_scale(sum(te.hours))::text, "
            "trim_scale(coalesce(sum(te.cost_amount), 0))::text "
            "FROM te JOIN employees em ON em.id = te.employee_id "
            "JOIN projects p ON p.id = te.project_id "
            "JOIN legal_entities le ON le.id = em.legal_entity_id "
            "WHERE em.legal_entity_id <> p.legal_entity_id "
            "AND (em.legal_entity_id = ? OR p.legal_entity_id = ?) "
            "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 5"),
        {from, to, entityId, entityId});
    QList<IntercompanyTimeTotal> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString()});
    return out;
}

QList<IntercompanyChargeRow> chargesForUpdate(QSqlDatabase db, qint64 entityId, QDate periodStart)
{
    QSqlQuery q =
        sql(db,
            QStringLiteral("SELECT id, employee_id, project_id, employing_entity_id, "
                           "contracting_entity_id, cost_currency, trim_scale(hours)::text, "
                           "trim_scale(cost)::text, trim_scale(markup)::text, "
                           "trim_scale(amount)::text, coalesce(employing_entry_id, 0) "
                           "FROM intercompany_charges WHERE period_start = ? "
                           "AND (employing_entity_id = ? OR contracting_entity_id = ?) "
                           "ORDER BY id FOR UPDATE"),
            {periodStart, entityId, entityId});
    QList<IntercompanyChargeRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                    q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toString(), q.value(10).toLongLong()});
    return out;
}

QHash<std::pair<qint64, qint64>, qint64> upsert(QSqlDatabase db, QDate periodStart,
                                                const QList<IntercompanyChargeRow> &rows,
                                                qint64 closeRunId)
{
    QHash<std::pair<qint64, qint64>, qint64> ids;
    if (rows.isEmpty())
        return ids;
    db::PgArray employee, project, employing, contracting, currency, hours, cost, markup, amount;
    for (const IntercompanyChargeRow &r : rows) {
        employee.add(r.employeeId);
        project.add(r.projectId);
        employing.add(r.employingEntityId);
        contracting.add(r.contractingEntityId);
        currency.add(r.currency);
        hours.add(r.hours);
        cost.add(r.cost);
        markup.add(r.markup);
        amount.add(r.amount);
    }
    QSqlQuery q = sql(
        db,
        QStringLiteral(
            "INSERT INTO intercompany_charges (period_start, employing_entity_id, "
            "contracting_entity_id, project_id, employee_id, hours, cost, cost_currency, markup, "
            "amount, close_run_id) "
            "SELECT ?::date, u.employing, u.contracting, u.project, u.employee, u.hours, u.cost, "
            "u.currency, u.markup, u.amount, ? FROM unnest(?::bigint[], ?::bigint[], "
            "?::bigint[], ?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], "
            "?::numeric[]) AS u (employee, project, employing, contracting, currency, hours, "
            "cost, markup, amount) "
            "ON CONFLICT (period_start, employee_id, project_id) DO UPDATE SET "
            "hours = EXCLUDED.hours, cost = EXCLUDED.cost, amount = EXCLUDED.amount, "
            "close_run_id = coalesce(EXCLUDED.close_run_id, intercompany_charges.close_run_id) "
            "RETURNING employee_id, project_id, id"),
        {periodStart, closeRunId ? QVariant(closeRunId) : QVariant(QMetaType::fromType<qint64>()),
         employee.literal(), project.literal(), employing.literal(), contracting.literal(),
         currency.literal(), hours.literal(), cost.literal(), markup.literal(), amount.literal()});
    while (q.next())
        ids.insert({q.value(0).toLongLong(), q.value(1).toLongLong()}, q.value(2).toLongLong());
    return ids;
}

void setEntries(QSqlDatabase db, const QList<qint64> &ids, const QList<qint64> &employing,
                const QList<qint64> &contracting)
{
    if (ids.isEmpty())
        return;
    db::PgArray id, e, c;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        id.add(ids.at(i));
        e.add(employing.at(i));
        c.add(contracting.at(i));
    }
    sql(db,
        QStringLiteral("UPDATE intercompany_charges ch SET employing_entry_id = u.e, "
                       "contracting_entry_id = u.c FROM unnest(?::bigint[], ?::bigint[], "
                       "?::bigint[]) AS u (id, e, c) WHERE ch.id = u.id"),
        {id.literal(), e.literal(), c.literal()});
}

QList<IntercompanyPairBalance> pairBalances(QSqlDatabase db, QDate periodStart, QDate asOf)
{
    // The pair of an entry is its charge's (the source id starts with the charge id); a
    // reversal of one side counts for the pair it reverses.
    QSqlQuery q = sql(
        db,
        QStringLiteral(
            "WITH p AS (SELECT e.id, ch.employing_entity_id AS a, ch.contracting_entity_id AS b "
            "FROM journal_entries e JOIN intercompany_charges ch ON ch.id = CASE WHEN "
            "e.source_id ~ '^[0-9]{1,18}:' THEN split_part(e.source_id, ':', 1)::bigint END "
            "WHERE e.source_type = 'intercompany_charge' AND e.entry_date <= ?::date), "
            "c AS (SELECT id, a, b FROM p UNION ALL SELECT r.id, p.a, p.b FROM journal_entries r "
            "JOIN p ON p.id = r.reverses_id WHERE r.source_type = 'reversal' AND "
            "r.entry_date <= ?::date) "
            "SELECT c.a, c.b, l.currency, "
            "trim_scale(sum(l.debit - l.credit) FILTER (WHERE ac.role = "
            "'due_from_intercompany' AND l.legal_entity_id = c.a))::text, "
            "trim_scale(sum(l.functional_debit - l.functional_credit) FILTER (WHERE ac.role = "
            "'due_from_intercompany' AND l.legal_entity_id = c.a))::text, "
            "trim_scale(sum(l.credit - l.debit) FILTER (WHERE ac.role = "
            "'due_to_intercompany' AND l.legal_entity_id = c.b))::text, "
            "trim_scale(sum(l.functional_credit - l.functional_debit) FILTER (WHERE ac.role = "
            "'due_to_intercompany' AND l.legal_entity_id = c.b))::text, "
            "trim_scale(sum(l.debit - l.credit) FILTER (WHERE ac.role = "
            "'due_from_intercompany' AND l.legal_entity_id = c.a AND "
            "l.entry_date >= ?::date))::text "
            "FROM c JOIN journal_lines l ON l.entry_id = c.id "
            "JOIN ledger_accounts ac ON ac.id = l.ledger_account_id "
            "WHERE ac.role IN ('due_from_intercompany', 'due_to_intercompany') "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
        {asOf, asOf, periodStart});
    QList<IntercompanyPairBalance> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    decimalText(q.value(3)), decimalText(q.value(4)), decimalText(q.value(5)),
                    decimalText(q.value(6)), decimalText(q.value(7))});
    return out;
}

} // namespace keel::intercompany_store
