#include "invoice_anomaly_store.h"

#include "billing/billing_rates.h"
#include "db/database.h"
#include "db/pg_array.h"

#include <QSet>
#include <QSqlQuery>

namespace keel {

namespace {

const QString kIssued = QStringLiteral("('issued', 'partially_paid', 'paid')");

// The part of an invoice's net amount that was measured (time, expenses, manual lines), without
// what the contract fixes (milestones, fixed fees, subscriptions, retainer fees): a milestone
// twice the last one is the contract's schedule, not an anomaly.
const QString kMeasured =
    QStringLiteral("l.kind NOT IN ('milestone', 'fixed_fee', 'subscription', 'retainer_fee')");
const QString kHourly =
    QStringLiteral("l.unit = 'hours' AND l.job_role_id IS NOT NULL AND l.quantity > 0");

QString idArray(const std::vector<InvoiceAnomalyInvoice> &invoices)
{
    db::PgArray a;
    for (const InvoiceAnomalyInvoice &i : invoices)
        a.add(i.id);
    return a.literal();
}

QString idArray(const QList<qint64> &ids)
{
    db::PgArray a;
    for (const qint64 id : ids)
        a.add(id);
    return a.literal();
}

QString key(qint64 a, qint64 b)
{
    return QString::number(a) + u':' + QString::number(b);
}

QString clientKey(qint64 account, const QString &currency)
{
    return QString::number(account) + u':' + currency;
}

} // namespace

std::vector<InvoiceAnomalyInvoice> invoiceAnomalyTargets(QSqlDatabase db,
                                                         const InvoiceAnomalyTargets &targets)
{
    QString where = QStringLiteral("i.kind = 'invoice' AND i.legal_entity_id = ANY(?::bigint[])");
    QVariantList binds{idArray(targets.entityIds)};
    if (targets.drafts) {
        where += QStringLiteral(" AND i.status = 'draft'");
    } else {
        where += QStringLiteral(" AND i.status IN ") + kIssued +
                 QStringLiteral(" AND i.invoice_date >= ? AND i.invoice_date < ?");
        binds << targets.issuedFrom << targets.issuedTo;
    }
    if (targets.invoiceId) {
        where += QStringLiteral(" AND i.id = ?");
        binds << targets.invoiceId;
    }
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT i.id, i.legal_entity_id, i.account_id, coalesce(i.contract_id, 0), "
                       "coalesce(i.number, ''), a.name, i.currency, round(i.total, 2)::text, "
                       "round(coalesce(sum(l.amount) FILTER (WHERE ") +
            kMeasured +
            QStringLiteral(") OVER w, 0), 2)::text, coalesce(sum(l.amount) FILTER (WHERE ") +
            kMeasured +
            QStringLiteral(") OVER w, 0)::float8, l.id, l.line_no, l.kind, "
                           "coalesce(l.job_role_id, 0), l.unit = 'hours', l.quantity::text, "
                           "round(l.unit_price, 2)::text, l.quantity::float8, l.unit_price::float8 "
                           "FROM invoices i JOIN accounts a ON a.id = i.account_id "
                           "LEFT JOIN invoice_lines l ON l.invoice_id = i.id WHERE ") +
            where + QStringLiteral(" WINDOW w AS (PARTITION BY i.id) ORDER BY i.id, l.line_no"),
        binds);
    std::vector<InvoiceAnomalyInvoice> out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (out.empty() || out.back().id != id) {
            InvoiceAnomalyInvoice inv;
            inv.id = id;
            inv.entityId = q.value(1).toLongLong();
            inv.accountId = q.value(2).toLongLong();
            inv.contractId = q.value(3).toLongLong();
            inv.number = q.value(4).toString();
            inv.account = q.value(5).toString();
            inv.currency = q.value(6).toString();
            inv.totalText = q.value(7).toString();
            inv.measuredText = q.value(8).toString();
            inv.measured = q.value(9).toDouble();
            out.push_back(std::move(inv));
        }
        if (q.value(10).isNull())
            continue;
        InvoiceAnomalyLine l;
        l.id = q.value(10).toLongLong();
        l.lineNo = q.value(11).toInt();
        l.kind = q.value(12).toString();
        l.roleId = q.value(13).toLongLong();
        l.hourly = q.value(14).toBool();
        l.hoursText = q.value(15).toString();
        l.rateText = q.value(16).toString();
        l.hours = q.value(17).toDouble();
        l.rate = q.value(18).toDouble();
        out.back().lines.push_back(std::move(l));
    }
    return out;
}

InvoiceAnomalyHistory invoiceAnomalyHistory(QSqlDatabase db,
                                            const std::vector<InvoiceAnomalyInvoice> &targets,
                                            QDate before)
{
    InvoiceAnomalyHistory h;
    QSet<qint64> contracts, accounts;
    for (const InvoiceAnomalyInvoice &i : targets) {
        if (i.contractId)
            contracts.insert(i.contractId);
        accounts.insert(i.accountId);
    }
    if (targets.empty())
        return h;
    // One row per issued invoice of those contracts or clients, with its hourly lines as arrays.
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT i.contract_id, i.account_id, i.currency, coalesce(sum(l.amount) "
                       "FILTER (WHERE ") +
            kMeasured +
            QStringLiteral("), 0)::float8, count(l.id), array_to_string(array_agg(l.job_role_id "
                           "ORDER BY l.id) FILTER (WHERE ") +
            kHourly +
            QStringLiteral("), ','), array_to_string(array_agg(l.quantity ORDER BY l.id) FILTER "
                           "(WHERE ") +
            kHourly +
            QStringLiteral("), ','), array_to_string(array_agg(l.unit_price ORDER BY l.id) "
                           "FILTER (WHERE ") +
            kHourly +
            QStringLiteral("), ',') FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = "
                           "i.id WHERE i.kind = 'invoice' AND i.status IN ") +
            kIssued +
            QStringLiteral(" AND i.invoice_date < ? AND (i.contract_id = ANY(?::bigint[]) OR "
                           "i.account_id = ANY(?::bigint[])) GROUP BY i.id"),
        {before, idArray(QList<qint64>(contracts.begin(), contracts.end())),
         idArray(QList<qint64>(accounts.begin(), accounts.end()))});
    while (q.next()) {
        const qint64 contract = q.value(0).toLongLong();
        const qint64 account = q.value(1).toLongLong();
        const QString client = clientKey(account, q.value(2).toString());
        const double amount = q.value(3).toDouble();
        const double lines = q.value(4).toDouble();
        const QStringList roles = q.value(5).toString().split(u',', Qt::SkipEmptyParts);
        const QStringList hours = q.value(6).toString().split(u',', Qt::SkipEmptyParts);
        const QStringList rates = q.value(7).toString().split(u',', Qt::SkipEmptyParts);
        const bool ofContract = contract && contracts.contains(contract);
        if (ofContract) {
            h.contractAmount[contract].push_back(amount);
            h.contractLines[contract].push_back(lines);
        }
        for (qsizetype k = 0; k < roles.size() && k < hours.size() && k < rates.size(); ++k) {
            const qint64 role = roles[k].toLongLong();
            if (ofContract) {
                h.contractRoleHours[key(contract, role)].push_back(hours[k].toDouble());
                h.contractRoleRate[key(contract, role)].push_back(rates[k].toDouble());
            }
            h.clientRoleRate[client + u':' + QString::number(role)].push_back(rates[k].toDouble());
        }
    }
    return h;
}

std::vector<InvoiceAnomalyRuleHit>
invoiceAnomalyRuleHits(QSqlDatabase db, const std::vector<InvoiceAnomalyInvoice> &targets)
{
    std::vector<InvoiceAnomalyRuleHit> hits;
    if (targets.empty())
        return hits;
    const QString ids = idArray(targets);

    // The same source claimed again beyond what it holds. A second claim of a source always
    // has a part number above 1 (billing_sources_once), so only the drafts' claims with a
    // part > 1 are looked at: a time entry's is a duplicate when the parts up to it claim more
    // than the entry's hours (a split entry's parts add up to it), any other source's always.
    QSqlQuery q = db::query(db, QStringLiteral(R"(
WITH mine AS MATERIALIZED (
    SELECT bs.invoice_id, bs.invoice_line_id, bs.source_kind, bs.source_key, bs.part
    FROM billing_sources bs
    WHERE bs.invoice_id = ANY(?::bigint[]) AND bs.invoice_line_id IS NOT NULL
      AND bs.released_at IS NULL AND bs.part > 1)
SELECT m.invoice_id, m.invoice_line_id, count(*), min(coalesce(fi.number, '')),
       min(c.first_invoice)
FROM mine m
CROSS JOIN LATERAL (
    SELECT sum(coalesce(o.hours, 0)) AS claimed,
           min(o.invoice_id) FILTER (WHERE o.part = 1) AS first_invoice
    FROM billing_sources o LEFT JOIN invoices oi ON oi.id = o.invoice_id
    WHERE o.source_kind = m.source_kind AND o.source_key = m.source_key
      AND o.released_at IS NULL AND o.part <= m.part
      AND coalesce(oi.status, '') NOT IN ('cancelled', 'voided')) c
LEFT JOIN LATERAL (
    SELECT te.hours FROM time_entries te
    WHERE te.id = CASE WHEN m.source_kind = 'time_entry' THEN m.source_key::uuid END) te
    ON true
LEFT JOIN invoices fi ON fi.id = c.first_invoice
WHERE m.source_kind <> 'time_entry' OR c.claimed > te.hours
GROUP BY m.invoice_id, m.invoice_line_id)"),
                            {ids});
    while (q.next()) {
        InvoiceAnomalyRuleHit h;
        h.invoiceId = q.value(0).toLongLong();
        h.lineId = q.value(1).toLongLong();
        h.kind = QStringLiteral("duplicate_line");
        const int n = q.value(2).toInt();
        const QString number = q.value(3).toString();
        const bool sameInvoice = q.value(4).toLongLong() == h.invoiceId;
        h.value = QString::number(n);
        h.comparedWith = {{QStringLiteral("basis"), QStringLiteral("source")},
                          {QStringLiteral("n"), n},
                          {QStringLiteral("invoice_id"), q.value(4).toLongLong()},
                          {QStringLiteral("number"), number}};
        h.text = QStringLiteral("%1 of the records behind this line %2 already billed %3.")
                     .arg(n)
                     .arg(n == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                     .arg(sameInvoice        ? QStringLiteral("on another line of this invoice")
                          : number.isEmpty() ? QStringLiteral("on another draft")
                                             : QStringLiteral("on invoice %1").arg(number));
        hits.push_back(std::move(h));
    }

    // Identical description, hours and rate: twice on the draft, or on an issued invoice of the
    // same contract for an overlapping service period (the same work billed again).
    q = db::query(db,
                  QStringLiteral(R"(
SELECT DISTINCT ON (l.id) l.invoice_id, l.id, o.line_no, o.invoice_id = l.invoice_id,
       coalesce(oi.number, ''), l.quantity::text, round(l.unit_price, 2)::text
FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
JOIN invoices oi ON oi.id = i.id
    OR (oi.contract_id = i.contract_id AND oi.kind = 'invoice' AND oi.status IN )") +
                      kIssued + QStringLiteral(R"()
JOIN invoice_lines o ON o.invoice_id = oi.id AND o.id <> l.id AND o.description = l.description
    AND o.quantity = l.quantity AND o.unit_price = l.unit_price
WHERE i.id = ANY(?::bigint[])
  AND CASE WHEN oi.id = i.id THEN o.line_no < l.line_no
           ELSE o.service_start <= l.service_end AND o.service_end >= l.service_start END
ORDER BY l.id, oi.id = i.id DESC, o.id)"),
                  {ids});
    while (q.next()) {
        InvoiceAnomalyRuleHit h;
        h.invoiceId = q.value(0).toLongLong();
        h.lineId = q.value(1).toLongLong();
        h.kind = QStringLiteral("duplicate_line");
        const bool same = q.value(3).toBool();
        h.value = q.value(5).toString();
        h.comparedWith = {{QStringLiteral("basis"),
                           same ? QStringLiteral("invoice") : QStringLiteral("contract")},
                          {QStringLiteral("line_no"), q.value(2).toInt()},
                          {QStringLiteral("number"), q.value(4).toString()},
                          {QStringLiteral("hours"), q.value(5).toString()},
                          {QStringLiteral("rate"), q.value(6).toString()}};
        h.text = same ? QStringLiteral("Same description, quantity %1 and price %2 as line %3 of "
                                       "this invoice.")
                            .arg(q.value(5).toString(), q.value(6).toString())
                            .arg(q.value(2).toInt())
                      : QStringLiteral("Same description, quantity %1 and price %2 for the same "
                                       "service period as line %3 of issued invoice %4.")
                            .arg(q.value(5).toString(), q.value(6).toString())
                            .arg(q.value(2).toInt())
                            .arg(q.value(4).toString());
        hits.push_back(std::move(h));
    }

    // Time worked after its project was closed (a closed project's end date is its closing):
    // the lines of closed projects whose service ends after it first (a line's service period
    // spans its entries), then only their entries, probed by id.
    q = db::query(db, QStringLiteral(R"(
SELECT l.invoice_id, l.id, p.name, p.end_date, max(te.work_date), count(*), sum(bs.hours)::text
FROM invoice_lines l
JOIN projects p ON p.id = l.project_id AND p.status = 'closed'
JOIN billing_sources bs ON bs.invoice_line_id = l.id AND bs.source_kind = 'time_entry'
     AND bs.released_at IS NULL
JOIN LATERAL (
    SELECT t.work_date FROM time_entries t
    WHERE t.id = CASE WHEN bs.source_kind = 'time_entry' THEN bs.source_key::uuid END) te
    ON true
WHERE l.invoice_id = ANY(?::bigint[]) AND coalesce(l.service_end, 'infinity') > p.end_date
  AND te.work_date > p.end_date
GROUP BY l.invoice_id, l.id, p.name, p.end_date)"),
                  {ids});
    while (q.next()) {
        InvoiceAnomalyRuleHit h;
        h.invoiceId = q.value(0).toLongLong();
        h.lineId = q.value(1).toLongLong();
        h.kind = QStringLiteral("after_project_closed");
        const QString closed = q.value(3).toDate().toString(Qt::ISODate);
        const QString last = q.value(4).toDate().toString(Qt::ISODate);
        h.value = last;
        h.comparedWith = {{QStringLiteral("basis"), QStringLiteral("project")},
                          {QStringLiteral("closed_on"), closed},
                          {QStringLiteral("n"), q.value(5).toInt()},
                          {QStringLiteral("hours"), q.value(6).toString()}};
        h.text = QStringLiteral("%1 time entries (%2 h) worked up to %3 on %4, which closed on %5.")
                     .arg(q.value(5).toInt())
                     .arg(q.value(6).toString(), last, q.value(2).toString(), closed);
        hits.push_back(std::move(h));
    }

    // The rate the billing rate chain gives for the line's role on the first and the last day
    // of its service period (a line groups entries of one role and rate; a rate card that
    // changed within the period gives the line either rate): neither → mismatch. The chain's
    // joins take the entity as their one placeholder; bound to the row's own entity they check
    // every entity in one statement (per entity, should the joins ever change shape).
    QString joins = billing_rates::joins();
    const QString entityBind = QStringLiteral("c.legal_entity_id = ?");
    const bool oneStatement = joins.count(u'?') == 1 && joins.contains(entityBind);
    QList<qint64> entities{0};
    if (oneStatement) {
        joins.replace(entityBind, QStringLiteral("c.legal_entity_id = e.legal_entity_id"));
    } else {
        QSet<qint64> distinct;
        for (const InvoiceAnomalyInvoice &i : targets)
            distinct.insert(i.entityId);
        entities = QList<qint64>(distinct.begin(), distinct.end());
    }
    const QString lines =
        QStringLiteral(
            "SELECT i.id AS invoice_id, i.legal_entity_id, l.id AS line_id, l.unit_price, "
            "i.contract_id, i.account_id, i.currency, l.job_role_id AS role_id, d.work_date, "
            "EXISTS (SELECT 1 FROM contract_line_items ci WHERE ci.contract_id = i.contract_id "
            "AND ci.kind = 'rate') AS rate_items FROM invoices i JOIN invoice_lines l ON "
            "l.invoice_id = i.id AND l.unit = 'hours' AND l.job_role_id IS NOT NULL AND l.kind "
            "IN ('time', 'retainer_overage') CROSS JOIN LATERAL (VALUES (coalesce(l.service_start, "
            "i.period_start, i.invoice_date)), (coalesce(l.service_end, i.period_end, "
            "i.invoice_date))) d(work_date) WHERE i.id = ANY(?::bigint[])") +
        (oneStatement ? QString() : QStringLiteral(" AND i.legal_entity_id = ?"));
    for (const qint64 entity : entities) {
        q = db::query(db,
                      QStringLiteral("SELECT e.invoice_id, e.line_id, round(min(e.unit_price), "
                                     "2)::text, round((array_agg(r.rate ORDER BY e.work_date "
                                     "DESC))[1], 2)::text, max(e.work_date), count(*) FROM (") +
                          lines + QStringLiteral(") e") + joins +
                          QStringLiteral(" WHERE r.rate IS NOT NULL GROUP BY e.invoice_id, "
                                         "e.line_id HAVING bool_and(round(r.rate, 2) <> "
                                         "round(e.unit_price, 2)) ORDER BY e.line_id"),
                      oneStatement ? QVariantList{ids} : QVariantList{ids, entity, entity});
        while (q.next()) {
            InvoiceAnomalyRuleHit h;
            h.invoiceId = q.value(0).toLongLong();
            h.lineId = q.value(1).toLongLong();
            h.kind = QStringLiteral("rate_card_mismatch");
            h.value = q.value(2).toString();
            const QString expected = q.value(3).toString();
            const QString date = q.value(4).toDate().toString(Qt::ISODate);
            h.comparedWith = {{QStringLiteral("basis"), QStringLiteral("rate_card")},
                              {QStringLiteral("rate"), expected},
                              {QStringLiteral("date"), date}};
            h.text = QStringLiteral("Billed at %1 an hour; the rate chain (contract rate, client "
                                    "override, rate card) gives %2 for this role on %3.")
                         .arg(h.value, expected, date);
            hits.push_back(std::move(h));
        }
    }
    return hits;
}

std::vector<InvoiceAnomalyRoleValues> invoiceAnomalyRoleValues(QSqlDatabase db, QDate before)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT l.job_role_id, i.currency, min(r.name), "
                       "array_to_string(array_agg(l.quantity), ','), "
                       "array_to_string(array_agg(l.unit_price), ',') FROM invoices i "
                       "JOIN invoice_lines l ON l.invoice_id = i.id AND l.unit = 'hours' "
                       "AND l.job_role_id IS NOT NULL AND l.quantity > 0 "
                       "JOIN job_roles r ON r.id = l.job_role_id "
                       "WHERE i.kind = 'invoice' AND i.status IN ") +
            kIssued + QStringLiteral(" AND i.invoice_date < ? GROUP BY 1, 2 ORDER BY 1, 2"),
        {before});
    std::vector<InvoiceAnomalyRoleValues> out;
    while (q.next()) {
        InvoiceAnomalyRoleValues v;
        v.roleId = q.value(0).toLongLong();
        v.currency = q.value(1).toString();
        v.roleName = q.value(2).toString();
        for (const QString &s : q.value(3).toString().split(u',', Qt::SkipEmptyParts))
            v.hours.push_back(s.toDouble());
        for (const QString &s : q.value(4).toString().split(u',', Qt::SkipEmptyParts))
            v.rates.push_back(s.toDouble());
        out.push_back(std::move(v));
    }
    return out;
}

QHash<qint64, QString> invoiceAnomalyPlanted(QSqlDatabase db)
{
    QHash<qint64, QString> out;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT subject_id, string_agg(detail, ',') FROM "
                                              "insights_planted WHERE kind = 'wrong_invoice' "
                                              "GROUP BY 1"));
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

QDate invoiceAnomalyFirstDraftPeriod(QSqlDatabase db)
{
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT min(coalesce(period_start, invoice_date)) "
                                              "FROM invoices WHERE status = 'draft' AND kind = "
                                              "'invoice'"));
    return q.next() ? q.value(0).toDate() : QDate();
}

} // namespace keel
