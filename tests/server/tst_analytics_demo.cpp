// The dashboards on the demo firm (issue 8, server/analytics/README.md): loaded once at scale 1,
// then read the way the executive reads it. Every aggregate the families register equals a fresh
// rebuild from the detail, right after the load and again after the detail changed the way users
// change it (time entered, approved and deleted over HTTP, a journal posted, October's close runs
// through the close's own entry point) and a dashboard read brought the stale months up to date.
// Every metric answers for the last twelve months and its drill-down adds up to the figure; the
// main figures equal the same sums written here from the detail. Generic over analyticsMetrics()
// and analyticsFacts(), so it covers every family that is registered.

#include "admin/demo_analytics.h"
#include "admin/demo_firm.h"
#include "analytics/analytics_catalogue.h"
#include "analytics/analytics_facts.h"
#include "close/close_service.h"
#include "db/database.h"
#include "http_client.h"
#include "ledger/ledger_service.h"
#include "money.h"
#include "test_database.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <optional>

using namespace keel;
using namespace keel::test;

namespace {

// "1234.50" and "1234.5000" are the same figure; "-0.00" is zero.
QString canonical(QString v)
{
    v = v.trimmed();
    if (v.contains(u'.')) {
        while (v.endsWith(u'0'))
            v.chop(1);
        if (v.endsWith(u'.'))
            v.chop(1);
    }
    if (v == QLatin1String("-0") || v.isEmpty())
        v = QStringLiteral("0");
    return v;
}

QString text(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

class AnalyticsDemoTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::optional<TestServer> m_server;
    std::unique_ptr<HttpClient> m_ceo;
    QHash<QString, qint64> m_entities; // code → id

    QSqlQuery run(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db->sql());
        bool ok = false;
        if (binds.isEmpty()) {
            ok = q.exec(sql); // DDL cannot be prepared
        } else {
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            ok = q.exec();
        }
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q;
    }

    QString scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = run(sql, binds);
        return q.next() ? q.value(0).toString() : QString();
    }

    std::unique_ptr<HttpClient> login(const QString &user)
    {
        auto c = std::make_unique<HttpClient>(m_server->baseUrl());
        const HttpResult r = c->login(user, QStringLiteral("demo"));
        if (r.status != 200)
            qWarning("login %s: %d %s", qPrintable(user), r.status, r.body.constData());
        return c;
    }

    // The columns a rebuild must reproduce: not surrogate ids nor build times.
    QString comparableColumns(const QString &table)
    {
        return scalar(
            QStringLiteral("SELECT string_agg(quote_ident(column_name), ', ' ORDER BY "
                           "ordinal_position) FROM information_schema.columns WHERE table_schema = "
                           "current_schema() AND table_name = ? AND is_identity = 'NO' AND "
                           "coalesce(column_default, '') NOT LIKE 'nextval%' AND data_type NOT "
                           "LIKE 'timestamp%'"),
            {table});
    }

    // Each fact's table as it is, against the same table rebuilt from the detail: zero rows in
    // either difference (as multisets).
    void compareFactsWithRebuild(const char *when, const QStringList &skip = {})
    {
        const QList<AnalyticsFact> &facts = analyticsFacts();
        QStringList columns;
        for (int i = 0; i < facts.size(); ++i) {
            const AnalyticsFact &fact = facts.at(i);
            QVERIFY2(!fact.table.isEmpty(), qPrintable(fact.name + " names no table"));
            columns.append(comparableColumns(fact.table));
            QVERIFY2(!columns.last().isEmpty(), qPrintable(fact.table + " has no columns"));
            run(QStringLiteral("DROP TABLE IF EXISTS h7_kept_%1").arg(i));
            run(QStringLiteral("CREATE TABLE h7_kept_%1 AS SELECT %2 FROM %3")
                    .arg(i)
                    .arg(columns.last(), fact.table));
        }
        // The load's months (its books and every month its detail touched), widened to any month
        // a fact holds: dense facts (capacity in every month) hold exactly the months rebuilt.
        QDate from = demoAnalyticsMonths(m_db->sql()).first;
        QDate to = demoAnalyticsMonths(m_db->sql()).last;
        for (int i = 0; i < facts.size(); ++i) {
            QSqlQuery q =
                run(QStringLiteral("SELECT min(month), max(month) FROM h7_kept_%1").arg(i));
            if (q.next() && !q.value(0).isNull()) {
                from = std::min(from, q.value(0).toDate());
                to = std::max(to, q.value(1).toDate());
            }
        }
        QList<EntityMonth> partitions;
        for (const qint64 entity : m_entities)
            for (QDate m = from; m <= to; m = m.addMonths(1))
                partitions.append({entity, m});
        QSqlDatabase sql = m_db->sql();
        for (const AnalyticsFact &fact : facts) {
            QElapsedTimer timer;
            timer.start();
            db::Transaction tx(sql);
            db::query(sql, QStringLiteral("DELETE FROM analytics_stale_months WHERE fact = ?"),
                      {fact.name});
            fact.rebuild(sql, partitions);
            tx.commit();
            qInfo("%s: %s rebuilt for %d entity-months (%s to %s) in %lld ms", when,
                  qPrintable(fact.name), int(partitions.size()),
                  qPrintable(from.toString(Qt::ISODate)), qPrintable(to.toString(Qt::ISODate)),
                  timer.elapsed());
        }
        for (int i = 0; i < facts.size(); ++i) {
            const AnalyticsFact &fact = facts.at(i);
            const QString kept = QStringLiteral("h7_kept_%1").arg(i);
            if (skip.contains(fact.name))
                continue;
            const QString fresh =
                QStringLiteral("SELECT %1 FROM %2").arg(columns.at(i), fact.table);
            const QString extra = scalar(
                QStringLiteral("SELECT count(*) FROM (TABLE %1 EXCEPT ALL %2) d").arg(kept, fresh));
            const QString missing = scalar(
                QStringLiteral("SELECT count(*) FROM (%2 EXCEPT ALL TABLE %1) d").arg(kept, fresh));
            const QString rows = scalar(QStringLiteral("SELECT count(*) FROM %1").arg(kept));
            qInfo("%s: %s (%s): %s rows, %s not in the rebuild, %s missing", when,
                  qPrintable(fact.name), qPrintable(fact.table), qPrintable(rows),
                  qPrintable(extra), qPrintable(missing));
            if (extra != QLatin1String("0") || missing != QLatin1String("0")) {
                QSqlQuery q =
                    run(QStringLiteral("SELECT 'kept', d::text FROM (TABLE %1 EXCEPT ALL %2) d "
                                       "UNION ALL SELECT 'rebuilt', d::text FROM (%2 EXCEPT ALL "
                                       "TABLE %1) d LIMIT 10")
                            .arg(kept, fresh));
                while (q.next())
                    qWarning("  %s %s", qPrintable(q.value(0).toString()),
                             qPrintable(q.value(1).toString()));
            }
            QVERIFY2(extra == QLatin1String("0") && missing == QLatin1String("0"),
                     qPrintable(QStringLiteral("%1 %2 differs from its rebuild: %3 + %4 rows")
                                    .arg(QString::fromLatin1(when), fact.name, extra, missing)));
            run(QStringLiteral("DROP TABLE %1").arg(kept));
        }
    }

    QJsonObject metric(HttpClient &http, const QString &name, const QString &query)
    {
        const HttpResult r =
            http.get(QStringLiteral("/api/v1/analytics/metrics/%1?%2").arg(name, query));
        if (r.status != 200)
            qWarning("%s?%s: %d %s", qPrintable(name), qPrintable(query), r.status,
                     r.body.left(400).constData());
        return r.status == 200 ? r.json() : QJsonObject();
    }

    // Every metric read once, as a dashboard does: each brings its facts' stale months up to date.
    void readEveryMetric()
    {
        for (const MetricDefinition &m : analyticsMetrics()) {
            const HttpResult r = m_ceo->get(QStringLiteral("/api/v1/analytics/metrics/") + m.name);
            QVERIFY2(r.status == 200,
                     qPrintable(m.name + QStringLiteral(": ") + QString::number(r.status) + u' ' +
                                QString::fromUtf8(r.body.left(300))));
        }
    }

    // The figure of one entity and month in its own currency, from the API.
    QString entityMonthValue(const QString &name, const QString &entity, const QString &month,
                             const char *field = "value")
    {
        const QJsonObject a = metric(*m_ceo, name,
                                     QStringLiteral("entity=%1&currency=entity&from=%2&to=%2")
                                         .arg(m_entities.value(entity))
                                         .arg(month));
        return canonical(text(a.value(QLatin1String(field))));
    }

private slots:
    void initTestCase()
    {
        m_db.emplace(TestDatabase::create(QStringLiteral("analytics_demo")));
        QSqlDatabase sql = m_db->sql();
        QElapsedTimer timer;
        timer.start();
        const DemoLoadResult r = loadDemoFirm(sql, 1, {});
        QVERIFY2(r.ok, qPrintable(r.error));
        qInfo("demo firm at scale 1 loaded in %.1f s, of which the analytics step %s ms",
              double(timer.elapsed()) / 1000.0,
              qPrintable(scalar(QStringLiteral("SELECT after->>'analytics_ms' FROM audit_log "
                                               "WHERE action = 'demo_firm.load'"))));
        QSqlQuery q = run(QStringLiteral("SELECT code, id FROM legal_entities"));
        while (q.next())
            m_entities.insert(q.value(0).toString(), q.value(1).toLongLong());
        QCOMPARE(m_entities.size(), 3);
        m_server.emplace(*m_db);
        m_server->start();
        m_ceo = login(QStringLiteral("ceo"));
    }

    void cleanupTestCase()
    {
        m_ceo.reset();
        m_server.reset();
        m_db.reset();
    }

    // The load leaves nothing stale (the first dashboard rebuilds nothing) and a snapshot of the
    // revenue forecast for every entity from the replay's first month to December 2026.
    void loadLeavesExactAggregatesAndSnapshots()
    {
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM analytics_stale_months")),
                 QStringLiteral("0"));
        qInfo("forecast snapshots: %s",
              qPrintable(scalar(QStringLiteral(
                  "SELECT format('%s rows, %s entity-months, %s to %s', count(*), count(DISTINCT "
                  "(legal_entity_id, snapshot_month)), min(snapshot_month), max(snapshot_month)) "
                  "FROM revenue_forecast_snapshots"))));
        if (scalar(QStringLiteral("SELECT count(*) FROM revenue_forecast_snapshots")) ==
            QLatin1String("0"))
            QSKIP("no forecast snapshots: forecast_snapshot.h has not landed");
        // Every month with a recognition run has its entity's snapshot (the replay takes it before
        // the month's run) unless nothing was to be recognised in its twelve months (the books
        // open before the first contract), and so do the open months to December.
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM revenue_runs r WHERE r.status = 'completed' AND NOT "
                     "EXISTS (SELECT 1 FROM revenue_forecast_snapshots s WHERE s.legal_entity_id "
                     "= r.legal_entity_id AND s.snapshot_month = r.period_start) AND EXISTS "
                     "(SELECT 1 FROM revenue_recognitions x WHERE x.legal_entity_id = "
                     "r.legal_entity_id AND x.period_revenue <> 0 AND x.period_start >= "
                     "r.period_start AND x.period_start < r.period_start + interval '12 months')")),
                 QStringLiteral("0"));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM legal_entities e, (VALUES (DATE '2026-10-01'), (DATE "
                     "'2026-11-01'), (DATE '2026-12-01')) m (month) WHERE NOT EXISTS (SELECT 1 "
                     "FROM revenue_forecast_snapshots s WHERE s.legal_entity_id = e.id AND "
                     "s.snapshot_month = m.month)")),
                 QStringLiteral("0"));
        // A snapshot never forecasts a month it already knew the recognition of.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM revenue_forecast_snapshots WHERE "
                                       "forecast_month < snapshot_month")),
                 QStringLiteral("0"));
    }

    void aggregatesEqualTheDetailAfterTheLoad() { compareFactsWithRebuild("after the load"); }

    // Detail changed the way users change it, then one read of the dashboards: every aggregate is
    // again what a rebuild from the detail gives.
    void aggregatesFollowTheDetail()
    {
        QSqlDatabase sql = m_db->sql();
        run(QStringLiteral("DELETE FROM analytics_stale_months"));

        // A consultant records time and deletes another entry of theirs (HTTP).
        auto consultant = login(QStringLiteral("consultant"));
        QSqlQuery q = run(QStringLiteral(
            "SELECT t.project_id, t.task_id FROM time_entries t JOIN employees e ON e.id = "
            "t.employee_id JOIN users u ON u.id = e.user_id WHERE u.username = 'consultant' "
            "ORDER BY t.work_date DESC LIMIT 1"));
        QVERIFY(q.next());
        const QString project = q.value(0).toString(), task = q.value(1).toString();
        const QString kept = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString dropped = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const QString &id : {kept, dropped}) {
            const QJsonObject body{{"work_date", "2026-11-12"},
                                   {"project_id", project},
                                   {"task_id", task},
                                   {"hours", "2.50"},
                                   {"notes", "Dashboards review"}};
            const HttpResult r =
                consultant->send("PUT", "/api/v1/time/entries/" + id, QJsonDocument(body).toJson());
            QVERIFY2(r.status == 201, r.body.constData());
        }
        QCOMPARE(
            consultant->send("DELETE", "/api/v1/time/entries/" + dropped + "?version=1", {}).status,
            200);

        // The project manager approves a week of submitted time (HTTP).
        auto pm = login(QStringLiteral("pm"));
        HttpResult inbox =
            pm->get(QStringLiteral("/api/v1/time/approvals?week=2026-11-02&limit=500"));
        QCOMPARE(inbox.status, 200);
        QJsonArray lines;
        for (const QJsonValue &v : inbox.json().value("items").toArray())
            lines.append(QJsonObject{{"id", v["id"]}, {"version", v["version"]}});
        QVERIFY2(!lines.isEmpty(), "the demo's pm has no submitted week of 2026-11-02");
        const HttpResult approved =
            pm->post(QStringLiteral("/api/v1/time/approvals"),
                     QJsonObject{{"decision", "approve"}, {"comment", "ok"}, {"lines", lines}});
        QVERIFY2(approved.status == 200, approved.body.left(300).constData());
        qInfo("approved %d lines of the week of 2026-11-02", int(lines.size()));

        // A journal posted in October (the ledger's own posting), then October's close runs of
        // every entity through the close's entry point: recognition, accruals, revaluation,
        // intercompany.
        {
            db::Transaction tx(sql);
            const qint64 controller =
                scalar(QStringLiteral("SELECT id FROM users WHERE username = 'controller'"))
                    .toLongLong();
            const qint64 finance =
                scalar(QStringLiteral("SELECT id FROM users WHERE username = 'finance'"))
                    .toLongLong();
            const QString gbp = QStringLiteral("GBP");
            Posting p;
            p.entityId = m_entities.value(QStringLiteral("UK"));
            p.date = QDate(2026, 10, 20);
            p.sourceType = QStringLiteral("analytics_test");
            p.sourceId = QStringLiteral("bank-fee");
            p.description = QStringLiteral("Bank fee");
            p.createdBy = finance;
            p.approvedBy = controller;
            PostingLine fee;
            fee.accountNumber = QStringLiteral("6000");
            fee.debit = Money::parse(QStringLiteral("123.45"), gbp).value();
            PostingLine bank;
            bank.accountNumber = QStringLiteral("1000");
            bank.credit = fee.debit;
            p.lines = {fee, bank};
            LedgerService(m_db->config()).post(p);
            for (const qint64 entity : m_entities)
                runCloseRuns(sql, entity, QDate(2026, 10, 1), controller);
            tx.commit();
        }
        QSqlQuery marked = run(QStringLiteral(
            "SELECT fact, count(*) FROM analytics_stale_months GROUP BY 1 ORDER BY 1"));
        QStringList facts;
        while (marked.next())
            facts << marked.value(0).toString() + u' ' + marked.value(1).toString();
        qInfo("stale after the changes: %s", qPrintable(facts.join(QStringLiteral(", "))));
        QVERIFY2(!facts.isEmpty(), "no change marked any aggregate stale");

        readEveryMetric();
        // A fact no metric reads is never refreshed by a dashboard: name it.
        QSqlQuery left = run(QStringLiteral(
            "SELECT fact, count(*) FROM analytics_stale_months GROUP BY 1 ORDER BY 1"));
        QStringList unread;
        while (left.next())
            for (const AnalyticsFact &f : analyticsFacts())
                if (f.name == left.value(0).toString())
                    unread << f.name;
        compareFactsWithRebuild("after the changes", unread);
        QVERIFY2(unread.isEmpty(),
                 qPrintable(QStringLiteral("still stale after every metric was read: ") +
                            unread.join(QStringLiteral(", "))));
    }

    // Every metric answers the executive for the last twelve months (the default period), and a
    // point's drill-down records add up to the point; a bad `by` is a 422, not a 500.
    void everyMetricAnswersAndDrillsToItsFigure()
    {
        const HttpResult list = m_ceo->get(QStringLiteral("/api/v1/analytics/metrics"));
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json().value("items").toArray();
        QCOMPARE(items.size(), analyticsMetrics().size());
        if (items.isEmpty())
            QSKIP("no metric is registered yet");
        QStringList drilled, empty;
        for (const QJsonValue &item : items) {
            const QString name = item["name"].toString();
            QElapsedTimer t;
            t.start();
            const HttpResult r = m_ceo->get(QStringLiteral("/api/v1/analytics/metrics/") + name);
            const qint64 ms = t.elapsed();
            QVERIFY2(r.status == 200, qPrintable(name + u' ' + QString::number(r.status) + u' ' +
                                                 QString::fromUtf8(r.body.left(300))));
            const QJsonObject a = r.json();
            QCOMPARE(a.value("metric").toString(), name);
            const QJsonArray points = a.value("points").toArray();
            qInfo("%s: value %s, %d points, %lld ms", qPrintable(name),
                  qPrintable(text(a.value("value"))), int(points.size()), ms);
            QCOMPARE(
                m_ceo->get(QStringLiteral("/api/v1/analytics/metrics/%1?by=nonsense").arg(name))
                    .status,
                422);

            // The last point with a figure that is not zero, of the first series when a chart has
            // several (the records answer the first series, part=denominator the second).
            const QString series =
                points.isEmpty() ? QString() : points.first().toObject().value("series").toString();
            QJsonObject point;
            for (qsizetype i = points.size() - 1; i >= 0 && point.isEmpty(); --i) {
                const QJsonObject p = points.at(i).toObject();
                const QString v = text(p.value(p.contains("numerator") ? "numerator" : "value"));
                if (p.value("series").toString() == series && !v.isEmpty() &&
                    canonical(v) != QLatin1String("0"))
                    point = p;
            }
            if (point.isEmpty()) {
                empty << name;
                continue;
            }
            const auto drill = [&](const QString &part) {
                QUrlQuery query;
                query.addQueryItem(QStringLiteral("by"), a.value("by").toString());
                query.addQueryItem(QStringLiteral("key"), point.value("key").toString());
                if (point.contains("key2")) {
                    query.addQueryItem(QStringLiteral("by2"), a.value("by2").toString());
                    query.addQueryItem(QStringLiteral("key2"), point.value("key2").toString());
                }
                query.addQueryItem(QStringLiteral("from"), a.value("from").toString());
                query.addQueryItem(QStringLiteral("to"), a.value("to").toString());
                query.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
                if (!part.isEmpty())
                    query.addQueryItem(QStringLiteral("part"), part);
                return m_ceo->get(QStringLiteral("/api/v1/analytics/metrics/%1/records?%2")
                                      .arg(name, query.toString(QUrl::FullyEncoded)));
            };
            const HttpResult d = drill({});
            QVERIFY2(d.status == 200, qPrintable(name + u' ' + QString::number(d.status) + u' ' +
                                                 QString::fromUtf8(d.body.left(300))));
            const QString expected =
                canonical(text(point.value(point.contains("numerator") ? "numerator" : "value")));
            const QString total = canonical(text(d.json().value("total")));
            QVERIFY2(total == expected,
                     qPrintable(QStringLiteral("%1 at %2: records total %3, the point %4")
                                    .arg(name, point.value("key").toString(), total, expected)));
            QVERIFY2(!d.json().value("items").toArray().isEmpty(),
                     qPrintable(name + QStringLiteral(" at ") + point.value("key").toString() +
                                QStringLiteral(": a figure without records: ") +
                                QString::fromUtf8(d.body.left(600))));
            // A ratio's denominator drills to its own records.
            if (point.contains("denominator") &&
                canonical(text(point.value("denominator"))) != QLatin1String("0")) {
                const HttpResult den = drill(QStringLiteral("denominator"));
                QVERIFY2(den.status == 200, qPrintable(name + QStringLiteral(" denominator ") +
                                                       QString::number(den.status)));
                QCOMPARE(canonical(text(den.json().value("total"))),
                         canonical(text(point.value("denominator"))));
            }
            drilled << name;
        }
        qInfo("drilled to the records: %s", qPrintable(drilled.join(QStringLiteral(", "))));
        if (!empty.isEmpty())
            qInfo("no non-zero point in the last twelve months: %s",
                  qPrintable(empty.join(QStringLiteral(", "))));
    }

    // Revenue recognised in September 2026 by each entity: the revenue accounts' credits less
    // debits of the month, in the entity's currency.
    void revenueOfAMonthIsTheLedgers()
    {
        if (!findMetric(QStringLiteral("revenue")))
            QSKIP("revenue is not registered yet");
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            const QString expected = canonical(scalar(
                QStringLiteral("SELECT coalesce(sum(l.functional_credit - l.functional_debit), 0) "
                               "FROM journal_lines l JOIN ledger_accounts a ON a.id = "
                               "l.ledger_account_id WHERE a.role = 'revenue' AND "
                               "l.legal_entity_id = ? AND l.entry_date BETWEEN '2026-09-01' AND "
                               "'2026-09-30'"),
                {it.value()}));
            QVERIFY(expected != QLatin1String("0"));
            QCOMPARE(
                entityMonthValue(QStringLiteral("revenue"), it.key(), QStringLiteral("2026-09")),
                expected);
        }
    }

    // Unbilled (WIP) at the end of September 2026: the unbilled receivable's balance then.
    void unbilledAtAMonthEndIsTheLedgers()
    {
        if (!findMetric(QStringLiteral("unbilled")))
            QSKIP("unbilled is not registered yet");
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            const QString expected = canonical(scalar(
                QStringLiteral("SELECT coalesce(sum(l.functional_debit - l.functional_credit), 0) "
                               "FROM journal_lines l JOIN ledger_accounts a ON a.id = "
                               "l.ledger_account_id WHERE a.role = 'unbilled_receivable' AND "
                               "l.legal_entity_id = ? AND l.entry_date <= '2026-09-30'"),
                {it.value()}));
            QCOMPARE(
                entityMonthValue(QStringLiteral("unbilled"), it.key(), QStringLiteral("2026-09")),
                expected);
        }
    }
    // Bookings of September 2026 per entity: the contracts signed that month at their value as
    // signed, and the change orders approved that month at what they added (every demo contract
    // is in its entity's currency, so no rate is involved).
    void bookingsOfAMonthAreTheContractsSigned()
    {
        if (!findMetric(QStringLiteral("bookings")))
            QSKIP("bookings is not registered yet");
        QStringList nonZero;
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            const QString expected = canonical(scalar(
                QStringLiteral(
                    "SELECT round(coalesce(sum(v), 0), 2) FROM (SELECT coalesce((SELECT "
                    "cv.total_value FROM contract_versions cv WHERE cv.contract_id = c.id AND "
                    "cv.contract_version = 1), c.total_value - coalesce((SELECT "
                    "sum(x.value_after - x.value_before) FROM contract_change_orders x WHERE "
                    "x.contract_id = c.id AND x.status = 'approved'), 0)) AS v FROM contracts c "
                    "WHERE c.legal_entity_id = ?1 AND c.status <> 'draft' AND c.signature_date "
                    "BETWEEN '2026-09-01' AND '2026-09-30' UNION ALL SELECT co.value_after - "
                    "co.value_before FROM contract_change_orders co JOIN contracts c ON c.id = "
                    "co.contract_id WHERE c.legal_entity_id = ?1 AND c.status <> 'draft' AND "
                    "c.signature_date IS NOT NULL AND co.status = 'approved' AND (co.decided_at "
                    "AT TIME ZONE 'UTC')::date BETWEEN '2026-09-01' AND '2026-09-30') b")
                    .replace(QStringLiteral("?1"), QString::number(it.value()))));
            if (expected != QLatin1String("0"))
                nonZero << it.key();
            QCOMPARE(
                entityMonthValue(QStringLiteral("bookings"), it.key(), QStringLiteral("2026-09")),
                expected);
        }
        QVERIFY2(!nonZero.isEmpty(), "no entity booked anything in September 2026");
    }

    // Win rate over the last twelve months for the group: deals won / deals won or lost, by the
    // day they reached their closing stage; open deals count in neither.
    void winRateIsWonOverClosedDeals()
    {
        if (!findMetric(QStringLiteral("win_rate")))
            QSKIP("win_rate is not registered yet");
        const QJsonObject a = metric(*m_ceo, QStringLiteral("win_rate"), QString());
        const QDate from =
            QDate::fromString(a.value("from").toString() + QStringLiteral("-01"), Qt::ISODate);
        const QDate to =
            QDate::fromString(a.value("to").toString() + QStringLiteral("-01"), Qt::ISODate)
                .addMonths(1)
                .addDays(-1);
        QVERIFY(from.isValid() && to.isValid());
        QSqlQuery q = run(
            QStringLiteral(
                "SELECT count(*) FILTER (WHERE s.is_won), count(*), CASE WHEN count(*) > 0 THEN "
                "round(count(*) FILTER (WHERE s.is_won)::numeric / count(*), 4) END FROM "
                "opportunities o JOIN opportunity_stages s ON s.id = o.stage_id LEFT JOIN LATERAL "
                "(SELECT max(h.changed_at) AS at FROM opportunity_stage_history h WHERE "
                "h.opportunity_id = o.id AND h.to_stage_id = o.stage_id) hc ON true WHERE "
                "(s.is_won "
                "OR s.is_lost) AND (coalesce(hc.at, o.updated_at) AT TIME ZONE 'UTC')::date "
                "BETWEEN ? AND ?"),
            {from, to});
        QVERIFY(q.next());
        qInfo("win rate %s to %s: %s won of %s closed = %s", qPrintable(from.toString(Qt::ISODate)),
              qPrintable(to.toString(Qt::ISODate)), qPrintable(q.value(0).toString()),
              qPrintable(q.value(1).toString()), qPrintable(q.value(2).toString()));
        QVERIFY(q.value(1).toInt() > 0);
        QCOMPARE(text(a.value("numerator")), q.value(0).toString());
        QCOMPARE(text(a.value("denominator")), q.value(1).toString());
        QCOMPARE(text(a.value("value")), q.value(2).toString());
    }
    // Utilisation of September 2026 for each entity: the billable hours approved or invoiced of
    // its people over their available hours (capacity less public holidays and approved leave,
    // the one rule employee_range_capacity of 0010), to four places.
    void utilisationOfAMonthIsBillableOverAvailable()
    {
        if (!findMetric(QStringLiteral("utilisation")))
            QSKIP("utilisation is not registered yet");
        qInfo("inactive employees with September's time: %s",
              qPrintable(scalar(QStringLiteral(
                  "SELECT count(DISTINCT t.employee_id) FROM time_entries t JOIN employees e ON "
                  "e.id = t.employee_id WHERE NOT e.active AND t.work_date BETWEEN '2026-09-01' "
                  "AND '2026-09-30'"))));
        for (auto it = m_entities.cbegin(); it != m_entities.cend(); ++it) {
            QSqlQuery q =
                run(QStringLiteral(
                        "WITH b AS (SELECT coalesce(sum(t.hours), 0) AS h FROM time_entries t JOIN "
                        "employees e ON e.id = t.employee_id WHERE e.legal_entity_id = ?1 AND "
                        "e.active AND e.utilisation_target_pct > 0 AND t.billable AND "
                        "t.status IN ('approved', 'invoiced') AND "
                        "t.work_date BETWEEN '2026-09-01' AND '2026-09-30'), a AS (SELECT "
                        "coalesce(sum(c.capacity_hours), 0) AS h FROM "
                        "employee_range_capacity('2026-09-01', '2026-09-30') c JOIN employees e ON "
                        "e.id = c.employee_id WHERE e.legal_entity_id = ?1 AND e.active AND "
                        "e.utilisation_target_pct > 0) SELECT "
                        "b.h, a.h, round(b.h / nullif(a.h, 0), 4) FROM a, b")
                        .replace(QStringLiteral("?1"), QString::number(it.value())));
            QVERIFY(q.next());
            const QJsonObject a = metric(*m_ceo, QStringLiteral("utilisation"),
                                         QStringLiteral("entity=%1&from=2026-09&to=2026-09")
                                             .arg(m_entities.value(it.key())));
            qInfo("%s utilisation 2026-09: %s / %s = %s; API %s / %s = %s", qPrintable(it.key()),
                  qPrintable(q.value(0).toString()), qPrintable(q.value(1).toString()),
                  qPrintable(q.value(2).toString()), qPrintable(text(a.value("numerator"))),
                  qPrintable(text(a.value("denominator"))), qPrintable(text(a.value("value"))));
            QCOMPARE(canonical(text(a.value("numerator"))), canonical(q.value(0).toString()));
            QCOMPARE(canonical(text(a.value("denominator"))), canonical(q.value(1).toString()));
            // The driver reads numeric as a double: 0.4250 comes back as "0.425".
            QCOMPARE(canonical(text(a.value("value"))), canonical(q.value(2).toString()));
            QCOMPARE(text(a.value("value")).size(), 6); // the API prints four places
        }
    }
    // Scope and bad input on the demo, for every metric: the UK's finance user asking for the US
    // gets a 403, a month that does not exist a 422 naming `from`; neither is a 500.
    void everyMetricRefusesOutsideScopeAndBadInput()
    {
        auto finance = login(QStringLiteral("finance"));
        for (const MetricDefinition &m : analyticsMetrics()) {
            const HttpResult foreign =
                finance->get(QStringLiteral("/api/v1/analytics/metrics/%1?entity=%2")
                                 .arg(m.name)
                                 .arg(m_entities.value(QStringLiteral("US"))));
            QVERIFY2(foreign.status == 403,
                     qPrintable(m.name + QStringLiteral(": ") + QString::number(foreign.status)));
            const HttpResult records =
                finance->get(QStringLiteral("/api/v1/analytics/metrics/%1/records?entity=%2")
                                 .arg(m.name)
                                 .arg(m_entities.value(QStringLiteral("US"))));
            QVERIFY2(records.status == 403, qPrintable(m.name + QStringLiteral(" records: ") +
                                                       QString::number(records.status)));
            const HttpResult bad =
                m_ceo->get(QStringLiteral("/api/v1/analytics/metrics/%1?from=2026-13").arg(m.name));
            QVERIFY2(bad.status == 422,
                     qPrintable(m.name + QStringLiteral(": ") + QString::number(bad.status)));
            QVERIFY2(bad.fieldCodes().startsWith(QStringLiteral("from:")),
                     qPrintable(m.name + QStringLiteral(": ") + bad.fieldCodes()));
        }
    }
};

QTEST_GUILESS_MAIN(AnalyticsDemoTest)
#include "tst_analytics_demo.moc"
