#include "quote_store.h"

#include "json_codec.h"
#include "sales_store.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel::crm {

std::optional<QuoteOpportunity> QuoteStore::opportunity(qint64 id) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral(
                      "SELECT o.id, o.legal_entity_id, e.code, coalesce(p.code, ''), o.account_id, "
                      "o.currency, o.name, coalesce(o.target_margin_pct::text, '') FROM "
                      "opportunities o JOIN legal_entities e ON e.id = o.legal_entity_id LEFT "
                      "JOIN practices p ON p.id = o.practice_id WHERE o.id = ?"),
                  {id});
    if (!q.next())
        return std::nullopt;
    return QuoteOpportunity{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toString(),
                            q.value(6).toString(),   q.value(7).toString()};
}

std::optional<QuoteRecord> QuoteStore::quote(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM quotes WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "SELECT q.id, q.opportunity_id, q.version_no, e.code, q.account_id, q.title, "
            "q.currency, q.quote_date, q.status, q.discount_pct::text, q.list_value::text, "
            "q.discount_value::text, q.net_value::text, q.cost_value::text, "
            "q.margin_value::text, q.margin_pct::text, q.notes, q.approval_request_id, "
            "q.submitted_by, q.submitted_at, q.accepted_at, q.version, "
            "coalesce(o.target_margin_pct::text, '') FROM quotes q JOIN legal_entities e ON "
            "e.id = q.legal_entity_id JOIN opportunities o ON o.id = q.opportunity_id "
            "WHERE q.id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    const QString cur = q.value(6).toString();
    const auto money = [&](int col) {
        return moneyToJson(moneyFromText(q.value(col).toString(), cur));
    };
    QuoteRecord r;
    r.opportunityId = q.value(1).toLongLong();
    r.status = q.value(8).toString();
    r.version = q.value(21).toInt();
    r.versionNo = q.value(2).toInt();
    r.submittedBy = q.value(18).toLongLong();
    r.legalEntity = q.value(3).toString();
    r.json = {
        {"id", idToJson(id)},
        {"number", QStringLiteral("Q-%1-%2-v%3")
                       .arg(q.value(3).toString())
                       .arg(r.opportunityId)
                       .arg(r.versionNo)},
        {"opportunity", idToJson(r.opportunityId)},
        {"version_no", r.versionNo},
        {"legal_entity", q.value(3).toString()},
        {"account", idToJson(q.value(4).toLongLong())},
        {"title", q.value(5).toString()},
        {"currency", cur},
        {"quote_date", dateToJson(q.value(7).toDate())},
        {"status", r.status},
        {"discount_pct", decimalFromText(q.value(9).toString()).toString()},
        {"list_value", money(10)},
        {"discount_value", money(11)},
        {"net_value", money(12)},
        {"cost_value", money(13)},
        {"margin_value", money(14)},
        {"margin_pct", q.value(15).isNull()
                           ? QJsonValue()
                           : QJsonValue(decimalFromText(q.value(15).toString()).toString(2))},
        {"target_margin_pct", q.value(22).toString().isEmpty()
                                  ? QJsonValue()
                                  : QJsonValue(decimalFromText(q.value(22).toString()).toString())},
        {"notes", q.value(16).isNull() ? QJsonValue() : q.value(16).toString()},
        {"approval_request",
         q.value(17).isNull() ? QJsonValue() : idToJson(q.value(17).toLongLong())},
        {"submitted_by", q.value(18).isNull() ? QJsonValue() : idToJson(q.value(18).toLongLong())},
        {"submitted_at", instantToJson(q.value(19).toDateTime())},
        {"accepted_at", instantToJson(q.value(20).toDateTime())},
        {"version", r.version}};
    QSqlQuery l = db::query(
        m_db,
        QStringLiteral("SELECT l.line_no, l.kind, l.description, r.code, l.hours::text, "
                       "l.rate::text, l.rate_source, l.cost_rate::text, l.list_amount::text, "
                       "l.cost_amount::text FROM quote_lines l LEFT JOIN job_roles r ON r.id = "
                       "l.job_role_id WHERE l.quote_id = ? ORDER BY l.line_no"),
        {id});
    QJsonArray lines;
    while (l.next()) {
        QJsonObject line{{"line_no", l.value(0).toInt()},
                         {"kind", l.value(1).toString()},
                         {"description", l.value(2).toString()},
                         {"amount", moneyToJson(moneyFromText(l.value(8).toString(), cur))},
                         {"cost", moneyToJson(moneyFromText(l.value(9).toString(), cur))}};
        if (l.value(1).toString() == QLatin1String("role")) {
            line.insert("job_role", l.value(3).toString());
            line.insert("hours", decimalFromText(l.value(4).toString()).toString(2));
            line.insert("rate", decimalFromText(l.value(5).toString()).toString(2));
            line.insert("rate_source", l.value(6).toString());
            line.insert("cost_rate", decimalFromText(l.value(7).toString()).toString(2));
        } else {
            line.insert("price", moneyToJson(moneyFromText(l.value(8).toString(), cur)));
        }
        lines.append(line);
    }
    r.json.insert("lines", lines);
    return r;
}

QList<qint64> QuoteStore::quoteIds(qint64 opportunityId, int limit) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT id FROM quotes WHERE opportunity_id = ? "
                                           "ORDER BY version_no DESC LIMIT %1")
                                .arg(limit),
                            {opportunityId});
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

int QuoteStore::latestVersionNo(qint64 opportunityId) const
{
    QSqlQuery latest = db::query(
        m_db, QStringLiteral("SELECT max(version_no) FROM quotes WHERE opportunity_id = ?"),
        {opportunityId});
    latest.next();
    return latest.value(0).toInt();
}

qint64 QuoteStore::insertQuote(const QuoteOpportunity &opp, const QString &title,
                               const QString &currency, QDate quoteDate, qint64 createdBy) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("INSERT INTO quotes (opportunity_id, version_no, legal_entity_id, "
                       "account_id, title, currency, quote_date, created_by) VALUES (?, "
                       "(SELECT coalesce(max(version_no), 0) + 1 FROM quotes WHERE opportunity_id "
                       "= ?), ?, ?, ?, ?, ?, ?) RETURNING id"),
        {opp.id, opp.id, opp.entityId, opp.accountId, title, currency, quoteDate, createdBy});
    q.next();
    return q.value(0).toLongLong();
}

void QuoteStore::writeContent(qint64 id, const QuoteContent &c,
                              const QList<QuoteLineRow> &lines) const
{
    db::query(
        m_db,
        QStringLiteral(
            "UPDATE quotes SET currency = ?, quote_date = ?, discount_pct = "
            "?::numeric, title = ?, notes = ?, list_value = ?::numeric, "
            "discount_value = ?::numeric, net_value = ?::numeric, cost_value = "
            "?::numeric, margin_value = ?::numeric, margin_pct = ?::numeric WHERE id = ?"),
        {c.currency, c.quoteDate, c.discountPct.toString(), c.title, nullableText(c.notes),
         c.list.toString(), c.discount.toString(), c.net.toString(), c.cost.toString(),
         c.margin.toString(),
         c.marginPct ? QVariant(c.marginPct->toString()) : QVariant(QMetaType::fromType<QString>()),
         id});
    db::query(m_db, QStringLiteral("DELETE FROM quote_lines WHERE quote_id = ?"), {id});
    for (int i = 0; i < lines.size(); ++i) {
        const QuoteLineRow &l = lines[i];
        const bool role = l.kind == QLatin1String("role");
        const QVariant nullText(QMetaType::fromType<QString>());
        db::query(
            m_db,
            QStringLiteral(
                "INSERT INTO quote_lines (quote_id, line_no, kind, description, "
                "job_role_id, hours, rate, rate_source, cost_rate, list_amount, "
                "cost_amount) VALUES (?, ?, ?, coalesce(?, ''), ?, ?::numeric, ?::numeric, ?, "
                "?::numeric, ?::numeric, ?::numeric)"),
            {id, i + 1, l.kind, l.description, nullableId(l.jobRoleId),
             role ? QVariant(l.hours.toString()) : nullText,
             role ? QVariant(l.rate.toString()) : nullText,
             role ? QVariant(l.rateSource) : nullText,
             role ? QVariant(l.costRate.toString()) : nullText, l.list.toString(),
             l.cost.toString()});
    }
}

void QuoteStore::bumpVersion(qint64 id) const
{
    db::query(
        m_db,
        QStringLiteral("UPDATE quotes SET version = version + 1, updated_at = now() WHERE id = ?"),
        {id});
}

void QuoteStore::setStatus(qint64 id, const QString &status) const
{
    db::query(m_db,
              QStringLiteral("UPDATE quotes SET status = ?, version = version + 1, updated_at = "
                             "now() WHERE id = ?"),
              {status, id});
}

void QuoteStore::markSubmitted(qint64 id, const QString &status, qint64 userId) const
{
    db::query(
        m_db,
        QStringLiteral("UPDATE quotes SET status = ?, submitted_by = ?, submitted_at = now(), "
                       "version = version + 1, updated_at = now() WHERE id = ?"),
        {status, userId, id});
}

void QuoteStore::markDecided(qint64 id, const QString &status, bool bumpVersion) const
{
    if (bumpVersion)
        db::query(m_db,
                  QStringLiteral("UPDATE quotes SET status = ?, decided_at = now(), version = "
                                 "version + 1, updated_at = now() WHERE id = ?"),
                  {status, id});
    else
        db::query(m_db,
                  QStringLiteral("UPDATE quotes SET status = ?, decided_at = now() WHERE id = ?"),
                  {status, id});
}

void QuoteStore::markAccepted(qint64 id, const QString &status) const
{
    db::query(m_db,
              QStringLiteral("UPDATE quotes SET status = ?, accepted_at = now(), version = "
                             "version + 1, updated_at = now() WHERE id = ?"),
              {status, id});
}

void QuoteStore::setApprovalRequest(qint64 id, qint64 approvalRequestId) const
{
    db::query(m_db, QStringLiteral("UPDATE quotes SET approval_request_id = ? WHERE id = ?"),
              {approvalRequestId, id});
}

qint64 QuoteStore::copyAsNextVersion(qint64 id, qint64 createdBy) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "INSERT INTO quotes (opportunity_id, version_no, legal_entity_id, account_id, title, "
            "currency, quote_date, discount_pct, list_value, discount_value, net_value, "
            "cost_value, margin_value, margin_pct, notes, created_by) SELECT opportunity_id, "
            "version_no + 1, legal_entity_id, account_id, title, currency, quote_date, "
            "discount_pct, list_value, discount_value, net_value, cost_value, margin_value, "
            "margin_pct, notes, ? FROM quotes WHERE id = ? RETURNING id"),
        {createdBy, id});
    q.next();
    const qint64 newId = q.value(0).toLongLong();
    db::query(m_db,
              QStringLiteral("INSERT INTO quote_lines (quote_id, line_no, kind, description, "
                             "job_role_id, hours, rate, rate_source, cost_rate, list_amount, "
                             "cost_amount) SELECT ?, line_no, kind, description, job_role_id, "
                             "hours, rate, rate_source, cost_rate, list_amount, cost_amount FROM "
                             "quote_lines WHERE quote_id = ?"),
              {newId, id});
    return newId;
}

std::optional<QString> QuoteStore::status(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM quotes WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(m_db, QStringLiteral("SELECT status FROM quotes WHERE id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

} // namespace keel::crm
