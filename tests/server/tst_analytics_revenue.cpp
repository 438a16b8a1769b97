// The revenue and billing metrics of analytics (server/analytics/README.md "Revenue and billing
// metrics") on a small US (USD) book, against hand-computed figures.
//
// Forecast accuracy: a milestone of 6,000.00 planned for 2026-03-20 is the whole forecast of the
// snapshot taken as of 2026-03-01. March then recognises the accepted milestone and 15.5 hours of
// time at 200.00 (3,100.00): actual 9,100.00, accuracy 1 − 3,100 / 9,100 = 0.6593. Five more
// hours (1,000.00) recognised later: actual 10,100.00, accuracy 1 − 4,100 / 10,100 = 0.5941.
//
// Billing, invoice A of 2026-03-31 (Acme, project Build):
//   line 1 time 15.5 h (entries of 03-02 and 03-10)    gross 3,100.00
//   line 2 milestone (accepted 03-25)                   gross 2,000.00, write-down 500.00 approved
//   line 3 expense (03-15)                              gross   120.00
//   → write-off rate 500 / 5,220 = 0.0958; a cap exception of 280.00 written off on 03-20:
//     780 / 5,500 = 0.1418
//   → cycle time (29 + 21 + 6 + 16) / 4 = 18.0 days (time 25.0, expense 16.0, milestone 6.0)
// Milestones due: 3,000.00 planned 04-15 (pending), 1,000.00 planned 04-20 (invoiced on issued
// invoice B), 2,000.00 planned 05-10 (on a draft only) → April 3,000.00, May 2,000.00.

#include "analytics/forecast_snapshot.h"
#include "tst_revenue_fixture.h"

using namespace keel;
using namespace keel::test;

class AnalyticsRevenueTest : public QObject, public RevenueFixture
{
    Q_OBJECT

    qint64 acme = 0, senior = 0;
    Contract build;
    qint64 invoiceA = 0;
    int invoiceNo = 0;

    static QString metric(const char *name, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1?%2").arg(QLatin1String(name), query);
    }
    static QString recordsOf(const char *name, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1/records?%2")
            .arg(QLatin1String(name), query);
    }
    static QJsonObject ok(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(path);
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }
    // "key=value" (with "/series" when there is one) of every point, in order.
    static QStringList points(const QJsonObject &answer)
    {
        QStringList out;
        for (const QJsonValue &v : answer.value("points").toArray()) {
            const QJsonObject p = v.toObject();
            const QString series = p.value("series").toString();
            out << p.value("key").toString() + (series.isEmpty() ? QString() : u'/' + series) +
                       u'=' + p.value("value").toString();
        }
        return out;
    }
    static QString fieldError(const HttpResult &r)
    {
        const QJsonObject e = r.json().value("errors").toArray().first().toObject();
        return QString::number(r.status) + u' ' + e.value("field").toString() + u' ' +
               e.value("code").toString();
    }

    int snapshot(qint64 entity, QDate month)
    {
        QSqlDatabase sql = db->sql();
        return takeRevenueForecastSnapshot(sql, entity, month);
    }

    // An issued invoice (drafted, lined, claimed and issued as billing leaves it); lines are
    // "kind gross write_down" with their sources "kind:key".
    struct Line
    {
        QString kind, gross, writeDown;
        QStringList sources;
    };
    qint64 invoice(const QString &date, const QList<Line> &lines, bool issue = true)
    {
        return invoiceOf(build, date, lines, issue);
    }
    // The same for any contract: in its currency, at `fxRate` into its entity's.
    qint64 invoiceOf(const Contract &contract, const QString &date, const QList<Line> &lines,
                     bool issue = true, const QString &fxRate = "1")
    {
        const qint64 id = scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, contract_id, project_id, "
            "invoice_date, due_date, currency, tax_code) SELECT legal_entity_id, account_id, "
            "id, ?, ?::date, ?::date + 30, currency, 'US_STANDARD' FROM contracts WHERE id = ? "
            "RETURNING id",
            {contract.project, date, date, contract.id});
        int no = 0;
        for (const Line &l : lines) {
            const bool down = l.writeDown != "0";
            const qint64 line = scalar(
                "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, description, "
                "gross_amount, write_down, write_down_reason, write_down_status, amount) VALUES "
                "(?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?, ?, ?::numeric - ?::numeric) "
                "RETURNING id",
                {id, ++no, l.kind, contract.project, l.kind + " line", l.gross, l.writeDown,
                 down ? QVariant("Goodwill") : QVariant(QMetaType::fromType<QString>()),
                 down ? QVariant("approved") : QVariant(QMetaType::fromType<QString>()), l.gross,
                 l.writeDown});
            for (const QString &s : l.sources)
                db::query(db->sql(),
                          "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                          "invoice_line_id, amount) VALUES (?, ?, ?, ?, 0)",
                          {s.section(u':', 0, 0), s.section(u':', 1), id, line});
        }
        if (issue)
            db::query(db->sql(),
                      "UPDATE invoices i SET status = 'issued', number = ?, fx_rate = "
                      "?::numeric, functional_currency = le.functional_currency, subtotal = "
                      "(SELECT sum(amount) FROM invoice_lines WHERE invoice_id = i.id), total = "
                      "(SELECT sum(amount) FROM invoice_lines WHERE invoice_id = i.id), "
                      "issued_at = now() FROM legal_entities le WHERE le.id = i.legal_entity_id "
                      "AND i.id = ?",
                      {QStringLiteral("INV-AR-%1").arg(++invoiceNo), fxRate, id});
        return id;
    }

    QString expense(const QString &date, const QString &amount)
    {
        const qint64 category = scalar(
            "INSERT INTO expense_categories (legal_entity_id, code, name) VALUES (?, 'TRAVEL', "
            "'Travel') ON CONFLICT (legal_entity_id, code) DO UPDATE SET name = 'Travel' "
            "RETURNING id",
            {us});
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        db::query(db->sql(),
                  "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                  "project_id, expense_date, description, amount, currency, fx_rate, "
                  "functional_amount, functional_currency, billable, status) VALUES (?::uuid, ?, "
                  "?, ?, ?, ?::date, 'Train', ?::numeric, 'USD', 1, ?::numeric, 'USD', true, "
                  "'invoiced')",
                  {id, senior, us, category, build.project, date, amount, amount});
        return id;
    }

    // The billing book of the header.
    void billingBook()
    {
        acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        build = contract(acme, "USD", "Build");
        const qint64 tm = line(build.id, "time_and_materials");
        const qint64 ms = line(build.id, "milestones", {{"value", "8000"}});
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        senior = employee("US", "SENIOR_CONSULTANT");
        const QString e1 = entry(senior, build.project, "2026-03-02", "7.50", "invoiced");
        const QString e2 = entry(senior, build.project, "2026-03-10", "8.00", "invoiced");
        const QString x1 = expense("2026-03-15", "120.00");
        const qint64 m1 =
            milestone(build.project, ms, 1, "2000", "2026-03-25", "accepted", "2026-03-25");
        milestone(build.project, ms, 2, "3000", "2026-04-15");
        const qint64 m3 =
            milestone(build.project, ms, 3, "1000", "2026-04-20", "accepted", "2026-04-20");
        const qint64 m4 = milestone(build.project, ms, 4, "2000", "2026-05-10");
        invoiceA = invoice(
            "2026-03-31", {{"time", "3100.00", "0", {"time_entry:" + e1, "time_entry:" + e2}},
                           {"milestone", "2000.00", "500.00", {"milestone:" + QString::number(m1)}},
                           {"expense", "120.00", "0", {"expense:" + x1}}});
        invoice("2026-04-30",
                {{"milestone", "1000.00", "0", {"milestone:" + QString::number(m3)}}});
        invoice("2026-05-31", {{"milestone", "2000.00", "0", {"milestone:" + QString::number(m4)}}},
                false);
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        // The group answers (USD) convert the UK and German entities.
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', '2025-01-01', 1.25), "
                            "('EUR', 'USD', '2025-01-01', 1.10)");
    }
    void cleanup() { tearDown(); }

    void forecastAccuracyFromASnapshot()
    {
        acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract fixed = contract(acme, "USD", "Milestone work");
        const qint64 ms = line(fixed.id, "milestones", {{"value", "10000"}});
        const qint64 m1 = milestone(fixed.project, ms, 1, "6000", "2026-03-20");
        const Contract time = contract(acme, "USD", "Time work");
        rateItem(line(time.id, "time_and_materials"), "SENIOR_CONSULTANT", "200");
        senior = employee("US", "SENIOR_CONSULTANT");

        // As of March 1st only the milestone is expected (no one is assigned to the time work).
        QCOMPARE(snapshot(us, QDate(2026, 3, 1)), 1);
        QCOMPARE(rows("SELECT snapshot_month, forecast_month, contract_id, amount::numeric(20, 2), "
                      "currency FROM revenue_forecast_snapshots WHERE legal_entity_id = ?",
                      {us}),
                 QStringLiteral("2026-03-01 2026-03-01 %1 6000.00 USD").arg(fixed.id));
        // Taken once: a second take writes nothing and keeps the first.
        QCOMPARE(snapshot(us, QDate(2026, 3, 1)), 0);
        QCOMPARE(scalar("SELECT count(*) FROM revenue_forecast_snapshots"), 1);

        db::query(db->sql(),
                  "UPDATE project_milestones SET state = 'accepted', accepted_date = "
                  "'2026-03-20' WHERE id = ?",
                  {m1});
        entry(senior, time.project, "2026-03-02", "7.50");
        entry(senior, time.project, "2026-03-03", "8.00");
        QCOMPARE(amount(recognise("US", "2026-03").revenue), QString("9100.00"));

        auto http = login("fin");
        const QString march = "entity=" + QString::number(us) + "&from=2026-03&to=2026-03";
        QJsonObject a = ok(*http, metric("forecast_accuracy", march));
        QCOMPARE(a.value("value").toString(), QString("0.6593"));
        QCOMPARE(a.value("numerator").toString(), QString("6000.00"));
        QCOMPARE(a.value("denominator").toString(), QString("9100.00"));
        QCOMPARE(a.value("extra").toObject().value("absolute_error").toString(),
                 QString("3100.00"));
        QCOMPARE(points(a), QStringList{"2026-03=0.6593"});
        // The drill-down: the snapshot's contracts sum to the forecast, the revenue lines to the
        // actual.
        QJsonObject r = ok(*http, recordsOf("forecast_accuracy", march + "&key=2026-03"));
        QCOMPARE(r.value("total").toString(), QString("6000.00"));
        QCOMPARE(r.value("items").toArray().size(), 1);
        r = ok(*http, recordsOf("forecast_accuracy", march + "&key=2026-03&part=denominator"));
        QCOMPARE(r.value("total").toString(), QString("9100.00"));

        // Revenue vs forecast shows both series for March.
        a = ok(*http, metric("revenue_vs_forecast", march));
        QCOMPARE(a.value("value").toString(), QString("9100.00"));
        QCOMPARE(points(a), (QStringList{"2026-03/actual=9100.00", "2026-03/forecast=6000.00"}));
        QCOMPARE(ok(*http, recordsOf("revenue_vs_forecast", march + "&key=2026-03"))
                     .value("total")
                     .toString(),
                 QString("9100.00"));
        QCOMPARE(
            ok(*http, recordsOf("revenue_vs_forecast", march + "&key=2026-03&part=denominator"))
                .value("total")
                .toString(),
            QString("6000.00"));

        // Five more hours of March recognised: the aggregate follows the new revenue.
        entry(senior, time.project, "2026-03-04", "5.00");
        QCOMPARE(amount(recognise("US", "2026-03").revenue), QString("1000.00"));
        a = ok(*http, metric("forecast_accuracy", march));
        QCOMPARE(a.value("denominator").toString(), QString("10100.00"));
        QCOMPARE(a.value("value").toString(), QString("0.5941"));

        // February had no snapshot: left out, the figure stays March's.
        a = ok(*http, metric("forecast_accuracy",
                             "entity=" + QString::number(us) + "&from=2026-02&to=2026-03"));
        QCOMPARE(a.value("value").toString(), QString("0.5941"));
        QCOMPARE(points(a), (QStringList{"2026-02=", "2026-03=0.5941"}));
    }

    void snapshotAsOfAPastMonth()
    {
        acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract fixed = contract(acme, "USD", "Milestone work");
        const qint64 ms = line(fixed.id, "milestones", {{"value", "10000"}});
        milestone(fixed.project, ms, 1, "6000", "2026-02-15", "accepted", "2026-02-15");
        milestone(fixed.project, ms, 2, "4000", "2026-04-10");
        QCOMPARE(amount(recognise("US", "2026-02").revenue), QString("6000.00"));

        // Taken later, as of February 1st: February's recognition had not happened yet, so the
        // first milestone is still forecast in February beside the second in April.
        QCOMPARE(snapshot(us, QDate(2026, 2, 1)), 2);
        // As of March 1st February is actual: only April's milestone is left.
        QCOMPARE(snapshot(us, QDate(2026, 3, 1)), 1);
        QCOMPARE(rows("SELECT snapshot_month, forecast_month, amount::numeric(20, 2) FROM "
                      "revenue_forecast_snapshots ORDER BY snapshot_month, forecast_month"),
                 QString("2026-02-01 2026-02-01 6000.00 | 2026-02-01 2026-04-01 4000.00 | "
                         "2026-03-01 2026-04-01 4000.00"));
        // February as forecast at its start against what was recognised: exact.
        auto http = login("fin");
        const QJsonObject a =
            ok(*http, metric("forecast_accuracy",
                             "entity=" + QString::number(us) + "&from=2026-02&to=2026-02"));
        QCOMPARE(a.value("value").toString(), QString("1.0000"));
    }

    void writeOffRateAfterAWriteOff()
    {
        billingBook();
        auto http = login("fin");
        const QString march = "entity=" + QString::number(us) + "&from=2026-03&to=2026-03";
        QJsonObject a = ok(*http, metric("write_off_rate", march));
        QCOMPARE(a.value("value").toString(), QString("0.0958"));
        QCOMPARE(a.value("numerator").toString(), QString("500.00"));
        QCOMPARE(a.value("denominator").toString(), QString("5220.00"));

        // The cap excess held on the contract is written off on March 20th.
        const qint64 exception = scalar(
            "INSERT INTO billing_exceptions (legal_entity_id, contract_id, kind, hours, amount, "
            "currency, detail) VALUES (?, ?, 'cap_exceeded', 1.4, 280, 'USD', 'Over the cap') "
            "RETURNING id",
            {us, build.id});
        QCOMPARE(ok(*http, metric("write_off_rate", march)).value("value").toString(),
                 QString("0.0958")); // open: not written off yet
        db::query(db->sql(),
                  "UPDATE billing_exceptions SET status = 'written_off', resolved_by = ?, "
                  "resolved_at = '2026-03-20 10:00:00+00' WHERE id = ?",
                  {fin, exception});
        a = ok(*http, metric("write_off_rate", march));
        QCOMPARE(a.value("value").toString(), QString("0.1418"));
        QCOMPARE(a.value("numerator").toString(), QString("780.00"));
        QCOMPARE(a.value("denominator").toString(), QString("5500.00"));
        QCOMPARE(points(a), QStringList{"2026-03=0.1418"});
        a = ok(*http, metric("write_off_rate", march + "&by=project"));
        QCOMPARE(points(a), QStringList{QString::number(build.project) + "=0.1418"});

        // Drill-down: the write-down and the exception; the billable lines beside them.
        QJsonObject r = ok(*http, recordsOf("write_off_rate", march + "&key=2026-03"));
        QCOMPARE(r.value("total").toString(), QString("780.00"));
        QCOMPARE(r.value("items").toArray().size(), 2);
        QCOMPARE(
            r.value("items").toArray().at(0).toObject().value("amount").toObject().value("amount"),
            QJsonValue("500.00"));
        r = ok(*http, recordsOf("write_off_rate", march + "&key=2026-03&part=denominator"));
        QCOMPARE(r.value("total").toString(), QString("5500.00"));
        QCOMPARE(r.value("items").toArray().size(), 4);

        // April: invoice B alone, nothing written off.
        a = ok(*http, metric("write_off_rate",
                             "entity=" + QString::number(us) + "&from=2026-03&to=2026-05"));
        QCOMPARE(points(a), (QStringList{"2026-03=0.1418", "2026-04=0.0000", "2026-05="}));
        QCOMPARE(a.value("value").toString(), QString("0.1200")); // 780 / 6,500
    }

    // UK (GBP): invoice of 2026-03-31 in GBP, gross 800.00 with 80.00 written down, and a EUR
    // cap excess of 100.00 written off on 03-20 at EUR→GBP 0.85 (85.00). GBP→USD 1.25, 1.30 from
    // 03-16: March average (15 × 1.25 + 16 × 1.30) / 31 = 1.275806. In USD per entity and month:
    // UK 165.00 × 1.275806 = 210.51 over 885.00 × 1.275806 = 1,129.09; with the US
    // 780.00 / 5,500.00: (780.00 + 210.51) / (5,500.00 + 1,129.09) = 990.51 / 6,629.09 = 0.1494.
    void groupCurrencyPerEntityAndMonth()
    {
        billingBook();
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', '2026-03-16', 1.30), "
                            "('EUR', 'GBP', '2026-03-01', 0.85)");
        const qint64 initech = account("UK", "Initech", "GB", "GBP", "STANDARD", 30);
        const Contract ukWork = contract(initech, "GBP", "UK work");
        invoiceOf(ukWork, "2026-03-31", {{"time", "800.00", "80.00", {}}});
        const qint64 euroClient = account("UK", "Euro client", "DE", "EUR", "STANDARD", 30);
        const Contract euroWork = contract(euroClient, "EUR", "Euro work");
        const QString exception =
            "INSERT INTO billing_exceptions (legal_entity_id, contract_id, kind, amount, "
            "currency, detail, status, resolved_by, resolved_at) VALUES (?, ?, 'cap_exceeded', "
            "?::numeric, ?, 'Over the cap', 'written_off', ?, '2026-03-20 10:00:00+00')";
        db::query(db->sql(), exception, {uk, euroWork.id, "100", "EUR", fin});
        db::query(db->sql(), exception, {us, build.id, "280", "USD", fin});

        auto http = login("fin");
        const QString march = "from=2026-03&to=2026-03";
        QJsonObject a = ok(*http, metric("write_off_rate", march));
        QCOMPARE(a.value("currency").toString(), QString("USD"));
        QCOMPARE(a.value("numerator").toString(), QString("990.51"));
        QCOMPARE(a.value("denominator").toString(), QString("6629.09"));
        QCOMPARE(a.value("value").toString(), QString("0.1494"));
        a = ok(*http, metric("write_off_rate", march + "&by=entity"));
        QCOMPARE(points(a), (QStringList{"UK=0.1864", "US=0.1418"}));
        // The UK drill-down in dollars equals its point; in pounds the entity's own figure.
        QJsonObject r =
            ok(*http, recordsOf("write_off_rate", march + "&currency=group&by=entity&key=UK"));
        QCOMPARE(r.value("total").toString(), QString("210.51"));
        QCOMPARE(r.value("items").toArray().size(), 2);
        r = ok(*http, recordsOf("write_off_rate",
                                march + "&currency=group&by=entity&key=UK&part=denominator"));
        QCOMPARE(r.value("total").toString(), QString("1129.09"));
        // Without a currency the drill-down keeps the figure's (the group's); in pounds on request.
        r = ok(*http, recordsOf("write_off_rate", march + "&by=entity&key=UK&part=denominator"));
        QCOMPARE(r.value("currency").toString(), QString("USD"));
        QCOMPARE(r.value("total").toString(), QString("1129.09"));
        r = ok(*http, recordsOf("write_off_rate",
                                march + "&currency=entity&by=entity&key=UK&part=denominator"));
        QCOMPARE(r.value("currency").toString(), QString("GBP"));
        QCOMPARE(r.value("total").toString(), QString("885.00"));
        a = ok(*http, metric("write_off_rate", march + "&entity=" + QString::number(uk)));
        QCOMPARE(a.value("currency").toString(), QString("GBP"));
        QCOMPARE(a.value("numerator").toString(), QString("165.00"));
        QCOMPARE(a.value("denominator").toString(), QString("885.00"));
        QCOMPARE(a.value("value").toString(), QString("0.1864"));
    }

    void cycleTimeExact()
    {
        billingBook();
        auto http = login("fin");
        const QString march = "entity=" + QString::number(us) + "&from=2026-03&to=2026-03";
        QJsonObject a = ok(*http, metric("invoice_cycle_time", march));
        QCOMPARE(a.value("value").toString(), QString("18.0"));
        QCOMPARE(a.value("numerator").toString(), QString("72"));
        QCOMPARE(a.value("denominator").toString(), QString("4"));
        const QJsonObject extra = a.value("extra").toObject();
        QCOMPARE(extra.value("time_entry").toString(), QString("25.0"));
        QCOMPARE(extra.value("expense").toString(), QString("16.0"));
        QCOMPARE(extra.value("milestone").toString(), QString("6.0"));

        // Records: one per source, paged; the total is the days the figure sums.
        QJsonObject r = ok(*http, recordsOf("invoice_cycle_time", march + "&key=2026-03&limit=3"));
        QCOMPARE(r.value("total").toString(), QString("72"));
        QCOMPARE(r.value("items").toArray().size(), 3);
        QVERIFY(!r.value("next").toString().isEmpty());
        r = ok(*http, recordsOf("invoice_cycle_time", march + "&key=2026-03&limit=3&after=" +
                                                          r.value("next").toString()));
        QCOMPARE(r.value("items").toArray().size(), 1);
        QVERIFY(r.value("next").isNull());
        QCOMPARE(ok(*http, recordsOf("invoice_cycle_time", march + "&part=denominator"))
                     .value("total")
                     .toString(),
                 QString("4"));

        // April's milestone: invoiced on the 30th, accepted on the 20th: 10 days.
        a = ok(*http, metric("invoice_cycle_time",
                             "entity=" + QString::number(us) + "&from=2026-03&to=2026-04"));
        QCOMPARE(points(a), (QStringList{"2026-03=18.0", "2026-04=10.0"}));
        QCOMPARE(a.value("value").toString(), QString("16.4")); // 82 / 5

        // A credit note releases invoice B's source: April has no event left.
        db::query(db->sql(),
                  "UPDATE billing_sources SET released_at = now() WHERE invoice_id <> ? AND "
                  "source_kind = 'milestone' AND invoice_id IN (SELECT id FROM invoices WHERE "
                  "number IS NOT NULL)",
                  {invoiceA});
        a = ok(*http, metric("invoice_cycle_time",
                             "entity=" + QString::number(us) + "&from=2026-03&to=2026-04"));
        QCOMPARE(points(a), (QStringList{"2026-03=18.0", "2026-04="}));
    }

    void milestonesDue()
    {
        billingBook();
        auto http = login("fin");
        const QString spring = "entity=" + QString::number(us) + "&from=2026-03&to=2026-05";
        QJsonObject a = ok(*http, metric("milestones_due", spring));
        QCOMPARE(a.value("value").toString(), QString("5000.00"));
        QCOMPARE(points(a), (QStringList{"2026-03=0.00", "2026-04=3000.00", "2026-05=2000.00"}));
        a = ok(*http, metric("milestones_due", spring + "&by=project"));
        QCOMPARE(points(a), QStringList{QString::number(build.project) + "=5000.00"});
        QJsonObject r = ok(*http, recordsOf("milestones_due", spring + "&key=2026-04"));
        QCOMPARE(r.value("total").toString(), QString("3000.00"));
        QCOMPARE(r.value("items").toArray().size(), 1);
        QCOMPARE(r.value("items").toArray().at(0).toObject().value("planned_date").toString(),
                 QString("2026-04-15"));
        // Once invoiced, April's milestone is no longer due.
        const qint64 m2 = scalar("SELECT id FROM project_milestones WHERE seq = 2");
        invoice("2026-04-16",
                {{"milestone", "3000.00", "0", {"milestone:" + QString::number(m2)}}});
        a = ok(*http, metric("milestones_due", spring));
        QCOMPARE(points(a), (QStringList{"2026-03=0.00", "2026-04=0.00", "2026-05=2000.00"}));
    }

    // The current and later months show the live forecast: a milestone of 5,000.00 planned for
    // the 10th of next month.
    void liveForecastOfTheComingMonths()
    {
        acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract fixed = contract(acme, "USD", "Milestone work");
        const qint64 ms = line(fixed.id, "milestones", {{"value", "5000"}});
        const QDate today = QDate::currentDate();
        const QDate current(today.year(), today.month(), 1);
        const QDate next = current.addMonths(1);
        milestone(fixed.project, ms, 1, "5000", next.addDays(9).toString(Qt::ISODate));
        auto http = login("fin");
        const QString range = QStringLiteral("entity=%1&from=%2&to=%3")
                                  .arg(us)
                                  .arg(current.toString("yyyy-MM"), next.toString("yyyy-MM"));
        const QJsonObject a = ok(*http, metric("revenue_vs_forecast", range));
        const QString c = current.toString("yyyy-MM"), n = next.toString("yyyy-MM");
        // No recognition run has reached these months: no actual yet (null), only the forecast.
        QCOMPARE(points(a), (QStringList{c + "/actual=", c + "/forecast=0.00",
                                         n + "/actual=", n + "/forecast=5000.00"}));
        QCOMPARE(a.value("extra").toObject().value("forecast").toString(), QString("5000.00"));
        const QJsonObject r =
            ok(*http, recordsOf("revenue_vs_forecast", range + "&key=" + n + "&part=denominator"));
        QCOMPARE(r.value("total").toString(), QString("5000.00"));
        QCOMPARE(r.value("items").toArray().first().toObject().value("source").toString(),
                 QString("live"));
    }

    void lazySnapshotAndTheRoute()
    {
        auto http = login("fin");
        // The first request of the month takes this month's snapshot of every entity in scope.
        QCOMPARE(scalar("SELECT count(*) FROM revenue_forecast_snapshot_takes"), 0);
        ok(*http, metric("revenue_vs_forecast", ""));
        QCOMPARE(scalar("SELECT count(*) FROM revenue_forecast_snapshot_takes WHERE "
                        "snapshot_month = date_trunc('month', current_date)"),
                 3);

        const auto post = [](HttpClient &h, const QJsonObject &body) {
            return h.post("/api/v1/analytics/forecast-snapshots", body);
        };
        HttpResult r =
            post(*http, {{"legal_entity_id", QString::number(uk)}, {"month", "2026-02"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("taken").toBool(), true);
        r = post(*http, {{"legal_entity_id", QString::number(uk)}, {"month", "2026-02"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("taken").toBool(), false);
        QCOMPARE(r.json().value("rows_written").toInt(), 0);
        QCOMPARE(fieldError(
                     post(*http, {{"legal_entity_id", QString::number(uk)}, {"month", "2026-13"}})),
                 QString("422 month invalid_month"));
        QCOMPARE(fieldError(
                     post(*http, {{"legal_entity_id", QString::number(uk)}, {"month", "2099-01"}})),
                 QString("422 month future_month"));
        auto ukHttp = login("ukfin");
        QCOMPARE(
            post(*ukHttp, {{"legal_entity_id", QString::number(us)}, {"month", "2026-02"}}).status,
            403);
        auto amyHttp = login("amy");
        QCOMPARE(
            post(*amyHttp, {{"legal_entity_id", QString::number(us)}, {"month", "2026-02"}}).status,
            403);
    }

    void badFiltersAndScope()
    {
        auto http = login("fin");
        QCOMPARE(fieldError(http->get(metric("write_off_rate", "person=1"))),
                 QString("422 person not_applicable"));
        QCOMPARE(fieldError(http->get(metric("revenue_vs_forecast", "client=1"))),
                 QString("422 client not_applicable"));
        QCOMPARE(fieldError(http->get(metric("milestones_due", "by=person"))),
                 QString("422 by invalid_choice"));
        QCOMPARE(fieldError(http->get(metric("forecast_accuracy", "from=2026-1"))),
                 QString("422 from invalid_month"));
        QCOMPARE(fieldError(http->get(recordsOf("invoice_cycle_time", "key=March"))),
                 QString("422 key invalid_month"));
        auto ukHttp = login("ukfin");
        const QString usOnly = "entity=" + QString::number(us);
        for (const char *name : {"revenue_vs_forecast", "forecast_accuracy", "write_off_rate",
                                 "invoice_cycle_time", "milestones_due"}) {
            QCOMPARE(ukHttp->get(metric(name, usOnly)).status, 403);
            QCOMPARE(ukHttp->get(recordsOf(name, usOnly)).status, 403);
        }
        QCOMPARE(ukHttp->get(metric("write_off_rate", "entity=" + QString::number(uk))).status,
                 200);
    }
};

QTEST_GUILESS_MAIN(AnalyticsRevenueTest)
#include "tst_analytics_revenue.moc"
