#include "close_accruals.h"

#include "close_store.h"
#include "db/database.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/ledger_service.h"
#include "money.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace {

const QString kSource = QStringLiteral("close_accrual");

Money moneyOf(const QVariant &amount, const QString &currency)
{
    return Money::parse(amount.toString(), currency.trimmed()).value();
}

// The exact mirror of a posted entry (each line's sides swapped at its carried functional
// amount), so an accrual and its reversal cancel to the cent whatever the rates did.
qint64 postMirror(const LedgerService &ledger, QSqlDatabase db, qint64 entryId, QDate date,
                  const QString &sourceId, const QString &purpose, const QString &description,
                  qint64 userId, bool reverses)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT e.legal_entity_id, a.number, round(l.debit, 2)::text, "
                       "round(l.credit, 2)::text, l.currency, round(l.functional_debit + "
                       "l.functional_credit, 2)::text, le.functional_currency, "
                       "coalesce(l.project_id, 0), coalesce(l.memo, '') FROM journal_lines l "
                       "JOIN journal_entries e ON e.id = l.entry_id JOIN ledger_accounts a ON "
                       "a.id = l.ledger_account_id JOIN legal_entities le ON le.id = "
                       "e.legal_entity_id WHERE l.entry_id = ? ORDER BY l.seq"),
        {entryId});
    Posting p;
    p.date = date;
    p.sourceType = kSource;
    p.sourceId = sourceId;
    p.purpose = purpose;
    p.description = description;
    p.createdBy = userId;
    // An entry is reversed once (journal_entries_one_reversal_idx): a cancellation of an
    // accrual that was reversed already stands on its own.
    p.reversesId = reverses ? entryId : 0;
    while (q.next()) {
        p.entityId = q.value(0).toLongLong();
        PostingLine line;
        line.accountNumber = q.value(1).toString();
        const QString currency = q.value(4).toString();
        line.debit = moneyOf(q.value(3), currency);
        line.credit = moneyOf(q.value(2), currency);
        line.functional = moneyOf(q.value(5), q.value(6).toString());
        line.projectId = q.value(7).toLongLong();
        line.memo = q.value(8).toString();
        p.lines.append(line);
    }
    return ledger.post(p).entryId;
}

QList<qint64> idsOf(const QString &arrayText)
{
    QList<qint64> out;
    const QString inner = arrayText.mid(1, arrayText.size() - 2);
    for (const QString &s : inner.split(u',', Qt::SkipEmptyParts))
        out << s.toLongLong();
    return out;
}

} // namespace

CloseAccrualResult accrueSubcontractors(QSqlDatabase db, qint64 entityId, QDate ps, qint64 userId,
                                        qint64 closeRunId)
{
    const QDate pe = ps.addMonths(1).addDays(-1);
    const QDate next = ps.addMonths(1);
    const QString period = ps.toString(QStringLiteral("yyyy-MM"));
    const LedgerService ledger(db::threadConfigOf(db));
    db::Transaction tx(db);

    // The current accrual is cancelled: its entries mirrored on their own dates.
    QSqlQuery current =
        db::query(db,
                  QStringLiteral("SELECT id, entry_ids::text FROM close_accruals WHERE "
                                 "legal_entity_id = ? AND period_start = ? AND NOT superseded "
                                 "FOR UPDATE"),
                  {entityId, ps});
    if (current.next()) {
        const qint64 previous = current.value(0).toLongLong();
        for (const qint64 entry : idsOf(current.value(1).toString())) {
            QSqlQuery d = db::query(
                db, QStringLiteral("SELECT entry_date FROM journal_entries WHERE id = ?"), {entry});
            d.next();
            postMirror(
                ledger, db, entry, d.value(0).toDate(),
                QStringLiteral("%1:%2:%3:%4").arg(entityId).arg(period).arg(previous).arg(entry),
                QStringLiteral("cancel"),
                QStringLiteral("Subcontractor accrual %1 cancelled by a new run").arg(period),
                userId, false);
        }
        db::query(db, QStringLiteral("UPDATE close_accruals SET superseded = true WHERE id = ?"),
                  {previous});
    }

    QSqlQuery header =
        db::query(db,
                  QStringLiteral("INSERT INTO close_accruals (legal_entity_id, "
                                 "period_start, close_run_id, created_by) VALUES "
                                 "(?, ?, ?, ?) RETURNING id"),
                  {entityId, ps, closeRunId ? QVariant(closeRunId) : QVariant(), userId});
    header.next();
    const qint64 accrualId = header.value(0).toLongLong();

    // Set-based: every agreement of the entity at once.
    db::query(
        db,
        QStringLiteral(
            "INSERT INTO close_accrual_items (accrual_id, agreement_id, project_id, "
            "worked_hours, billed_hours, rate, amount, currency) "
            "SELECT ?, a.id, a.project_id, w.hours, coalesce(b.hours, 0), a.hourly_rate, "
            "round((w.hours - coalesce(b.hours, 0)) * a.hourly_rate, 2), a.currency "
            "FROM subcontract_agreements a "
            "JOIN (SELECT sw.agreement_id, sum(t.hours) AS hours FROM "
            "subcontract_agreement_workers "
            "sw JOIN subcontract_agreements ag ON ag.id = sw.agreement_id JOIN time_entries t ON "
            "t.employee_id = sw.employee_id AND (ag.project_id IS NULL OR t.project_id = "
            "ag.project_id) AND t.work_date BETWEEN ag.start_date AND least(ag.end_date, ?::date) "
            "AND t.status IN ('approved', 'invoiced') WHERE ag.legal_entity_id = ? GROUP BY 1) w "
            "ON w.agreement_id = a.id "
            "LEFT JOIN (SELECT vb.agreement_id, sum(l.hours) AS hours FROM vendor_bills vb JOIN "
            "vendor_bill_lines l ON l.bill_id = vb.id WHERE vb.legal_entity_id = ? AND "
            "vb.status = 'approved' AND vb.bill_date <= ?::date GROUP BY 1) b ON b.agreement_id "
            "= a.id "
            "WHERE a.legal_entity_id = ? AND w.hours > coalesce(b.hours, 0) AND "
            "round((w.hours - coalesce(b.hours, 0)) * a.hourly_rate, 2) > 0"),
        {accrualId, pe, entityId, entityId, pe, entityId});

    // One entry per currency, lines per agreement.
    QSqlQuery items = db::query(
        db,
        QStringLiteral("SELECT i.currency, round(i.amount, 2)::text, coalesce(i.project_id, 0), "
                       "a.reference, i.worked_hours - i.billed_hours FROM close_accrual_items i "
                       "JOIN subcontract_agreements a ON a.id = i.agreement_id WHERE "
                       "i.accrual_id = ? ORDER BY i.currency, i.agreement_id"),
        {accrualId});
    QMap<QString, QList<PostingLine>> byCurrency;
    QMap<QString, Money> totals;
    int count = 0;
    while (items.next()) {
        const QString currency = items.value(0).toString().trimmed();
        PostingLine d;
        d.role = QStringLiteral("subcontractor_cost");
        d.debit = moneyOf(items.value(1), currency);
        d.projectId = items.value(2).toLongLong();
        d.memo = QStringLiteral("%1: %2 h not billed")
                     .arg(items.value(3).toString(), items.value(4).toString());
        byCurrency[currency].append(d);
        totals[currency] =
            totals.contains(currency) ? totals[currency].add(d.debit).value() : d.debit;
        ++count;
    }
    QList<qint64> entries;
    QJsonArray totalsJson;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it) {
        Posting p;
        p.entityId = entityId;
        p.date = pe;
        p.sourceType = kSource;
        p.sourceId =
            QStringLiteral("%1:%2:%3:%4").arg(entityId).arg(period).arg(accrualId).arg(it.key());
        p.description = QStringLiteral("Subcontractor work without a bill, %1").arg(period);
        p.createdBy = userId;
        p.lines = it.value();
        PostingLine c;
        c.role = QStringLiteral("accrued_liabilities");
        c.credit = totals[it.key()];
        p.lines.append(c);
        const qint64 entry = ledger.post(p).entryId;
        entries << entry
                << postMirror(
                       ledger, db, entry, next, p.sourceId, QStringLiteral("reverse"),
                       QStringLiteral("Reversal of the subcontractor accrual %1").arg(period),
                       userId, true);
        totalsJson.append(moneyToJson(totals[it.key()]));
    }
    QStringList ids;
    for (const qint64 e : entries)
        ids << QString::number(e);
    db::query(db,
              QStringLiteral("UPDATE close_accruals SET item_count = ?, entry_ids = ?::bigint[] "
                             "WHERE id = ?"),
              {count, u'{' + ids.join(u',') + u'}', accrualId});
    tx.commit();
    QJsonArray entriesJson;
    for (const QString &id : ids)
        entriesJson.append(id);
    return {accrualId, count,
            QJsonObject{{"accrual_id", QString::number(accrualId)},
                        {"item_count", count},
                        {"totals", totalsJson},
                        {"entries", entriesJson}}};
}

} // namespace keel
