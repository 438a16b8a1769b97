// The sales metrics of server/analytics against a small fixed data set with hand-computed values
// (README "Sales metrics"): bookings in a month with a change order (net of amendments, a
// foreign-currency contract converted into its entity's currency and then into the group's),
// backlog at month ends after a change order and after recognition (never negative per
// contract), win rate with open deals excluded, the weighted pipeline by expected close month,
// the funnel by stage; every drill-down's total equals its figure; 422 for bad filters and 403
// outside the caller's entities; figures follow changes to the detail.
//
// Rates: GBP→USD 1.25 and EUR→GBP 0.85 from 2026-01-01 (one rate: every month's average and
// closing rate). Group currency USD.

#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString kApi = QStringLiteral("/api/v1/analytics/metrics/");

QJsonObject pointAt(const QJsonObject &answer, const QString &key)
{
    for (const QJsonValue &v : answer.value("points").toArray())
        if (v.toObject().value("key").toString() == key)
            return v.toObject();
    return {};
}

QString valueAt(const QJsonObject &answer, const QString &key)
{
    return pointAt(answer, key).value("value").toString();
}
} // namespace

class AnalyticsSalesTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_us = 0, m_uk = 0, m_de = 0;
    qint64 m_acme = 0, m_brit = 0, m_cloud = 0, m_exec = 0;

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(m_db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    std::unique_ptr<HttpClient> login(const char *user)
    {
        auto http = std::make_unique<HttpClient>(m_server->baseUrl());
        if (http->login(QString::fromLatin1(user), QStringLiteral("sales password")).status != 200)
            qFatal("login failed for %s", user);
        return http;
    }

    QJsonObject get(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(kApi + path);
        if (r.status != 200)
            qFatal("%s: %d %s", qPrintable(path), r.status, r.body.constData());
        return r.json();
    }

    // Every page of a drill-down, one record per page; the last page's total.
    QJsonArray records(HttpClient &http, const QString &path, QString *total)
    {
        QJsonArray items;
        QString after;
        for (int pages = 0; pages < 50; ++pages) {
            const QJsonObject page =
                get(http, path + QStringLiteral("&limit=1") +
                              (after.isEmpty() ? QString() : QStringLiteral("&after=") + after));
            for (const QJsonValue &v : page.value("items").toArray())
                items.append(v);
            *total = page.value("total").toString();
            after = page.value("next").toString();
            if (after.isEmpty())
                break;
        }
        return items;
    }

    qint64 contract(qint64 entity, qint64 account, const char *currency, const char *status,
                    const char *signature, const char *total, const char *signedValue = nullptr)
    {
        static int n = 0;
        ++n;
        const bool draft = qstrcmp(status, "draft") == 0;
        const qint64 id = scalar(
            "INSERT INTO contracts (legal_entity_id, account_id, practice_id, number, title, "
            "currency, start_date, end_date, signature_date, status, total_value) VALUES (?, ?, "
            "?, ?, ?, ?, DATE '2026-01-01', DATE '2026-12-31', ?::date, ?, ?::numeric) "
            "RETURNING id",
            {entity, account, m_cloud,
             draft ? QVariant(QMetaType::fromType<QString>())
                   : QVariant(QStringLiteral("SOW-%1").arg(n)),
             QStringLiteral("Contract %1").arg(n), QString::fromLatin1(currency),
             signature ? QVariant(QString::fromLatin1(signature))
                       : QVariant(QMetaType::fromType<QString>()),
             QString::fromLatin1(status), QString::fromLatin1(total)});
        if (signedValue)
            db::query(m_db->sql(),
                      "INSERT INTO contract_versions (contract_id, contract_version, total_value, "
                      "start_date, end_date, lines) VALUES (?, 1, ?::numeric, DATE '2026-01-01', "
                      "DATE '2026-12-31', '[]')",
                      {id, QString::fromLatin1(signedValue)});
        return id;
    }

    void changeOrder(qint64 contract, const char *before, const char *after, const char *status,
                     const char *decided)
    {
        db::query(m_db->sql(),
                  "INSERT INTO contract_change_orders (contract_id, legal_entity_id, base_version, "
                  "status, reason, changes, value_before, value_after, decided_at) SELECT id, "
                  "legal_entity_id, 1, ?, 'Scope', '{}', ?::numeric, ?::numeric, "
                  "?::timestamptz FROM contracts WHERE id = ?",
                  {QString::fromLatin1(status), QString::fromLatin1(before),
                   QString::fromLatin1(after),
                   decided ? QVariant(QString::fromLatin1(decided))
                           : QVariant(QMetaType::fromType<QString>()),
                   contract});
        if (qstrcmp(status, "approved") == 0)
            db::query(m_db->sql(),
                      "UPDATE contracts SET status = 'amended', total_value = ?::numeric WHERE "
                      "id = ?",
                      {QString::fromLatin1(after), contract});
    }

    // Revenue recognised on the contract's one obligation up to the end of `period`.
    void recognise(qint64 contract, const char *period, const char *cumulative)
    {
        const qint64 line = scalar(
            "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, value) "
            "VALUES (?, 1, 'Work', 'fixed_fee', 0) ON CONFLICT (contract_id, line_no) DO UPDATE "
            "SET description = EXCLUDED.description RETURNING id",
            {contract});
        const qint64 obligation = scalar(
            "INSERT INTO revenue_obligations (legal_entity_id, contract_id, contract_line_id, "
            "method, transaction_price, currency, start_date, end_date) SELECT legal_entity_id, "
            "id, ?, 'poc_cost', total_value, currency, start_date, end_date FROM contracts WHERE "
            "id = ? ON CONFLICT (contract_line_id) DO UPDATE SET version = "
            "revenue_obligations.version RETURNING id",
            {line, contract});
        const qint64 run = scalar("INSERT INTO revenue_runs (legal_entity_id, period_start, "
                                  "status, created_by) SELECT legal_entity_id, ?::date, "
                                  "'completed', ? FROM contracts WHERE id = ? RETURNING id",
                                  {QString::fromLatin1(period), m_exec, contract});
        db::query(m_db->sql(),
                  "INSERT INTO revenue_recognitions (obligation_id, period_start, run_id, "
                  "legal_entity_id, contract_id, method, cumulative_revenue, period_revenue, "
                  "currency) SELECT ?, ?::date, ?, legal_entity_id, id, 'poc_cost', ?::numeric, 0, "
                  "currency FROM contracts WHERE id = ?",
                  {obligation, QString::fromLatin1(period), run, QString::fromLatin1(cumulative),
                   contract});
    }

    // An opportunity; closed (won or lost) on `closedAt` when given, else open.
    qint64 opportunity(qint64 entity, qint64 account, const char *stage, const char *probability,
                       const char *value, const char *currency, const char *close,
                       const char *closedAt = nullptr)
    {
        const qint64 id = scalar(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, practice_id, name, "
            "stage_id, is_open, probability, expected_value, currency, expected_close) SELECT ?, "
            "?, ?, ?, 'Deal ' || ?, s.id, NOT (s.is_won OR s.is_lost), ?::numeric, ?::numeric, ?, "
            "?::date FROM opportunity_stages s WHERE s.code = ? RETURNING id",
            {entity, account, m_exec, m_cloud, QString::fromLatin1(value),
             QString::fromLatin1(probability), QString::fromLatin1(value),
             QString::fromLatin1(currency),
             close ? QVariant(QString::fromLatin1(close))
                   : QVariant(QMetaType::fromType<QString>()),
             QString::fromLatin1(stage)});
        if (closedAt)
            db::query(m_db->sql(),
                      "INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, "
                      "to_stage_id, probability, changed_at) SELECT o.id, NULL, o.stage_id, "
                      "o.probability, ?::timestamptz FROM opportunities o WHERE o.id = ?",
                      {QString::fromLatin1(closedAt), id});
        return id;
    }

    // The fixed data set (values in the comments of the tests).
    qint64 m_a = 0, m_b = 0, m_c = 0, m_e = 0;
    void contracts()
    {
        // US: A signed 5 March at 10,000.00, amended on 20 March by +2,500.00; B signed 31 March
        // at 1,000.125 with a change order still waiting; C signed 10 February at 5,000.00,
        // reduced on 2 April by 1,000.00; D a draft.
        m_a = contract(m_us, m_acme, "USD", "signed", "2026-03-05", "10000.0000", "10000.0000");
        changeOrder(m_a, "10000", "12500", "approved", "2026-03-20T10:00:00Z");
        m_b = contract(m_us, m_acme, "USD", "signed", "2026-03-31", "1000.1250");
        changeOrder(m_b, "1000.125", "1500.125", "submitted", nullptr);
        m_c = contract(m_us, m_acme, "USD", "signed", "2026-02-10", "5000.0000", "5000.0000");
        changeOrder(m_c, "5000", "4000", "approved", "2026-04-02T09:00:00Z");
        contract(m_us, m_acme, "USD", "draft", nullptr, "999.0000");
        // UK: E in euros, signed 15 March at 2,000.00 EUR = 1,700.00 GBP = 2,125.00 USD.
        m_e = contract(m_uk, m_brit, "EUR", "signed", "2026-03-15", "2000.0000");
    }

private slots:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        const QString pw = QStringLiteral("sales password");
        m_exec = m_server->createUser("exec", pw, {{"executive", QString()}}, "US");
        m_server->createUser("sam", pw, {{"sales", "US"}}, "US");
        m_server->createUser("amy", pw, {{"consultant", "US"}}, "US");
        m_us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        m_uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        m_de = scalar("SELECT id FROM legal_entities WHERE code = 'DE'");
        m_cloud = scalar("SELECT id FROM practices WHERE code = 'CLOUD'");
        db::exec(m_db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                              "VALUES ('GBP', 'USD', '2026-01-01', 1.25), "
                              "('EUR', 'GBP', '2026-01-01', 0.85), "
                              "('EUR', 'USD', '2026-01-01', 1.0625)");
        const QString account = QStringLiteral(
            "INSERT INTO accounts (legal_entity_id, name, name_norm, country, billing_currency, "
            "tax_profile) VALUES (?, ?, lower(?), ?, ?, 'STANDARD') RETURNING id");
        m_acme = scalar(account, {m_us, "Acme", "Acme", "US", "USD"});
        m_brit = scalar(account, {m_uk, "Brit", "Brit", "GB", "GBP"});
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void bookingsInAMonthWithAChangeOrder()
    {
        contracts();
        auto exec = login("exec");
        // March, group (USD): US A 10,000.00 + its change order 2,500.00 + B 1,000.125 =
        // 13,500.125 → 13,500.13 (rounded once per entity and month); UK E 1,700.00 GBP × 1.25 =
        // 2,125.00. February: C 5,000.00. April: C's change order −1,000.00.
        const QJsonObject all = get(*exec, "bookings?from=2026-02&to=2026-04");
        QCOMPARE(all.value("currency").toString(), QString("USD"));
        QCOMPARE(all.value("unit").toString(), QString("money"));
        QCOMPARE(valueAt(all, "2026-02"), QString("5000.00"));
        QCOMPARE(valueAt(all, "2026-03"), QString("15625.13"));
        QCOMPARE(valueAt(all, "2026-04"), QString("-1000.00"));
        QCOMPARE(all.value("value").toString(), QString("19625.13"));
        const QJsonObject extra = all.value("extra").toObject();
        QCOMPARE(extra.value("contracts").toObject().value("count").toInt(), 4);
        QCOMPARE(extra.value("change_orders").toObject().value("count").toInt(), 2);
        QCOMPARE(extra.value("change_orders").toObject().value("value").toString(),
                 QString("1500.00"));

        // One entity in its own currency; by entity.
        const QJsonObject us =
            get(*exec, "bookings?from=2026-03&to=2026-03&entity=" + QString::number(m_us) +
                           "&currency=entity");
        QCOMPARE(us.value("currency").toString(), QString("USD"));
        QCOMPARE(us.value("value").toString(), QString("13500.13"));
        const QJsonObject uk =
            get(*exec, "bookings?from=2026-03&to=2026-03&entity=" + QString::number(m_uk) +
                           "&currency=entity");
        QCOMPARE(uk.value("currency").toString(), QString("GBP"));
        QCOMPARE(uk.value("value").toString(), QString("1700.00"));
        const QJsonObject byEntity = get(*exec, "bookings?from=2026-03&to=2026-03&by=entity");
        QCOMPARE(valueAt(byEntity, "US"), QString("13500.13"));
        QCOMPARE(valueAt(byEntity, "UK"), QString("2125.00"));

        // The drill-down of March: the three contracts and the change order, total = figure.
        QString total;
        const QJsonArray items =
            records(*exec, "bookings/records?from=2026-02&to=2026-04&key=2026-03", &total);
        QCOMPARE(items.size(), 4);
        QCOMPARE(total, QString("15625.13"));
        QCOMPARE(items.at(0).toObject().value("kind").toString(), QString("change_order"));
        QCOMPARE(items.at(0).toObject().value("value").toObject().value("amount").toString(),
                 QString("2500.00"));
        const QJsonObject e = items.at(3).toObject();
        QCOMPARE(e.value("value").toObject().value("currency").toString(), QString("EUR"));
        QCOMPARE(e.value("functional").toObject().value("amount").toString(), QString("1700.00"));

        // A change order approved later counts in its own month: April becomes −500.00.
        changeOrder(m_b, "1000.125", "1500.125", "approved", "2026-04-10T12:00:00Z");
        db::exec(m_db->sql(), "DELETE FROM contract_change_orders WHERE status = 'submitted'");
        const QJsonObject after = get(*exec, "bookings?from=2026-02&to=2026-04");
        QCOMPARE(valueAt(after, "2026-04"), QString("-500.00"));
        QCOMPARE(valueAt(after, "2026-03"), QString("15625.13"));
        records(*exec, "bookings/records?from=2026-04&to=2026-04", &total);
        QCOMPARE(total, QString("-500.00"));
    }

    void backlogAfterAChangeOrderAndRecognition()
    {
        contracts();
        // A: 3,000.00 recognised to March, 7,000.00 to April. C: 1,000.00 to February, 6,000.00
        // to March (more than its value: its backlog is zero, never negative).
        recognise(m_a, "2026-03-01", "3000");
        recognise(m_a, "2026-04-01", "7000");
        recognise(m_c, "2026-02-01", "1000");
        recognise(m_c, "2026-03-01", "6000");
        auto exec = login("exec");
        // End of February: C 5,000 − 1,000 = 4,000.00.
        // End of March: A 12,500 − 3,000 = 9,500 + B 1,000.125 + C 0 = 10,500.125 → 10,500.13;
        //   UK E 2,000 EUR × 0.85 = 1,700.00 GBP × 1.25 = 2,125.00 → 12,625.13.
        // End of April: A 12,500 − 7,000 = 5,500 + B 1,000.125 + C (4,000 − 6,000 → 0) →
        //   6,500.13 + 2,125.00 = 8,625.13.
        const QJsonObject b = get(*exec, "backlog?from=2026-02&to=2026-04");
        QCOMPARE(valueAt(b, "2026-02"), QString("4000.00"));
        QCOMPARE(valueAt(b, "2026-03"), QString("12625.13"));
        QCOMPARE(valueAt(b, "2026-04"), QString("8625.13"));
        QCOMPARE(b.value("value").toString(), QString("8625.13")); // the balance at `to`
        QCOMPARE(b.value("extra").toObject().value("contracts").toInt(), 3);

        QString total;
        QJsonArray items =
            records(*exec, "backlog/records?from=2026-02&to=2026-04&key=2026-03", &total);
        QCOMPARE(total, QString("12625.13"));
        QCOMPARE(items.size(), 3); // A, B, E; C has none
        QCOMPARE(items.at(0).toObject().value("backlog").toObject().value("amount").toString(),
                 QString("9500.00"));
        QCOMPARE(items.at(0).toObject().value("recognised").toObject().value("amount").toString(),
                 QString("3000.00"));

        // By entity at the end of `to`.
        const QJsonObject byEntity = get(*exec, "backlog?from=2026-02&to=2026-04&by=entity");
        QCOMPARE(valueAt(byEntity, "US"), QString("6500.13"));
        QCOMPARE(valueAt(byEntity, "UK"), QString("2125.00"));
        QCOMPARE(byEntity.value("value").toString(), QString("8625.13"));

        // A change order on B approved in April adds 500.00 to April's backlog...
        changeOrder(m_b, "1000.125", "1500.125", "approved", "2026-04-10T12:00:00Z");
        QCOMPARE(get(*exec, "backlog?from=2026-04&to=2026-04").value("value").toString(),
                 QString("9125.13"));
        // ...and recognising B's 1,000.125 in April takes it away again: 5,500 + 500 + 2,125.
        recognise(m_b, "2026-04-01", "1000.125");
        const QJsonObject later = get(*exec, "backlog?from=2026-03&to=2026-04");
        QCOMPARE(valueAt(later, "2026-04"), QString("8125.00"));
        QCOMPARE(valueAt(later, "2026-03"), QString("12625.13"));
        records(*exec, "backlog/records?from=2026-04&to=2026-04", &total);
        QCOMPARE(total, QString("8125.00"));
    }

    void winRateWithOpenDealsExcluded()
    {
        // March: US won twice and lost once, UK won once; April: US lost once. Open deals (one
        // with March as its expected close) count in neither.
        opportunity(m_us, m_acme, "WON", "100", "1000", "USD", "2026-03-01",
                    "2026-03-10T10:00:00Z");
        opportunity(m_us, m_acme, "WON", "100", "2000", "USD", "2026-03-01",
                    "2026-03-20T10:00:00Z");
        opportunity(m_us, m_acme, "LOST", "0", "500", "USD", "2026-03-01", "2026-03-25T10:00:00Z");
        opportunity(m_us, m_acme, "LOST", "0", "800", "USD", "2026-04-01", "2026-04-05T10:00:00Z");
        opportunity(m_uk, m_brit, "WON", "100", "1000", "EUR", "2026-03-01",
                    "2026-03-15T23:30:00Z");
        opportunity(m_us, m_acme, "PROPOSE", "50", "3333.33", "USD", "2026-03-31");
        opportunity(m_us, m_acme, "NEGOTIATE", "90", "9000", "USD", "2026-03-31");
        auto exec = login("exec");
        const QJsonObject w = get(*exec, "win_rate?from=2026-03&to=2026-04");
        QCOMPARE(w.value("unit").toString(), QString("ratio"));
        // March 3 / 4 = 0.7500; April 0 / 1; overall 3 / 5 = 0.6000.
        QCOMPARE(valueAt(w, "2026-03"), QString("0.7500"));
        QCOMPARE(pointAt(w, "2026-03").value("numerator").toString(), QString("3"));
        QCOMPARE(pointAt(w, "2026-03").value("denominator").toString(), QString("4"));
        QCOMPARE(valueAt(w, "2026-04"), QString("0.0000"));
        QCOMPARE(w.value("value").toString(), QString("0.6000"));
        QCOMPARE(w.value("numerator").toString(), QString("3"));
        QCOMPARE(w.value("denominator").toString(), QString("5"));
        // By value: US 1,000 + 2,000; UK 1,000 EUR × 0.85 × 1.25 = 1,062.50.
        QCOMPARE(w.value("extra").toObject().value("won_value").toString(), QString("4062.50"));
        QCOMPARE(w.value("extra").toObject().value("lost_value").toString(), QString("1300.00"));
        // US alone in March: 2 / 3.
        const QJsonObject us =
            get(*exec, "win_rate?from=2026-03&to=2026-03&entity=" + QString::number(m_us));
        QCOMPARE(us.value("value").toString(), QString("0.6667"));
        // By client, a ranking by closed deals: Acme's 2 of 4 first, `limit` of them.
        const QJsonObject clients =
            get(*exec, "win_rate?from=2026-03&to=2026-04&by=client&limit=1");
        QCOMPARE(clients.value("points").toArray().size(), 1);
        QCOMPARE(valueAt(clients, QString::number(m_acme)), QString("0.5000"));
        QCOMPARE(clients.value("value").toString(), QString("0.6000"));
        // A month without closed deals has no rate.
        const QJsonObject may = get(*exec, "win_rate?from=2026-05&to=2026-05");
        QVERIFY(may.value("value").isNull());
        QVERIFY(pointAt(may, "2026-05").value("value").isNull());

        // Drill-down: the won deals of March (numerator), all closed ones (denominator).
        QString total;
        QCOMPARE(
            records(*exec, "win_rate/records?from=2026-03&to=2026-04&key=2026-03", &total).size(),
            3);
        QCOMPARE(total, QString("3"));
        const QJsonArray closed = records(
            *exec, "win_rate/records?from=2026-03&to=2026-04&key=2026-03&part=denominator", &total);
        QCOMPARE(closed.size(), 4);
        QCOMPARE(total, QString("4"));

        // Losing one of the open deals counts it from then on.
        db::exec(m_db->sql(), "UPDATE opportunities SET is_open = false, stage_id = (SELECT id "
                              "FROM opportunity_stages WHERE code = 'LOST') WHERE stage_id = "
                              "(SELECT id FROM opportunity_stages WHERE code = 'NEGOTIATE')");
        db::exec(m_db->sql(),
                 "INSERT INTO opportunity_stage_history (opportunity_id, to_stage_id, "
                 "probability, changed_at) SELECT id, stage_id, 0, '2026-04-20T10:00:00Z' FROM "
                 "opportunities WHERE expected_value = 9000");
        const QJsonObject again = get(*exec, "win_rate?from=2026-03&to=2026-04");
        QCOMPARE(valueAt(again, "2026-04"), QString("0.0000"));
        QCOMPARE(pointAt(again, "2026-04").value("denominator").toString(), QString("2"));
        QCOMPARE(again.value("value").toString(), QString("0.5000"));
    }

    void weightedPipelineAndFunnel()
    {
        // Open: US PROPOSE 3,333.33 × 50 % = 1,666.665 and NEGOTIATE 1,000.00 × 33.33 % =
        // 333.30, both closing in March: 1,999.965 → 1,999.97 (rounded once); UK QUALIFY
        // 10,000.00 GBP × 10 % = 1,000.00 GBP × 1.25 = 1,250.00 USD in April; US DISCOVER 700.00
        // without an expected close (in the funnel, not in the weighted pipeline). Won and lost
        // deals are in neither.
        opportunity(m_us, m_acme, "PROPOSE", "50", "3333.33", "USD", "2026-03-31");
        opportunity(m_us, m_acme, "NEGOTIATE", "33.33", "1000", "USD", "2026-03-15");
        opportunity(m_uk, m_brit, "QUALIFY", "10", "10000", "GBP", "2026-04-20");
        opportunity(m_us, m_acme, "DISCOVER", "25", "700", "USD", nullptr);
        opportunity(m_us, m_acme, "WON", "100", "5000", "USD", "2026-03-01",
                    "2026-03-10T10:00:00Z");
        auto exec = login("exec");
        const QJsonObject w = get(*exec, "weighted_pipeline?from=2026-03&to=2026-05");
        QCOMPARE(valueAt(w, "2026-03"), QString("1999.97"));
        QCOMPARE(valueAt(w, "2026-04"), QString("1250.00"));
        QCOMPARE(valueAt(w, "2026-05"), QString("0.00"));
        QCOMPARE(w.value("value").toString(), QString("3249.97"));
        QCOMPARE(w.value("extra").toObject().value("count").toInt(), 3);
        // Without people there is no capacity; by month the pipeline is the "weighted" series.
        QCOMPARE(pointAt(w, "2026-03").value("series").toString(), QString("weighted"));
        QCOMPARE(w.value("extra").toObject().value("capacity").toString(), QString("0.00"));
        QString total;
        QCOMPARE(
            records(*exec, "weighted_pipeline/records?from=2026-03&to=2026-05&key=2026-03", &total)
                .size(),
            2);
        QCOMPARE(total, QString("1999.97"));

        // The funnel, now: every open stage in order, at full value.
        const QJsonObject f = get(*exec, "pipeline_funnel?to=2026-04");
        QCOMPARE(f.value("by").toString(), QString("stage"));
        const QJsonArray points = f.value("points").toArray();
        QCOMPARE(points.size(), 4);
        QCOMPARE(points.at(0).toObject().value("key").toString(), QString("QUALIFY"));
        QCOMPARE(points.at(0).toObject().value("value").toString(), QString("12500.00"));
        QCOMPARE(points.at(1).toObject().value("key").toString(), QString("DISCOVER"));
        QCOMPARE(points.at(1).toObject().value("value").toString(), QString("700.00"));
        QCOMPARE(points.at(2).toObject().value("value").toString(), QString("3333.33"));
        QCOMPARE(points.at(3).toObject().value("key").toString(), QString("NEGOTIATE"));
        QCOMPARE(points.at(3).toObject().value("value").toString(), QString("1000.00"));
        QCOMPARE(f.value("value").toString(), QString("17533.33"));
        const QJsonObject extra = f.value("extra").toObject();
        QCOMPARE(extra.value("count").toInt(), 4);
        QCOMPARE(extra.value("counts").toObject().value("PROPOSE").toInt(), 1);
        const QJsonArray propose =
            records(*exec, "pipeline_funnel/records?to=2026-04&key=PROPOSE", &total);
        QCOMPARE(propose.size(), 1);
        QCOMPARE(total, QString("3333.33"));
        records(*exec, "pipeline_funnel/records?to=2026-04", &total);
        QCOMPARE(total, QString("17533.33"));

        // Moving the DISCOVER deal on to PROPOSE moves its value between stages.
        db::exec(m_db->sql(), "UPDATE opportunities SET stage_id = (SELECT id FROM "
                              "opportunity_stages WHERE code = 'PROPOSE') WHERE expected_value = "
                              "700");
        const QJsonObject moved = get(*exec, "pipeline_funnel?to=2026-04");
        QCOMPARE(valueAt(moved, "DISCOVER"), QString("0.00"));
        QCOMPARE(valueAt(moved, "PROPOSE"), QString("4033.33"));
        QCOMPARE(moved.value("value").toString(), QString("17533.33"));
    }

    void capacityBesideTheWeightedPipeline()
    {
        // Pat (US, 40 h a week, bill rate 100.00 USD). March 2026 has 22 working days = 176 h,
        // less the holiday on Monday 2 March (8 h) = 168 h, less a hard assignment of 20 h a week
        // from 16 March (12 working days: 48 h) = 120 h → 12,000.00. April: 22 days = 176 h →
        // 17,600.00; a soft assignment in April holds nobody back. Ann (DE) is inactive.
        const qint64 pat =
            m_server->createUser("pat", "sales password", {{"consultant", "US"}}, "US");
        const qint64 ann =
            m_server->createUser("ann", "sales password", {{"consultant", "DE"}}, "DE");
        const QString employee = QStringLiteral(
            "INSERT INTO employees (user_id, legal_entity_id, country, practice_id, job_role_id, "
            "weekly_capacity_hours, bill_rate, bill_rate_currency, active) SELECT ?, ?, ?, ?, "
            "(SELECT id FROM job_roles WHERE code = 'CONSULTANT'), 40, ?::numeric, ?, ? "
            "RETURNING id");
        const qint64 patId = scalar(employee, {pat, m_us, "US", m_cloud, "100", "USD", true});
        scalar(employee, {ann, m_de, "DE", m_cloud, "80", "EUR", false});
        db::exec(m_db->sql(), "INSERT INTO holidays (country, date, name) VALUES ('US', "
                              "'2026-03-02', 'Founders day')");
        const qint64 project =
            scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                   "start_date, end_date, status) VALUES (?, ?, 'Lake', 'USD', '2026-01-01', "
                   "'2026-12-31', 'active') RETURNING id",
                   {m_us, m_acme});
        db::query(m_db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, '2026-03-16', '2026-03-31', 20, 'hard'), "
                  "(?, ?, '2026-04-01', '2026-04-30', 40, 'soft')",
                  {patId, project, patId, project});
        opportunity(m_us, m_acme, "PROPOSE", "50", "3333.33", "USD", "2026-03-31");

        auto exec = login("exec");
        const auto capacityAt = [](const QJsonObject &answer, const QString &month) {
            for (const QJsonValue &v : answer.value("points").toArray())
                if (v.toObject().value("series").toString() == "capacity" &&
                    v.toObject().value("key").toString() == month)
                    return v.toObject().value("value").toString();
            return QString();
        };
        const QJsonObject w = get(*exec, "weighted_pipeline?from=2026-03&to=2026-04");
        QCOMPARE(capacityAt(w, "2026-03"), QString("12000.00"));
        QCOMPARE(capacityAt(w, "2026-04"), QString("17600.00"));
        QCOMPARE(valueAt(w, "2026-03"), QString("1666.67")); // 3,333.33 × 50 %
        QCOMPARE(w.value("value").toString(), QString("1666.67"));
        QCOMPARE(w.value("extra").toObject().value("capacity").toString(), QString("29600.00"));

        // Three days of approved leave in April (24 h) lower it to 15,200.00.
        db::query(m_db->sql(),
                  "INSERT INTO employee_leave (employee_id, start_date, end_date, status) VALUES "
                  "(?, '2026-04-06', '2026-04-08', 'approved')",
                  {patId});
        QCOMPARE(capacityAt(get(*exec, "weighted_pipeline?from=2026-04&to=2026-04"), "2026-04"),
                 QString("15200.00"));
        // A client filter leaves capacity out (people have no client).
        const QJsonObject acme = get(*exec, "weighted_pipeline?from=2026-03&to=2026-04&client=" +
                                                QString::number(m_acme));
        QCOMPARE(acme.value("points").toArray().size(), 2);
    }

    void weekdaysAsKeelWeekdays()
    {
        // 0028's inlinable copy of 0010's working-day count agrees with it everywhere.
        QCOMPARE(scalar("SELECT count(*) FROM generate_series(DATE '2026-01-01', DATE "
                        "'2026-02-15', interval '1 day') a, generate_series(DATE '2025-12-20', "
                        "DATE '2026-04-01', interval '1 day') b WHERE keel_weekdays(a::date, "
                        "b::date) <> analytics_weekdays(a::date, b::date)"),
                 0);
        QCOMPARE(scalar("SELECT analytics_weekdays(DATE '2026-03-01', DATE '2026-03-31')"), 22);
    }

    void badFiltersAndScope()
    {
        contracts();
        opportunity(m_us, m_acme, "PROPOSE", "50", "3333.33", "USD", "2026-03-31");
        auto sam = login("sam"); // sales, US only
        // Sam sees the US: March bookings 13,500.13 in dollars.
        QCOMPARE(get(*sam, "bookings?from=2026-03&to=2026-03").value("value").toString(),
                 QString("13500.13"));
        QCOMPARE(sam->get(kApi + "bookings?entity=" + QString::number(m_uk)).status, 403);
        QCOMPARE(sam->get(kApi + "backlog/records?by=entity&key=UK").status, 422);

        QCOMPARE(sam->get(kApi + "bookings?by=stage").fieldCodes(), QString("by:invalid_choice"));
        QCOMPARE(sam->get(kApi + "win_rate?project=5").fieldCodes(),
                 QString("project:not_applicable"));
        QCOMPARE(sam->get(kApi + "bookings?person=5").fieldCodes(),
                 QString("person:not_applicable"));
        QCOMPARE(sam->get(kApi + "bookings?from=2026-13").fieldCodes(),
                 QString("from:invalid_month"));
        QCOMPARE(sam->get(kApi + "pipeline_funnel/records?key=WON").fieldCodes(),
                 QString("key:invalid_key"));
        QCOMPARE(sam->get(kApi + "bookings/records?after=nonsense").fieldCodes(),
                 QString("after:invalid_cursor"));
        // A contract in a currency without a rate into its entity's: named, not guessed.
        contract(m_us, m_acme, "JPY", "signed", "2026-03-09", "100000");
        const HttpResult noRate = sam->get(kApi + "bookings?from=2026-03&to=2026-03");
        QCOMPARE(noRate.fieldCodes(), QString("currency:no_fx_rate"));
        QVERIFY(noRate.body.contains("JPY"));
        QCOMPARE(sam->get(kApi + "bookings/records?from=2026-03&to=2026-03").status, 422);
        QCOMPARE(get(*sam, "bookings?from=2026-02&to=2026-02").value("value").toString(),
                 QString("5000.00")); // other months are unaffected
        auto amy = login("amy");
        QCOMPARE(amy->get(kApi + "bookings").status, 403);

        // Filters the metric has: practice and client.
        auto exec = login("exec");
        QCOMPARE(get(*exec, "bookings?from=2026-03&to=2026-03&client=" + QString::number(m_brit))
                     .value("value")
                     .toString(),
                 QString("2125.00"));
        QCOMPARE(
            get(*exec, "bookings?from=2026-03&to=2026-03&practice=" + QString::number(m_cloud + 1))
                .value("value")
                .toString(),
            QString("0.00"));
    }
};

QTEST_GUILESS_MAIN(AnalyticsSalesTest)
#include "tst_analytics_sales.moc"
