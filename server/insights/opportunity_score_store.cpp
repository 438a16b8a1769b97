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

// Scoring open deals needs no outcome: the same columns, no rows, and none of closedCte's cost.
QString noClosedCte()
{
    return QStringLiteral("closed AS (SELECT NULL::bigint AS id, NULL::bigint AS account_id, "
                          "NULL::boolean AS won, NULL::date AS closed_on WHERE false), ");
}

// The facts read in SQL for points `pts(opportunity_id, stage_id, entered, day)`, each as of
// the point's day: the latest quote dated on or before it, the value converted into the group
// currency at the day's rate (a feature only), the required hours per role and the start
// window's first day (the expected close, or the day if later). The client's history and the
// capacity are completed in C++ from three small set-based reads (opportunityFacts), which
// costs a few milliseconds where per-point laterals cost seconds.
QString featureSelect()
{
    return QStringLiteral(
        "SELECT p.opportunity_id, o.legal_entity_id, o.account_id, st.code, st.name, p.day, "
        "p.day - p.entered, (o.expected_value * coalesce(analytics_fx_rate(o.currency::char(3), "
        "g.group_currency::char(3), p.day), 1))::float8, "
        "(SELECT string_agg(DISTINCT x.id::text, ',') FROM (SELECT l.service_line_id AS id FROM "
        "opportunity_service_lines l WHERE l.opportunity_id = o.id UNION ALL SELECT "
        "f.service_line_id FROM offerings f WHERE f.id = o.offering_id) x), "
        "q.discount_pct IS NOT NULL, coalesce(q.discount_pct, 0)::float8, "
        "(SELECT string_agg(e.job_role_id || ':' || e.hours, ',') FROM opportunity_effort e "
        "WHERE e.opportunity_id = o.id AND e.hours > 0), "
        "greatest(coalesce(o.expected_close, p.day), p.day), "
        "CASE WHEN c.won THEN 1 WHEN c.id IS NOT NULL THEN 0 ELSE -1 END, c.closed_on "
        "FROM pts p JOIN opportunities o ON o.id = p.opportunity_id "
        "JOIN opportunity_stages st ON st.id = p.stage_id CROSS JOIN group_settings g "
        "LEFT JOIN closed c ON c.id = o.id "
        "LEFT JOIN LATERAL (SELECT q.discount_pct FROM quotes q WHERE q.opportunity_id = o.id "
        "AND q.quote_date <= p.day ORDER BY q.version_no DESC LIMIT 1) q ON true ");
}

struct OpportunityScoreRaw
{
    OpportunityScorePoint point;
    QString effort; // "role:hours,…"
    QDate windowStart;
};

OpportunityScoreRaw rawFrom(const QSqlQuery &q, int at = 0)
{
    OpportunityScoreRaw r;
    OpportunityScorePoint &p = r.point;
    p.opportunityId = q.value(at + 0).toLongLong();
    p.entityId = q.value(at + 1).toLongLong();
    p.accountId = q.value(at + 2).toLongLong();
    p.stage = q.value(at + 3).toString();
    p.stageName = q.value(at + 4).toString();
    p.day = q.value(at + 5).toDate();
    p.ageDays = std::max(0, q.value(at + 6).toInt());
    p.valueGroup = q.value(at + 7).toDouble();
    for (const QString &id : q.value(at + 8).toString().split(u',', Qt::SkipEmptyParts))
        p.serviceLines.append(id.toLongLong());
    p.quoted = q.value(at + 9).toBool();
    p.discountPct = q.value(at + 10).toDouble();
    r.effort = q.value(at + 11).toString();
    r.windowStart = q.value(at + 12).toDate();
    p.outcome = q.value(at + 13).toInt();
    p.closedOn = q.value(at + 14).toDate();
    return r;
}

// Working days (Monday to Friday) in [from, to]; 0 when to < from.
int weekdays(QDate from, QDate to)
{
    if (to < from)
        return 0;
    const qint64 days = from.daysTo(to) + 1;
    const int start = from.dayOfWeek() - 1; // 0 Monday
    const int rest = int(days % 7);
    return int(5 * (days / 7)) + std::max(0, std::min(start + rest, 5) - std::min(start, 5)) +
           std::max(0, std::min(start + rest - 7, 5));
}

struct OpportunityScoreAssignment
{
    QDate start, end, knownOn;
    double hoursPerWeek = 0;
};

// The client's closed deals before each point, and the capacity of the roles it needs: the
// role's weekly capacity over the working days of the 91-day window less the hard assignments
// booked in it and known by the point's day (created, or started, by then); holidays and leave
// are left out (a ratio for ranking, not a staffing plan).
void completeFacts(QSqlDatabase db, std::vector<OpportunityScoreRaw> &raws)
{
    QHash<qint64, std::vector<std::pair<QDate, bool>>> history;
    {
        QSqlQuery q = db::exec(db, QStringLiteral("WITH ") + closedCte().chopped(2) +
                                       QStringLiteral("SELECT account_id, closed_on, won FROM "
                                                      "closed ORDER BY account_id, closed_on"));
        while (q.next())
            history[q.value(0).toLongLong()].push_back({q.value(1).toDate(), q.value(2).toBool()});
    }
    QHash<QPair<qint64, qint64>, double> perDay;
    QHash<QPair<qint64, qint64>, std::vector<OpportunityScoreAssignment>> booked;
    {
        QSqlQuery q = db::exec(db, QStringLiteral("SELECT legal_entity_id, job_role_id, "
                                                  "sum(weekly_capacity_hours)::float8 / 5 FROM "
                                                  "employees WHERE active GROUP BY 1, 2"));
        while (q.next())
            perDay.insert({q.value(0).toLongLong(), q.value(1).toLongLong()},
                          q.value(2).toDouble());
        q = db::exec(db, QStringLiteral(
                             "SELECT em.legal_entity_id, em.job_role_id, a.start_date, a.end_date, "
                             "least((a.created_at AT TIME ZONE 'UTC')::date, a.start_date), "
                             "a.hours_per_week::float8 FROM assignments a JOIN employees em ON "
                             "em.id = a.employee_id WHERE a.kind = 'hard' AND em.active"));
        while (q.next())
            booked[{q.value(0).toLongLong(), q.value(1).toLongLong()}].push_back(
                {q.value(2).toDate(), q.value(3).toDate(), q.value(4).toDate(),
                 q.value(5).toDouble()});
    }
    for (OpportunityScoreRaw &r : raws) {
        OpportunityScorePoint &p = r.point;
        for (const auto &[on, won] : history.value(p.accountId)) {
            if (on >= p.day)
                break;
            ++p.clientClosed;
            p.clientWon += won ? 1 : 0;
        }
        const QDate first = r.windowStart, last = r.windowStart.addDays(90);
        const int days = weekdays(first, last);
        double ratio = 0;
        for (const QString &part : r.effort.split(u',', Qt::SkipEmptyParts)) {
            const qint64 role = part.section(u':', 0, 0).toLongLong();
            const double hours = part.section(u':', 1).toDouble();
            const QPair<qint64, qint64> key{p.entityId, role};
            double free = perDay.value(key) * days;
            for (const OpportunityScoreAssignment &a : booked.value(key)) {
                if (a.knownOn <= p.day && a.start <= last && a.end >= first)
                    free -= a.hoursPerWeek *
                            weekdays(std::max(a.start, first), std::min(a.end, last)) / 5;
            }
            ratio = std::max(ratio, hours / std::max(free, 1.0));
        }
        p.capacityRatio = ratio;
    }
}

std::vector<OpportunityScorePoint> points(QSqlDatabase db, const QString &ptsCte,
                                          const QVariantList &binds, bool withOutcomes)
{
    std::vector<OpportunityScoreRaw> raws;
    {
        // Estimated dear (subqueries per point), run cheap: JIT would compile for seconds, so
        // it is off for this transaction only.
        db::Transaction tx(db);
        db::query(db, QStringLiteral("SELECT set_config('jit', 'off', true)"), {});
        QSqlQuery q = db::query(
            db,
            QStringLiteral("WITH ") + (withOutcomes ? closedCte() : noClosedCte()) + ptsCte +
                featureSelect() + QStringLiteral("ORDER BY p.day, p.opportunity_id"),
            binds);
        while (q.next())
            raws.push_back(rawFrom(q));
        tx.commit();
    }
    completeFacts(db, raws);
    std::vector<OpportunityScorePoint> out;
    out.reserve(raws.size());
    for (OpportunityScoreRaw &r : raws)
        out.push_back(std::move(r.point));
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
            "opportunity_stages s ON s.id = h.to_stage_id WHERE NOT (s.is_won OR s.is_lost)) "),
        {asOf}, true);
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
            "NOT (s.is_won OR s.is_lost)) "),
        {entityArray(entityIds), asOf, asOf}, false);
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
        "o.id = ?::bigint)) ");
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
    std::vector<OpportunityScoreRaw> raws;
    std::vector<OpportunityScoreRow> out;
    {
        db::Transaction tx(db);
        db::query(db, QStringLiteral("SELECT set_config('jit', 'off', true)"), {});
        QSqlQuery q = db::query(db,
                                QStringLiteral("WITH ") + noClosedCte() + pts + select +
                                    QStringLiteral("ORDER BY p.opportunity_id"),
                                {asOf, asOf, entityArray(entityIds), ownerId, ownerId,
                                 opportunityId, opportunityId, currency, asOf, minorUnits});
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
            raws.push_back(rawFrom(q, 8));
            out.push_back(std::move(r));
        }
        tx.commit();
    }
    completeFacts(db, raws);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].point = std::move(raws[i].point);
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
