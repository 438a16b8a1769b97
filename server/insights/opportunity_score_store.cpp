#include "opportunity_score_store.h"

#include "crm/sales_rules.h"
#include "db/database.h"
#include "db/pg_array.h"

#include <QHash>
#include <QSqlQuery>

namespace keel {

namespace {

// Closed deals with the UTC date they closed on (sales_rules: the moment the deal reached its
// won or lost stage), so the client's history at a point counts only deals closed before it.
QString closedCte()
{
    return QStringLiteral("closed AS MATERIALIZED (SELECT o.id, o.account_id, s.is_won AS won, "
                          "%1 AS closed_on FROM opportunities o JOIN opportunity_stages s ON "
                          "s.id = o.stage_id %2 WHERE %3), ")
        .arg(sales_rules::closedOn(), sales_rules::closedJoin(), sales_rules::closedStage());
}

// The features' facts for points `pts(opportunity_id, stage_id, entered, day)`, each read as of
// the point's day: the client's deals closed before it, the latest quote dated on or before it,
// hard assignments created by then. Capacity is the role's weekly capacity over the working
// days of the start window (expected close, or the day if later, to +90 days) less the hard
// assignments booked in it; holidays and leave are left out (a ratio for ranking, not a plan).
// The value is converted into the group currency at the day's rate (a feature only).
QString featureSelect()
{
    return QStringLiteral(
        "role_cap AS MATERIALIZED (SELECT legal_entity_id, job_role_id, "
        "sum(weekly_capacity_hours) / 5 AS per_day FROM employees WHERE active GROUP BY 1, 2) "
        "SELECT p.opportunity_id, o.legal_entity_id, o.account_id, st.code, st.name, p.day, "
        "p.day - p.entered, (o.expected_value * coalesce(analytics_fx_rate(o.currency::char(3), "
        "g.group_currency::char(3), p.day), 1))::float8, coalesce(cl.n, 0), coalesce(cl.w, 0), "
        "(SELECT string_agg(DISTINCT x.id::text, ',') FROM (SELECT l.service_line_id AS id FROM "
        "opportunity_service_lines l WHERE l.opportunity_id = o.id UNION ALL SELECT "
        "f.service_line_id FROM offerings f WHERE f.id = o.offering_id) x), "
        "q.discount_pct IS NOT NULL, coalesce(q.discount_pct, 0)::float8, "
        "coalesce(cap.ratio, 0)::float8, CASE WHEN c.won THEN 1 WHEN c.id IS NOT NULL THEN 0 "
        "ELSE -1 END, c.closed_on "
        "FROM pts p JOIN opportunities o ON o.id = p.opportunity_id "
        "JOIN opportunity_stages st ON st.id = p.stage_id CROSS JOIN group_settings g "
        "LEFT JOIN closed c ON c.id = o.id "
        "LEFT JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE c2.won) AS w FROM "
        "closed c2 WHERE c2.account_id = o.account_id AND c2.closed_on < p.day) cl ON true "
        "LEFT JOIN LATERAL (SELECT q.discount_pct FROM quotes q WHERE q.opportunity_id = o.id "
        "AND q.quote_date <= p.day ORDER BY q.version_no DESC LIMIT 1) q ON true "
        "LEFT JOIN LATERAL (SELECT max(e.hours / greatest(coalesce(rc.per_day, 0) * "
        "analytics_weekdays(w.first, w.first + 90) - coalesce(bk.hours, 0), 1)) AS ratio FROM "
        "opportunity_effort e CROSS JOIN (SELECT greatest(coalesce(o.expected_close, p.day), "
        "p.day) AS first) w LEFT JOIN role_cap rc ON rc.legal_entity_id = o.legal_entity_id AND "
        "rc.job_role_id = e.job_role_id LEFT JOIN LATERAL (SELECT sum(a.hours_per_week * "
        "analytics_weekdays(greatest(a.start_date, w.first), least(a.end_date, w.first + 90))) / 5 "
        "AS "
        "hours FROM employees em JOIN assignments a ON a.employee_id = em.id AND a.kind = 'hard' "
        "AND a.start_date <= w.first + 90 AND a.end_date >= w.first AND a.created_at < p.day + 1 "
        "WHERE em.legal_entity_id = o.legal_entity_id AND em.job_role_id = e.job_role_id AND "
        "em.active) bk ON true WHERE e.opportunity_id = o.id AND e.hours > 0) cap ON true ");
}

OpportunityScorePoint pointFrom(const QSqlQuery &q, int at = 0)
{
    OpportunityScorePoint p;
    p.opportunityId = q.value(at + 0).toLongLong();
    p.entityId = q.value(at + 1).toLongLong();
    p.accountId = q.value(at + 2).toLongLong();
    p.stage = q.value(at + 3).toString();
    p.stageName = q.value(at + 4).toString();
    p.day = q.value(at + 5).toDate();
    p.ageDays = std::max(0, q.value(at + 6).toInt());
    p.valueGroup = q.value(at + 7).toDouble();
    p.clientClosed = q.value(at + 8).toInt();
    p.clientWon = q.value(at + 9).toInt();
    for (const QString &id : q.value(at + 10).toString().split(u',', Qt::SkipEmptyParts))
        p.serviceLines.append(id.toLongLong());
    p.quoted = q.value(at + 11).toBool();
    p.discountPct = q.value(at + 12).toDouble();
    p.capacityRatio = q.value(at + 13).toDouble();
    p.outcome = q.value(at + 14).toInt();
    p.closedOn = q.value(at + 15).toDate();
    return p;
}

constexpr int kPointColumns = 16;

std::vector<OpportunityScorePoint> points(QSqlDatabase db, const QString &ptsCte,
                                          const QVariantList &binds)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("WITH ") + closedCte() + ptsCte + featureSelect() +
                                QStringLiteral("ORDER BY p.day, p.opportunity_id"),
                            binds);
    std::vector<OpportunityScorePoint> out;
    while (q.next())
        out.push_back(pointFrom(q));
    return out;
}

QString entityArray(const QList<qint64> &ids)
{
    db::PgArray a;
    for (const qint64 id : ids)
        a.add(id);
    return a.literal();
}

} // namespace

std::vector<OpportunityScorePoint> opportunityTrainingPoints(QSqlDatabase db, QDate asOf)
{
    // The midpoint of each stage's stay: at its entry the age in stage is always zero, so the
    // model could never learn what time in a stage says; halfway the deal is still in it, as
    // an open deal being scored is.
    return points(
        db,
        QStringLiteral(
            "h AS (SELECT h.opportunity_id, h.to_stage_id, (h.changed_at AT TIME ZONE "
            "'UTC')::date AS entered, (lead(h.changed_at) OVER (PARTITION BY h.opportunity_id "
            "ORDER BY h.changed_at, h.id) AT TIME ZONE 'UTC')::date AS left_on FROM "
            "opportunity_stage_history h JOIN closed c ON c.id = h.opportunity_id WHERE "
            "c.closed_on <= ?::date), "
            "pts AS MATERIALIZED (SELECT h.opportunity_id, h.to_stage_id AS stage_id, h.entered, "
            "h.entered + (coalesce(h.left_on, h.entered) - h.entered) / 2 AS day FROM h JOIN "
            "opportunity_stages s ON s.id = h.to_stage_id WHERE NOT (s.is_won OR s.is_lost)), "),
        {asOf});
}

std::vector<OpportunityScorePoint> opportunityPointsAt(QSqlDatabase db,
                                                       const QList<qint64> &entityIds, QDate asOf)
{
    return points(
        db,
        QStringLiteral(
            "last AS (SELECT DISTINCT ON (h.opportunity_id) h.opportunity_id, h.to_stage_id, "
            "(h.changed_at AT TIME ZONE 'UTC')::date AS entered FROM opportunity_stage_history h "
            "JOIN opportunities o ON o.id = h.opportunity_id WHERE o.legal_entity_id = "
            "ANY(?::bigint[]) AND (h.changed_at AT TIME ZONE 'UTC')::date <= ?::date ORDER BY "
            "h.opportunity_id, h.changed_at DESC, h.id DESC), "
            "pts AS MATERIALIZED (SELECT l.opportunity_id, l.to_stage_id AS stage_id, l.entered, "
            "?::date AS day FROM last l JOIN opportunity_stages s ON s.id = l.to_stage_id WHERE "
            "NOT (s.is_won OR s.is_lost)), "),
        {entityArray(entityIds), asOf, asOf});
}

std::vector<OpportunityScoreRow>
openOpportunityRows(QSqlDatabase db, const QList<qint64> &entityIds, const QString &currency,
                    int minorUnits, QDate asOf, qint64 ownerId, qint64 opportunityId)
{
    // Points of the deals open now, in their current stage since they last entered it.
    const QString pts = QStringLiteral(
        "pts AS MATERIALIZED (SELECT o.id AS opportunity_id, o.stage_id, least(coalesce((SELECT "
        "max(h.changed_at) FROM opportunity_stage_history h WHERE h.opportunity_id = o.id AND "
        "h.to_stage_id = o.stage_id), o.created_at) AT TIME ZONE 'UTC', ?::date)::date AS "
        "entered, ?::date AS day FROM opportunities o WHERE o.is_open AND o.legal_entity_id = "
        "ANY(?::bigint[]) AND (?::bigint = 0 OR o.owner_id = ?::bigint) AND (?::bigint = 0 OR "
        "o.id = ?::bigint)), ");
    QString select = featureSelect();
    select.replace(
        QStringLiteral("SELECT p.opportunity_id, o.legal_entity_id"),
        QStringLiteral(
            "SELECT o.name, a.name, o.owner_id, coalesce(u.display_name, u.username), "
            "o.currency, round(o.expected_value * analytics_fx_rate(o.currency::char(3), "
            "?::char(3), ?::date), ?::int)::text, o.expected_close, "
            "o.probability::text, p.opportunity_id, o.legal_entity_id"));
    select.replace(QStringLiteral("FROM pts p JOIN opportunities o ON o.id = p.opportunity_id "),
                   QStringLiteral("FROM pts p JOIN opportunities o ON o.id = p.opportunity_id "
                                  "JOIN accounts a ON a.id = o.account_id JOIN users u ON u.id "
                                  "= o.owner_id "));
    QSqlQuery q = db::query(db,
                            QStringLiteral("WITH ") + closedCte() + pts + select +
                                QStringLiteral("ORDER BY p.opportunity_id"),
                            {asOf, asOf, entityArray(entityIds), ownerId, ownerId, opportunityId,
                             opportunityId, currency, asOf, minorUnits});
    std::vector<OpportunityScoreRow> out;
    while (q.next()) {
        OpportunityScoreRow r;
        r.name = q.value(0).toString();
        r.account = q.value(1).toString();
        r.ownerId = q.value(2).toLongLong();
        r.owner = q.value(3).toString();
        r.currency = q.value(4).toString();
        r.value = q.value(5).toString();
        r.expectedClose = q.value(6).toDate();
        r.repProbability = q.value(7).toString();
        r.point = pointFrom(q, 8);
        out.push_back(std::move(r));
    }
    return out;
}

QHash<qint64, QString> serviceLineNames(QSqlDatabase db)
{
    QHash<qint64, QString> names;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT id, name FROM service_lines"));
    while (q.next())
        names.insert(q.value(0).toLongLong(), q.value(1).toString());
    return names;
}

} // namespace keel
