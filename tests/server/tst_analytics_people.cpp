// The people metrics (server/analytics/README.md "People metrics") against figures worked out by
// hand on a small firm: November 2026 (21 working days), a UK public holiday on Wednesday the
// 11th (and one on Saturday the 14th, which takes nothing), approved leave, and time in every
// state. Utilisation and bench by entity, practice and person, drill-downs whose totals equal the
// figures, the aggregate following approvals, leave and deletions, and what bad requests and
// other entities' viewers get.
//
//   Ann (UK, Data, GB, 40 h, target 80 %): capacity 21 × 8 = 168.00, holiday 8.00, a full day of
//     leave on Fri 13th 8.00, available 152.00. Billable approved 6 h on 18 days (every weekday
//     but the 11th–13th) = 108, an approved adjustment of −1.5 on the 10th, 4 h invoiced on the
//     18th: 110.50. Not counted: 2 h non-billable (approved), 7.5 h submitted on the 12th, 3 h
//     rejected on the 20th. 110.5 / 152 = 0.7270.
//   Bob (UK, Cloud, GB, 37.5 h, target 75 %): capacity 21 × 7.5 = 157.50, holiday 7.50, 4 h of
//     leave on the 12th, available 146.00. Billable 8 h on 2nd–6th = 40.00 (and 20 h
//     non-billable): 40 / 146 = 0.2740.
//   Carl (DE, Data, DE, 40 h, target 85 %): capacity 168.00, no GB holiday, leave on the 10th
//     only requested: available 168.00. Billable 8 h on 2nd–6th and 16th–20th on a UK project
//     (his own entity counts) = 80.00: 80 / 168 = 0.4762.
//   All: 230.50 / 466.00 = 0.4946; target (121.6 + 109.5 + 142.8) / 466 = 373.9 / 466 = 0.8024.

#include "analytics/analytics_facts.h"
#include "analytics/people_store.h"
#include "tst_contracts_fixture.h"

#include <QUrlQuery>

using namespace keel;
using namespace keel::test;

class AnalyticsPeopleTest : public QObject, public ContractFixture
{
    Q_OBJECT

    qint64 uk = 0, de = 0, data = 0, cloud = 0;
    qint64 ann = 0, bob = 0, carl = 0;
    qint64 project = 0;
    QString annSubmitted; // Ann's 7.5 h of the 12th, submitted
    qint64 carlLeave = 0;

    qint64 person(const char *name, qint64 entity, const char *country, qint64 practice,
                  const char *weekly, const char *target)
    {
        const qint64 user = server->createUser(QString::fromLatin1(name), "person password",
                                               {{"consultant", "UK"}});
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, practice_id, "
                      "job_role_id, weekly_capacity_hours, utilisation_target_pct) VALUES "
                      "(?, ?, ?, ?, ?, ?::numeric, ?::numeric) RETURNING id",
                      {user, entity, QString::fromLatin1(country), practice, roleId("CONSULTANT"),
                       QString::fromLatin1(weekly), QString::fromLatin1(target)});
    }

    // Entries of `hours` on the given November days, all in one status.
    void time(qint64 employee, const QList<int> &days, const char *hours, bool billable,
              const char *status)
    {
        for (int d : days)
            db::query(db->sql(),
                      "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                      "work_date, hours, billable, status) VALUES (gen_random_uuid(), ?, ?, ?, "
                      "?, ?::numeric, ?, ?)",
                      {employee, uk, project, QDate(2026, 11, d), QString::fromLatin1(hours),
                       billable, QString::fromLatin1(status)});
    }

    void buildFirm()
    {
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        de = scalar("SELECT id FROM legal_entities WHERE code = 'DE'");
        data = scalar("SELECT id FROM practices WHERE code = 'DATA'");
        cloud = scalar("SELECT id FROM practices WHERE code = 'CLOUD'");
        ann = person("ann", uk, "GB", data, "40", "80");
        bob = person("bob", uk, "GB", cloud, "37.5", "75");
        carl = person("carl", de, "DE", data, "40", "85");
        server->createUser("boss", "boss password", {{"executive", QString()}});
        server->createUser("ukexec", "exec password", {{"executive", "UK"}});
        const qint64 acc = account("UK", "Acme Ltd", "GBP");
        project = scalar("INSERT INTO projects (legal_entity_id, account_id, project_manager_id, "
                         "name, currency, start_date, end_date, status) VALUES (?, ?, (SELECT id "
                         "FROM users WHERE username = 'pm'), 'Lakehouse', 'GBP', '2026-01-01', "
                         "'2027-12-31', 'active') RETURNING id",
                         {uk, acc});
        db::exec(db->sql(), "INSERT INTO holidays (country, date, name) VALUES "
                            "('GB', '2026-11-11', 'Test day'), ('GB', '2026-11-14', 'Saturday'), "
                            "('US', '2026-11-26', 'Thanksgiving')");
        db::query(db->sql(),
                  "INSERT INTO employee_leave (employee_id, start_date, end_date, hours_per_day, "
                  "status) VALUES (?, '2026-11-13', '2026-11-13', NULL, 'approved'), "
                  "(?, '2026-11-12', '2026-11-12', 4, 'approved')",
                  {ann, bob});
        carlLeave = scalar("INSERT INTO employee_leave (employee_id, start_date, end_date, status) "
                           "VALUES (?, '2026-11-10', '2026-11-10', 'requested') RETURNING id",
                           {carl});

        time(ann, {2, 3, 4, 5, 6, 9, 10, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30}, "6", true,
             "approved");
        const QString tenth = text("SELECT id::text FROM time_entries WHERE employee_id = ? AND "
                                   "work_date = '2026-11-10'",
                                   {ann});
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable, status, adjusts_id) VALUES (gen_random_uuid(), ?, "
                  "?, ?, '2026-11-10', -1.5, true, 'approved', ?::uuid)",
                  {ann, uk, project, tenth});
        time(ann, {18}, "4", true, "invoiced");
        time(ann, {10}, "2", false, "approved");
        time(ann, {12}, "7.5", true, "submitted");
        annSubmitted = text("SELECT id::text FROM time_entries WHERE employee_id = ? AND "
                            "status = 'submitted'",
                            {ann});
        time(ann, {20}, "3", true, "rejected");
        time(bob, {2, 3, 4, 5, 6}, "8", true, "approved");
        time(bob, {16, 17, 18, 19, 20}, "4", false, "approved");
        time(carl, {2, 3, 4, 5, 6, 16, 17, 18, 19, 20}, "8", true, "approved");
    }

    static QJsonObject get(HttpClient &http, const QString &path, int expected = 200)
    {
        const HttpResult r = http.get(path);
        if (r.status != expected)
            qWarning() << path << r.status << r.body;
        return r.status == expected ? r.json() : QJsonObject();
    }

    static QString metricPath(const char *metric, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1?%2")
            .arg(QString::fromLatin1(metric), query);
    }
    static QString recordsPath(const char *metric, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1/records?%2")
            .arg(QString::fromLatin1(metric), query);
    }

    // "key=value" of every point, in order.
    static QStringList points(const QJsonObject &answer)
    {
        QStringList out;
        for (const QJsonValue &v : answer.value("points").toArray()) {
            const QJsonObject p = v.toObject();
            QString key = p.value("key").toString();
            if (p.contains("key2"))
                key += u'/' + p.value("key2").toString();
            out << key + u'=' + p.value("value").toString();
        }
        return out;
    }

    QString id(qint64 v) const { return QString::number(v); }

    // Every page of a drill-down: the items' `column` summed to the cent, and the pages' total.
    struct Drilled
    {
        int items = 0;
        qint64 cents = 0;
        QString total;
    };
    static Drilled drill(HttpClient &http, const char *metric, const QString &query,
                         const char *column)
    {
        Drilled d;
        QString after;
        for (int page = 0; page < 50; ++page) {
            QString q = query;
            if (!after.isEmpty())
                q +=
                    QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(after));
            const QJsonObject r = get(http, recordsPath(metric, q));
            if (d.total.isEmpty())
                d.total = r.value("total").toString();
            else if (d.total != r.value("total").toString())
                qWarning() << "total changed between pages";
            for (const QJsonValue &v : r.value("items").toArray()) {
                ++d.items;
                // Hours have two decimals: "6.00", "-1.50".
                const QString h = v.toObject().value(QLatin1String(column)).toString();
                const bool negative = h.startsWith(u'-');
                const QStringList parts = h.mid(negative ? 1 : 0).split(u'.');
                const qint64 c = parts.value(0).toLongLong() * 100 + parts.value(1).toLongLong();
                d.cents += negative ? -c : c;
            }
            after = r.value("next").toString();
            if (after.isEmpty())
                break;
        }
        return d;
    }

    static QString cents(qint64 c)
    {
        return QStringLiteral("%1%2.%3")
            .arg(c < 0 ? "-" : "")
            .arg(qAbs(c) / 100)
            .arg(qAbs(c) % 100, 2, 10, QLatin1Char('0'));
    }

    // The aggregate's rows, as text, for comparing with a rebuild from the detail.
    QString factRows()
    {
        QSqlQuery q =
            db::exec(db->sql(),
                     "SELECT string_agg(concat_ws(',', legal_entity_id, month, employee_id, "
                     "practice_id, capacity_hours, holiday_hours, leave_hours, available_hours, "
                     "billable_hours, non_billable_hours, target_pct, target_hours), ';' ORDER BY "
                     "legal_entity_id, month, employee_id) FROM analytics_person_month");
        q.next();
        return q.value(0).toString();
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        buildFirm();
    }
    void cleanup() { tearDown(); }

    void utilisationWithHolidayAndLeave()
    {
        auto http = client("boss", "boss password");
        const QJsonObject a = get(*http, metricPath("utilisation", "from=2026-11&to=2026-11"));
        QCOMPARE(a.value("unit").toString(), "ratio");
        QCOMPARE(a.value("value").toString(), "0.4946");
        QCOMPARE(a.value("numerator").toString(), "230.50");
        QCOMPARE(a.value("denominator").toString(), "466.00");
        QCOMPARE(a.value("target").toString(), "0.8024");
        const QJsonObject extra = a.value("extra").toObject();
        QCOMPARE(extra.value("capacity_hours").toString(), "493.50");
        QCOMPARE(extra.value("holiday_hours").toString(), "15.50");
        QCOMPARE(extra.value("leave_hours").toString(), "12.00");
        QCOMPARE(extra.value("non_billable_hours").toString(), "22.00");
        QCOMPARE(points(a), QStringList{"2026-11=0.4946"});

        // One person: Ann's week with the holiday and her day of leave.
        const QJsonObject one =
            get(*http, metricPath("utilisation", "from=2026-11&to=2026-11&person=" + id(ann)));
        QCOMPARE(one.value("value").toString(), "0.7270");
        QCOMPARE(one.value("numerator").toString(), "110.50");
        QCOMPARE(one.value("denominator").toString(), "152.00");
        QCOMPARE(one.value("target").toString(), "0.8000");

        // The denominator's records: capacity − holidays − leave = available, per person.
        const QJsonObject den =
            get(*http, recordsPath("utilisation", "from=2026-11&to=2026-11&part=denominator"));
        QCOMPARE(den.value("total").toString(), "466.00");
        QStringList rows;
        for (const QJsonValue &v : den.value("items").toArray()) {
            const QJsonObject o = v.toObject();
            rows << QStringList{o.value("person").toString(),   o.value("month").toString(),
                                o.value("capacity").toString(), o.value("holidays").toString(),
                                o.value("leave").toString(),    o.value("available").toString()}
                        .join(u' ');
        }
        QCOMPARE(rows, (QStringList{"ann 2026-11 168.00 8.00 8.00 152.00",
                                    "bob 2026-11 157.50 7.50 4.00 146.00",
                                    "carl 2026-11 168.00 0.00 0.00 168.00"}));
    }

    void pointsByPracticePersonAndEntity()
    {
        auto http = client("boss", "boss password");
        const QString nov = QStringLiteral("from=2026-11&to=2026-11");
        QCOMPARE(points(get(*http, metricPath("utilisation", nov + "&by=practice"))),
                 (QStringList{id(data) + "=0.5953", id(cloud) + "=0.2740"}));
        const QJsonObject byPerson = get(*http, metricPath("utilisation", nov + "&by=person"));
        QCOMPARE(points(byPerson),
                 (QStringList{id(ann) + "=0.7270", id(carl) + "=0.4762", id(bob) + "=0.2740"}));
        const QJsonObject first = byPerson.value("points").toArray().at(0).toObject();
        QCOMPARE(first.value("label").toString(), "ann");
        QCOMPARE(first.value("numerator").toString(), "110.50");
        QCOMPARE(first.value("denominator").toString(), "152.00");
        QCOMPARE(byPerson.value("extra").toObject().value("point_targets").toArray().at(0),
                 QJsonValue("0.8000"));
        QCOMPARE(
            points(get(*http, metricPath("utilisation", nov + "&by=person&order=asc&limit=2"))),
            (QStringList{id(bob) + "=0.2740", id(carl) + "=0.4762"}));
        QCOMPARE(points(get(*http, metricPath("utilisation", nov + "&by=entity"))),
                 (QStringList{"UK=0.5050", "DE=0.4762"}));

        // The heatmap: people ranked over both months, then their months. October has no
        // holiday, leave or time: 22 working days of capacity each.
        const QJsonObject heat =
            get(*http, metricPath("utilisation", "from=2026-10&to=2026-11&by=person&by2=month"));
        QCOMPARE(points(heat),
                 (QStringList{id(ann) + "/2026-10=0.0000", id(ann) + "/2026-11=0.7270",
                              id(carl) + "/2026-10=0.0000", id(carl) + "/2026-11=0.4762",
                              id(bob) + "/2026-10=0.0000", id(bob) + "/2026-11=0.2740"}));
        // 110.5 / (176 + 152), 80 / (176 + 168), 40 / (165 + 146).
        QCOMPARE(get(*http, metricPath("utilisation", "from=2026-10&to=2026-11"))
                     .value("denominator")
                     .toString(),
                 "983.00");
        QCOMPARE(points(get(*http, metricPath("utilisation", "from=2026-10&to=2026-11"))),
                 (QStringList{"2026-10=0.0000", "2026-11=0.4946"}));
    }

    void drillDownTotalsEqualTheFigures()
    {
        auto http = client("boss", "boss password");
        const QString nov = QStringLiteral("from=2026-11&to=2026-11");
        // Whole figure, ten a page: 20 of Ann's entries (18 + the adjustment + the invoiced one),
        // Bob's 5, Carl's 10.
        const Drilled all = drill(*http, "utilisation", nov + "&limit=10", "hours");
        QCOMPARE(all.items, 35);
        QCOMPARE(all.total, "230.50");
        QCOMPARE(cents(all.cents), "230.50");

        const Drilled annOnly =
            drill(*http, "utilisation", nov + "&by=person&key=" + id(ann), "hours");
        QCOMPARE(annOnly.items, 20);
        QCOMPARE(annOnly.total, "110.50");
        QCOMPARE(cents(annOnly.cents), "110.50");

        const Drilled dataPractice =
            drill(*http, "utilisation", nov + "&by=practice&key=" + id(data), "hours");
        QCOMPARE(dataPractice.total, "190.50");
        QCOMPARE(cents(dataPractice.cents), "190.50");

        const Drilled de = drill(*http, "utilisation", nov + "&by=entity&key=DE&limit=3", "hours");
        QCOMPARE(de.items, 10);
        QCOMPARE(de.total, "80.00");

        const Drilled den = drill(*http, "utilisation",
                                  "from=2026-10&to=2026-11&part=denominator&limit=2", "available");
        QCOMPARE(den.items, 6);
        QCOMPARE(den.total, "983.00");
        QCOMPARE(cents(den.cents), "983.00");

        const Drilled month =
            drill(*http, "utilisation",
                  "from=2026-10&to=2026-11&by=month&key=2026-11&part=denominator", "available");
        QCOMPARE(month.total, "466.00");
        QCOMPARE(cents(month.cents), "466.00");

        const Drilled bench = drill(*http, "bench", nov + "&limit=1", "unbilled");
        QCOMPARE(bench.items, 2);
        QCOMPARE(bench.total, "194.00");
        QCOMPARE(cents(bench.cents), "194.00");
    }

    void benchUnderHalf()
    {
        auto http = client("boss", "boss password");
        const QString nov = QStringLiteral("from=2026-11&to=2026-11");
        // Bob 146 − 40 = 106, Carl 168 − 80 = 88; Ann (0.7270) is not on the bench.
        const QJsonObject b = get(*http, metricPath("bench", nov));
        QCOMPARE(b.value("unit").toString(), "hours");
        QCOMPARE(b.value("value").toString(), "194.00");
        QCOMPARE(b.value("extra").toObject().value("people").toInt(), 2);
        QCOMPARE(points(b), (QStringList{id(bob) + "=106.00", id(carl) + "=88.00"}));
        QCOMPARE(points(get(*http, metricPath("bench", nov + "&by=practice"))),
                 (QStringList{id(cloud) + "=106.00", id(data) + "=88.00"}));
        QCOMPARE(points(get(*http, metricPath("bench", nov + "&limit=1&order=asc"))),
                 QStringList{id(carl) + "=88.00"});

        const QJsonObject bobOnly = get(*http, metricPath("bench", nov + "&person=" + id(bob)));
        QCOMPARE(bobOnly.value("value").toString(), "106.00");
        QCOMPARE(
            get(*http, metricPath("bench", nov + "&person=" + id(ann))).value("value").toString(),
            "0.00");

        const QJsonObject r = get(*http, recordsPath("bench", nov));
        QCOMPARE(r.value("total").toString(), "194.00");
        const QJsonObject top = r.value("items").toArray().at(0).toObject();
        QCOMPARE(top.value("person").toString(), "bob");
        QCOMPARE(top.value("available").toString(), "146.00");
        QCOMPARE(top.value("billable").toString(), "40.00");
        QCOMPARE(top.value("utilisation").toString(), "0.2740");
        QCOMPARE(top.value("unbilled").toString(), "106.00");
    }

    // Staff without a utilisation target (sales, finance) are not delivery capacity: a
    // salesperson's 168 available hours and the billable day they booked count nowhere.
    void peopleWithoutATargetAreNotCounted()
    {
        const qint64 sam = person("sam", uk, "GB", cloud, "40", "0");
        time(sam, {2}, "8.00", true, "approved");
        auto http = client("boss", "boss password");
        const QJsonObject a = get(*http, metricPath("utilisation", "from=2026-11&to=2026-11"));
        QCOMPARE(a.value("value").toString(), "0.4946");
        QCOMPARE(a.value("denominator").toString(), "466.00");
        const QJsonObject drill =
            get(*http, QStringLiteral("/api/v1/analytics/metrics/utilisation/records?from=2026-11"
                                      "&to=2026-11&person=%1")
                           .arg(sam));
        QCOMPARE(drill.value("items").toArray().size(), 0);
        QCOMPARE(drill.value("total").toString(), "0.00");
        const QJsonObject bench = get(*http, metricPath("bench", "from=2026-11&to=2026-11"));
        QCOMPARE(bench.value("value").toString(), "194.00");
    }

    void aggregateFollowsTheDetail()
    {
        auto http = client("boss", "boss password");
        const QString nov = QStringLiteral("from=2026-11&to=2026-11");
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("value").toString(), "0.4946");

        // Ann's 7.5 h of the 12th approved: 118 / 152, 238 / 466.
        db::query(db->sql(), "UPDATE time_entries SET status = 'approved' WHERE id = ?::uuid",
                  {annSubmitted});
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("value").toString(), "0.5107");
        QCOMPARE(get(*http, metricPath("utilisation", nov + "&person=" + id(ann)))
                     .value("value")
                     .toString(),
                 "0.7763");

        // Carl's day of leave approved: 80 / 160 = 0.5000 exactly, so off the bench; 238 / 458.
        db::query(db->sql(), "UPDATE employee_leave SET status = 'approved' WHERE id = ?",
                  {carlLeave});
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("value").toString(), "0.5197");
        QCOMPARE(get(*http, metricPath("utilisation", nov + "&person=" + id(carl)))
                     .value("value")
                     .toString(),
                 "0.5000");
        const QJsonObject bench = get(*http, metricPath("bench", nov));
        QCOMPARE(bench.value("value").toString(), "106.00");
        QCOMPARE(points(bench), QStringList{id(bob) + "=106.00"});

        // One of Bob's entries deleted: 32 / 146; 230 / 458.
        db::query(db->sql(),
                  "DELETE FROM time_entries WHERE employee_id = ? AND work_date = '2026-11-02'",
                  {bob});
        QCOMPARE(get(*http, metricPath("utilisation", nov + "&person=" + id(bob)))
                     .value("value")
                     .toString(),
                 "0.2192");
        QCOMPARE(get(*http, metricPath("bench", nov)).value("value").toString(), "114.00");

        // A new GB holiday on Friday the 27th: Ann 152 − 8 = 144, Bob 146 − 7.5 = 138.5.
        db::exec(db->sql(), "INSERT INTO holidays (country, date, name) VALUES ('GB', "
                            "'2026-11-27', 'Another day')");
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("denominator").toString(),
                 "442.50");

        // Bob moves to Data and works 30 h a week from now on (no effective dates: his history
        // is rewritten): 6 h a day, capacity 126, holidays 12, leave 4, available 110; with
        // Ann's 144 and Carl's 160, everyone is in Data: 230 / 414.
        db::query(db->sql(),
                  "UPDATE employees SET practice_id = ?, weekly_capacity_hours = 30 WHERE id = ?",
                  {data, bob});
        const QJsonObject byPractice = get(*http, metricPath("utilisation", nov + "&by=practice"));
        QCOMPARE(points(byPractice), QStringList{id(data) + "=0.5556"}); // 230 / 414
        QCOMPARE(byPractice.value("denominator").toString(), "414.00");

        // Invoicing approved time changes no figure and marks nothing; correcting the hours of
        // an approved entry does (Ann's 30th: 6 → 7, 231 / 414).
        db::query(db->sql(),
                  "UPDATE time_entries SET status = 'invoiced' WHERE employee_id = ? AND "
                  "status = 'approved'",
                  {carl});
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'person_month'"),
                 0);
        db::query(db->sql(),
                  "UPDATE time_entries SET hours = 7 WHERE employee_id = ? AND work_date = "
                  "'2026-11-30'",
                  {ann});
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'person_month'"),
                 1);
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("value").toString(), "0.5580");

        // The aggregate kept up by the triggers equals one rebuilt from the detail.
        const QString kept = factRows();
        QVERIFY(!kept.isEmpty());
        QList<EntityMonth> partitions;
        for (qint64 e : {uk, de, scalar("SELECT id FROM legal_entities WHERE code = 'US'")})
            partitions.append({e, QDate(2026, 11, 1)});
        rebuildPersonMonths(db->sql(), partitions);
        QCOMPARE(factRows(), kept);
    }

    void badRequestsAndScope()
    {
        auto http = client("boss", "boss password");
        const QString nov = QStringLiteral("from=2026-11&to=2026-11");
        auto fails = [&](const QString &path, int status, const QString &codes) {
            const HttpResult r = http->get(path);
            QCOMPARE(r.status, status);
            if (!codes.isEmpty())
                QCOMPARE(r.fieldCodes(), codes);
        };
        fails(metricPath("utilisation", nov + "&by=client"), 422, "by:invalid_choice");
        fails(metricPath("bench", nov + "&by=month"), 422, "by:invalid_choice");
        fails(metricPath("utilisation", nov + "&client=1"), 422, "client:not_applicable");
        fails(metricPath("utilisation", nov + "&project=" + id(project)), 422,
              "project:not_applicable");
        fails(metricPath("utilisation", nov + "&currency=entity"), 422, "currency:one_entity");
        fails(recordsPath("utilisation", nov + "&after=garbage"), 422, "after:invalid_cursor");
        fails(recordsPath("utilisation", nov + "&part=denominator&after=x|1"), 422,
              "after:invalid_cursor");
        fails(recordsPath("bench", nov + "&after=abc|1"), 422, "after:invalid_cursor");
        fails(recordsPath("utilisation", nov + "&by=person&key=nobody"), 422, "key:invalid_key");
        // Hours need no exchange rate: the group's USD without any rate on record.
        QCOMPARE(get(*http, metricPath("utilisation", nov)).value("currency").toString(), "USD");
        // One entity in its own currency is fine.
        QCOMPARE(
            get(*http, metricPath("utilisation", nov + "&entity=" + id(uk) + "&currency=entity"))
                .value("value")
                .toString(),
            "0.5050");

        // A UK-only viewer sees UK's people (150.5 / 298) and is refused Germany.
        auto ukOnly = client("ukexec", "exec password");
        const QJsonObject mine = get(*ukOnly, metricPath("utilisation", nov));
        QCOMPARE(mine.value("value").toString(), "0.5050");
        QCOMPARE(mine.value("currency").toString(), "GBP");
        QCOMPARE(ukOnly->get(metricPath("utilisation", nov + "&entity=" + id(de))).status, 403);
        QCOMPARE(ukOnly->get(metricPath("bench", nov + "&entity=" + id(de))).status, 403);
        QCOMPARE(ukOnly->get(recordsPath("utilisation", nov + "&by=entity&key=DE")).status, 422);
        QCOMPARE(get(*ukOnly, metricPath("bench", nov)).value("value").toString(), "106.00");

        // A consultant has no dashboards.
        auto consultant = client("ann", "person password");
        QCOMPARE(consultant->get(metricPath("utilisation", nov)).status, 403);
    }
};

QTEST_GUILESS_MAIN(AnalyticsPeopleTest)
#include "tst_analytics_people.moc"
