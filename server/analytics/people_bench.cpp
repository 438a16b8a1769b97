#include "people_metrics.h"

#include "analytics_dimensions.h"
#include "db/database.h"
#include "people_store.h"

#include <QRegularExpression>

namespace keel {

namespace {

// The people of the slice on the bench: available hours over the whole period, and billable
// hours under half of them (billable × 2 < available: exact, no division). Bind the slice's
// binds in its place.
QString benchPeople(const QString &slice)
{
    return QStringLiteral("(SELECT f.employee_id, sum(f.available_hours) AS available, "
                          "sum(f.billable_hours) AS billable FROM analytics_person_month f "
                          "WHERE %1 GROUP BY f.employee_id HAVING sum(f.available_hours) > 0 "
                          "AND sum(f.billable_hours) * 2 < sum(f.available_hours))")
        .arg(slice);
}

MetricAnswer computeBench(const MetricContext &c)
{
    ensurePersonMonthsBuilt(c);
    const SqlFragment slice = sliceCondition(c, personMonthColumns());
    MetricAnswer a;
    QSqlQuery t = db::query(
        c.db,
        QStringLiteral("SELECT coalesce(sum(available - billable), 0.00)::text, count(*), "
                       "coalesce(sum(available), 0.00)::text, coalesce(sum(billable), 0.00)::text "
                       "FROM %1 b")
            .arg(benchPeople(slice.sql)),
        slice.binds);
    t.next();
    a.value = t.value(0).toString();
    a.extra = {{"people", t.value(1).toLongLong()},
               {"available_hours", t.value(2).toString()},
               {"billable_hours", t.value(3).toString()},
               {"threshold", QStringLiteral("0.5000")}};

    // A bench person's hours go to the point of each of their rows (practice, entity as built).
    const PeopleGrouping g = peopleGrouping(c.filter, QStringLiteral("f"));
    QVariantList binds = slice.binds + slice.binds;
    const PeopleSums sums{
        QStringLiteral("SELECT %1, sum(f.available_hours - f.billable_hours) AS num, "
                       "NULL::numeric AS den, count(DISTINCT f.employee_id) AS people "
                       "FROM analytics_person_month f JOIN %2 b ON b.employee_id = f.employee_id "
                       "WHERE %3 GROUP BY %1")
            .arg(g.raw, benchPeople(slice.sql), slice.sql),
        QStringLiteral("f.num AS value, f.people AS extra"), QStringLiteral("rnum")};
    const QString points = peopleRankedPoints(c.filter, g, sums, binds);
    QSqlQuery p = db::query(c.db, points, binds);
    while (p.next()) {
        MetricPoint point;
        point.key = p.value(0).toString();
        point.label = p.value(1).toString();
        point.key2 = p.value(2).toString();
        point.label2 = p.value(3).toString();
        point.value = p.value(4).toString();
        a.points.append(point);
    }
    return a;
}

RecordsPage benchRecords(const MetricContext &c)
{
    ensurePersonMonthsBuilt(c);
    const SqlFragment slice = sliceCondition(c, personMonthColumns());
    const QString people = benchPeople(slice.sql);
    RecordsPage page;
    page.columns = {{"person", "Person", "text"},           {"entity", "Entity", "text"},
                    {"practice", "Practice", "text"},       {"available", "Available", "hours"},
                    {"billable", "Billable", "hours"},      {"utilisation", "Utilisation", "ratio"},
                    {"unbilled", "Unbilled hours", "hours"}};
    QSqlQuery t =
        db::query(c.db,
                  QStringLiteral("SELECT coalesce(sum(available - billable), 0.00)::text FROM %1 b")
                      .arg(people),
                  slice.binds);
    t.next();
    page.total = t.value(0).toString();

    QVariantList binds = slice.binds;
    QString sql = QStringLiteral("SELECT b.employee_id, u.display_name, le.code, pr.name, "
                                 "b.available::text, b.billable::text, "
                                 "round(b.billable / b.available, 4)::text, "
                                 "(b.available - b.billable)::text FROM %1 b "
                                 "JOIN employees em ON em.id = b.employee_id "
                                 "JOIN users u ON u.id = em.user_id "
                                 "JOIN legal_entities le ON le.id = em.legal_entity_id "
                                 "LEFT JOIN practices pr ON pr.id = em.practice_id WHERE true")
                      .arg(people);
    if (!c.filter.after.isEmpty()) {
        const auto [hours, id] = peopleCursor(c.filter.after);
        bool okId = false;
        const qint64 employee = id.toLongLong(&okId);
        static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
        if (!okId || !number.match(hours).hasMatch())
            peopleCursor({});
        sql += QStringLiteral(" AND (b.available - b.billable < ?::numeric OR "
                              "(b.available - b.billable = ?::numeric AND b.employee_id > ?))");
        binds << hours << hours << employee;
    }
    sql += QStringLiteral(" ORDER BY b.available - b.billable DESC, b.employee_id LIMIT ?");
    binds << c.filter.limit + 1;
    QSqlQuery r = db::query(c.db, sql, binds);
    while (r.next()) {
        if (page.items.size() == c.filter.limit) {
            const QJsonObject last = page.items.last().toObject();
            page.next =
                last.value("unbilled").toString() + u'|' + last.value("person_id").toString();
            break;
        }
        page.items.append(QJsonObject{{"person_id", QString::number(r.value(0).toLongLong())},
                                      {"person", r.value(1).toString()},
                                      {"entity", r.value(2).toString()},
                                      {"practice", r.value(3).toString()},
                                      {"available", r.value(4).toString()},
                                      {"billable", r.value(5).toString()},
                                      {"utilisation", r.value(6).toString()},
                                      {"unbilled", r.value(7).toString()}});
    }
    return page;
}

} // namespace

MetricDefinition benchMetric()
{
    MetricDefinition m;
    m.name = QStringLiteral("bench");
    m.title = QStringLiteral("Bench");
    m.description = QStringLiteral(
        "People whose utilisation over the period is under 50 %: their available hours not "
        "billed (available − billable).");
    m.unit = MetricUnit::Hours;
    m.dimensions = {QLatin1String(Dimension::Person), QLatin1String(Dimension::Practice),
                    QLatin1String(Dimension::Entity)};
    m.facts = {QStringLiteral("person_month")};
    m.compute = computeBench;
    m.records = benchRecords;
    m.convertsCurrency = false;
    return m;
}

} // namespace keel
