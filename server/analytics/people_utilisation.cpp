#include "people_metrics.h"

#include "analytics_dimensions.h"
#include "db/database.h"
#include "people_store.h"

#include <QJsonArray>
#include <QUuid>

namespace keel {

namespace {

// Time that counts as billable: approved or invoiced (submitted time is not yet agreed),
// adjustments included, by the person's own entity and practice.
const char billableTime[] =
    "(SELECT te.id, te.work_date, date_trunc('month', te.work_date)::date AS month, "
    "e.legal_entity_id, e.practice_id, te.employee_id, te.project_id, te.hours, te.status "
    "FROM time_entries te JOIN employees e ON e.id = te.employee_id "
    "WHERE te.billable AND te.status IN ('approved', 'invoiced') "
    "AND e.utilisation_target_pct > 0) f";

MetricAnswer computeUtilisation(const MetricContext &c)
{
    ensurePersonMonthsBuilt(c);
    const SqlFragment slice = sliceCondition(c, personMonthColumns());
    MetricAnswer a;
    QSqlQuery t = db::query(
        c.db,
        QStringLiteral("SELECT coalesce(sum(billable_hours), 0.00)::text, "
                       "coalesce(sum(available_hours), 0.00)::text, "
                       "round(sum(billable_hours) / nullif(sum(available_hours), 0), 4)::text, "
                       "round(sum(target_hours) / nullif(sum(available_hours), 0), 4)::text, "
                       "coalesce(sum(non_billable_hours), 0.00)::text, "
                       "coalesce(sum(capacity_hours), 0.00)::text, "
                       "coalesce(sum(holiday_hours), 0.00)::text, "
                       "coalesce(sum(leave_hours), 0.00)::text, count(DISTINCT employee_id) "
                       "FROM analytics_person_month f WHERE ") +
            slice.sql,
        slice.binds);
    t.next();
    a.numerator = t.value(0).toString();
    a.denominator = t.value(1).toString();
    a.value = t.value(2).toString();
    a.target = t.value(3).toString();
    a.extra = {{"non_billable_hours", t.value(4).toString()},
               {"capacity_hours", t.value(5).toString()},
               {"holiday_hours", t.value(6).toString()},
               {"leave_hours", t.value(7).toString()},
               {"people", t.value(8).toLongLong()}};

    const PeopleGrouping g = peopleGrouping(c.filter, QStringLiteral("f"));
    QVariantList binds = slice.binds;
    const PeopleSums sums{
        QStringLiteral("SELECT %1, sum(f.billable_hours) AS num, sum(f.available_hours) AS den, "
                       "sum(f.target_hours) AS tgt FROM analytics_person_month f WHERE %2 "
                       "GROUP BY %1")
            .arg(g.raw, slice.sql),
        QStringLiteral("round(f.num / nullif(f.den, 0), 4) AS value, "
                       "round(f.tgt / nullif(f.den, 0), 4) AS extra"),
        QStringLiteral("round(rnum / nullif(rden, 0), 4)")};
    const QString points = peopleRankedPoints(c.filter, g, sums, binds);
    QSqlQuery p = db::query(c.db, points, binds);
    QJsonArray targets;
    while (p.next()) {
        MetricPoint point;
        point.key = p.value(0).toString();
        point.label = p.value(1).toString();
        point.key2 = p.value(2).toString();
        point.label2 = p.value(3).toString();
        point.value = p.value(4).toString();
        point.numerator = p.value(5).toString();
        point.denominator = p.value(6).toString();
        a.points.append(point);
        targets.append(p.value(7).isNull() ? QJsonValue() : QJsonValue(p.value(7).toString()));
    }
    // The target line of each point (people's targets weighted by their available hours).
    a.extra.insert(QStringLiteral("point_targets"), targets);
    return a;
}

RecordsPage timeRecords(const MetricContext &c)
{
    ensurePersonMonthsBuilt(c);
    const SqlFragment slice = sliceCondition(c, personMonthColumns());
    RecordsPage page;
    page.columns = {{"date", "Date", "date"},       {"person", "Person", "text"},
                    {"project", "Project", "text"}, {"entity", "Entity", "text"},
                    {"hours", "Hours", "hours"},    {"status", "Status", "text"}};
    // The aggregate holds exactly these entries' sum per person and month (tst_analytics_people
    // adds the pages up against it); summing a year of detail here would not be fast.
    QSqlQuery t = db::query(c.db,
                            QStringLiteral("SELECT coalesce(sum(billable_hours), 0.00)::text FROM "
                                           "analytics_person_month f WHERE ") +
                                slice.sql,
                            slice.binds);
    t.next();
    page.total = t.value(0).toString();

    const QString where =
        QStringLiteral(" WHERE %1 AND f.work_date BETWEEN ? AND ?").arg(slice.sql);
    QVariantList binds = slice.binds;
    binds << c.filter.from << c.filter.lastDay();
    QString sql = QStringLiteral("SELECT f.id::text, f.work_date, f.employee_id, u.display_name, "
                                 "f.project_id, pj.name, le.code, f.hours::text, f.status FROM ") +
                  QLatin1String(billableTime) +
                  QStringLiteral(" JOIN employees em ON em.id = f.employee_id "
                                 "JOIN users u ON u.id = em.user_id "
                                 "JOIN projects pj ON pj.id = f.project_id "
                                 "JOIN legal_entities le ON le.id = f.legal_entity_id") +
                  where;
    if (!c.filter.after.isEmpty()) {
        const auto [day, id] = peopleCursor(c.filter.after);
        const QDate date = QDate::fromString(day, Qt::ISODate);
        if (!date.isValid() || QUuid::fromString(id).isNull())
            peopleCursor({});
        sql += QStringLiteral(" AND (f.work_date, f.id) > (?::date, ?::uuid)");
        binds << date << id;
    }
    sql += QStringLiteral(" ORDER BY f.work_date, f.id LIMIT ?");
    binds << c.filter.limit + 1;
    QSqlQuery r = db::query(c.db, sql, binds);
    while (r.next()) {
        if (page.items.size() == c.filter.limit) {
            const QJsonObject last = page.items.last().toObject();
            page.next = last.value("date").toString() + u'|' + last.value("id").toString();
            break;
        }
        page.items.append(QJsonObject{{"id", r.value(0).toString()},
                                      {"date", r.value(1).toDate().toString(Qt::ISODate)},
                                      {"person_id", QString::number(r.value(2).toLongLong())},
                                      {"person", r.value(3).toString()},
                                      {"project_id", QString::number(r.value(4).toLongLong())},
                                      {"project", r.value(5).toString()},
                                      {"entity", r.value(6).toString()},
                                      {"hours", r.value(7).toString()},
                                      {"status", r.value(8).toString()}});
    }
    return page;
}

RecordsPage availableRecords(const MetricContext &c)
{
    ensurePersonMonthsBuilt(c);
    const SqlFragment slice = sliceCondition(c, personMonthColumns());
    QVariantList binds = slice.binds;
    RecordsPage page;
    page.columns = {{"month", "Month", "month"},       {"person", "Person", "text"},
                    {"entity", "Entity", "text"},      {"practice", "Practice", "text"},
                    {"capacity", "Capacity", "hours"}, {"holidays", "Public holidays", "hours"},
                    {"leave", "Leave", "hours"},       {"available", "Available", "hours"},
                    {"billable", "Billable", "hours"}};
    QSqlQuery t = db::query(c.db,
                            QStringLiteral("SELECT coalesce(sum(available_hours), 0.00)::text FROM "
                                           "analytics_person_month f WHERE ") +
                                slice.sql,
                            binds);
    t.next();
    page.total = t.value(0).toString();

    QString sql =
        QStringLiteral("SELECT to_char(f.month, 'YYYY-MM'), f.employee_id, u.display_name, "
                       "le.code, pr.name, f.capacity_hours::text, f.holiday_hours::text, "
                       "f.leave_hours::text, f.available_hours::text, f.billable_hours::text "
                       "FROM analytics_person_month f JOIN employees em ON em.id = f.employee_id "
                       "JOIN users u ON u.id = em.user_id "
                       "JOIN legal_entities le ON le.id = f.legal_entity_id "
                       "LEFT JOIN practices pr ON pr.id = f.practice_id WHERE ") +
        slice.sql;
    if (!c.filter.after.isEmpty()) {
        const auto [month, id] = peopleCursor(c.filter.after);
        const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
        bool ok = false;
        const qint64 employee = id.toLongLong(&ok);
        if (!first.isValid() || !ok)
            peopleCursor({});
        sql += QStringLiteral(" AND (f.month, f.employee_id) > (?::date, ?)");
        binds << first << employee;
    }
    sql += QStringLiteral(" ORDER BY f.month, f.employee_id LIMIT ?");
    binds << c.filter.limit + 1;
    QSqlQuery r = db::query(c.db, sql, binds);
    while (r.next()) {
        if (page.items.size() == c.filter.limit) {
            const QJsonObject last = page.items.last().toObject();
            page.next = last.value("month").toString() + u'|' + last.value("person_id").toString();
            break;
        }
        page.items.append(QJsonObject{{"month", r.value(0).toString()},
                                      {"person_id", QString::number(r.value(1).toLongLong())},
                                      {"person", r.value(2).toString()},
                                      {"entity", r.value(3).toString()},
                                      {"practice", r.value(4).toString()},
                                      {"capacity", r.value(5).toString()},
                                      {"holidays", r.value(6).toString()},
                                      {"leave", r.value(7).toString()},
                                      {"available", r.value(8).toString()},
                                      {"billable", r.value(9).toString()}});
    }
    return page;
}

RecordsPage utilisationRecords(const MetricContext &c)
{
    return c.filter.part == QLatin1String("denominator") ? availableRecords(c) : timeRecords(c);
}

} // namespace

MetricDefinition utilisationMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("utilisation");
    m.title = QStringLiteral("Utilisation");
    m.description = QStringLiteral(
        "Billable hours (approved or invoiced) / available hours (capacity less public holidays "
        "and approved leave), by the person's own entity and practice, with the target.");
    m.unit = MetricUnit::Ratio;
    m.dimensions = {QLatin1String(Dimension::Month), QLatin1String(Dimension::Entity),
                    QLatin1String(Dimension::Practice), QLatin1String(Dimension::Person)};
    m.facts = {QStringLiteral("person_month")};
    m.compute = computeUtilisation;
    m.records = utilisationRecords;
    m.convertsCurrency = false;
    return m;
}

} // namespace keel
