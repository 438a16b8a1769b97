// Sales figures (DESIGN.md section 8) against a small fixed data set with hand-computed values:
// weighted pipeline in two currencies, rounded once per figure; win rate with open deals
// excluded, by service line and by close month; bookings inside and outside the period (value
// at signature, drafts excluded); average sales cycle in days. Every figure's drill-down sums to
// the figure. Scope: a UK salesperson sees UK only, an executive everything.
#include "decimal.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
const QString kFig = QStringLiteral("/api/v1/crm/figures");

QString amount(const QJsonValue &money)
{
    return money.toObject().value("amount").toString();
}

// The row of `rows` whose fields match all of `keys`.
QJsonObject rowWith(const QJsonArray &rows, const QList<QPair<QString, QString>> &keys)
{
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        bool all = true;
        for (const auto &k : keys)
            all = all && o.value(k.first).toString() == k.second;
        if (all)
            return o;
    }
    return {};
}
} // namespace

class SalesFiguresTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_ukAccount = 0;
    qint64 m_deAccount = 0;

    qint64 account(const QString &entity, const QString &name)
    {
        QSqlQuery q = db::query(m_db->sql(),
                                "INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                                "billing_currency, tax_profile) SELECT id, ?, lower(?), 'GB', "
                                "'GBP', 'STANDARD' FROM legal_entities WHERE code = ? RETURNING id",
                                {name, name, entity});
        q.next();
        return q.value(0).toLongLong();
    }

    void login(HttpClient &http, const char *user)
    {
        if (http.login(QString::fromLatin1(user), QStringLiteral("figures password")).status != 200)
            qFatal("login failed for %s", user);
    }

    // Creates an opportunity through the API; returns its id.
    QString opportunity(HttpClient &http, const QString &name, const char *value,
                        const char *currency, const char *probability, const char *close,
                        const QStringList &serviceLines = {}, const char *entity = "UK")
    {
        QJsonObject body{
            {"account", QString::number(qstrcmp(entity, "UK") == 0 ? m_ukAccount : m_deAccount)},
            {"legal_entity", entity},
            {"name", name},
            {"stage", "DISCOVER"},
            {"probability", probability},
            {"expected_value", QJsonObject{{"amount", value}, {"currency", currency}}},
            {"service_lines", QJsonArray::fromStringList(serviceLines)}};
        if (close)
            body.insert("expected_close", close);
        const HttpResult r = http.post("/api/v1/crm/opportunities", body);
        if (r.status != 201)
            qFatal("opportunity %s: %d %s", qPrintable(name), r.status, r.body.constData());
        return r.json().value("id").toString();
    }

    // Moves an opportunity to WON or LOST through the API, then dates its creation and close
    // (the API stamps now(); the figures group by these dates).
    void close(HttpClient &http, const QString &id, bool won, const char *created,
               const char *closedAt)
    {
        QJsonObject body{{"stage", won ? "WON" : "LOST"}, {"version", 1}};
        if (!won)
            body.insert("loss_reason", "Price");
        const HttpResult r =
            http.post(QStringLiteral("/api/v1/crm/opportunities/%1/stage").arg(id), body);
        if (r.status != 200)
            qFatal("stage: %d %s", r.status, r.body.constData());
        db::query(m_db->sql(), "UPDATE opportunities SET created_at = ?::timestamptz WHERE id = ?",
                  {QString::fromLatin1(created), id.toLongLong()});
        db::query(m_db->sql(),
                  "UPDATE opportunity_stage_history h SET changed_at = ?::timestamptz FROM "
                  "opportunities o WHERE o.id = h.opportunity_id AND h.to_stage_id = o.stage_id "
                  "AND o.id = ?",
                  {QString::fromLatin1(closedAt), id.toLongLong()});
    }

    // Contracts straight into the table (status, number, signature date, value); `signedValue`
    // is version 1 as signed when the contract was amended since.
    void contract(const char *entity, const char *currency, const char *status,
                  const char *signature, const char *value, const char *signedValue = nullptr)
    {
        static int n = 0;
        ++n;
        const bool draft = qstrcmp(status, "draft") == 0;
        QSqlQuery q = db::query(
            m_db->sql(),
            "INSERT INTO contracts (legal_entity_id, account_id, number, title, currency, "
            "start_date, end_date, signature_date, status, total_value) SELECT e.id, ?, ?, ?, ?, "
            "DATE '2026-01-01', DATE '2026-12-31', ?::date, ?, ?::numeric FROM legal_entities e "
            "WHERE e.code = ? RETURNING id",
            {qstrcmp(entity, "UK") == 0 ? m_ukAccount : m_deAccount,
             draft ? QVariant(QMetaType::fromType<QString>())
                   : QVariant(QStringLiteral("SOW-%1").arg(n)),
             QStringLiteral("Contract %1").arg(n), QString::fromLatin1(currency),
             signature ? QVariant(QString::fromLatin1(signature))
                       : QVariant(QMetaType::fromType<QString>()),
             QString::fromLatin1(status), QString::fromLatin1(value), QString::fromLatin1(entity)});
        QVERIFY(q.next());
        if (signedValue)
            db::query(m_db->sql(),
                      "INSERT INTO contract_versions (contract_id, contract_version, total_value, "
                      "start_date, end_date, lines) VALUES (?, 1, ?::numeric, DATE '2026-01-01', "
                      "DATE '2026-12-31', '[]')",
                      {q.value(0).toLongLong(), QString::fromLatin1(signedValue)});
    }

    // Walks every page of a drill-down (limit 2) and returns all items.
    QJsonArray allRecords(HttpClient &http, const QString &url, QJsonObject *last = nullptr)
    {
        QJsonArray items;
        QString after;
        for (int pages = 0; pages < 50; ++pages) {
            const HttpResult r = http.get(url + QStringLiteral("&limit=2") +
                                          (after.isEmpty() ? QString() : "&after=" + after));
            if (r.status != 200)
                qFatal("%s: %d %s", qPrintable(url), r.status, r.body.constData());
            const QJsonObject page = r.json();
            for (const QJsonValue &v : page.value("items").toArray())
                items.append(v);
            if (last)
                *last = page;
            after = page.value("next_after").toString();
            if (after.isEmpty())
                break;
        }
        return items;
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        db::exec(m_db->sql(), "INSERT INTO service_lines (code, name) VALUES "
                              "('CLOUDMIG', 'Cloud migration'), ('DATAPLAT', 'Data platforms')");
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        const QString pw = QStringLiteral("figures password");
        m_server->createUser("sam", pw, {{"sales", "UK"}});
        m_server->createUser("dan", pw, {{"sales", "DE"}});
        m_server->createUser("exec", pw, {{"executive", QString()}});
        m_server->createUser("cora", pw, {{"consultant", QString()}});
        m_ukAccount = account("UK", "Acme Ltd");
        m_deAccount = account("DE", "Beispiel GmbH");
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void weightedPipelineTwoCurrencies()
    {
        HttpClient sam(m_server->baseUrl());
        login(sam, "sam");
        // GBP, March: 10000.00 × 25% = 2500.00; 3333.33 × 33.33% = 1110.998889; 0.05 × 50% =
        // 0.025. Σ = 3611.023889 → 3611.02 (rounding each line first would give 3611.03).
        opportunity(sam, "A", "10000.00", "GBP", "25", "2026-03-15", {"CLOUDMIG"});
        opportunity(sam, "B", "3333.33", "GBP", "33.33", "2026-03-20");
        opportunity(sam, "C", "0.05", "GBP", "50", "2026-03-31");
        // EUR: March 2000.00 × 75% = 1500.00; April 999.99 × 10% = 99.999 → 100.00.
        opportunity(sam, "D", "2000.00", "EUR", "75", "2026-03-10");
        opportunity(sam, "E", "999.99", "EUR", "10", "2026-04-01");
        // Not in the pipeline: won (closed), no expected close date.
        const QString won = opportunity(sam, "F", "5000.00", "GBP", "90", "2026-03-12");
        close(sam, won, true, "2026-01-01T10:00:00Z", "2026-02-01T10:00:00Z");
        opportunity(sam, "H", "1000.00", "GBP", "50", nullptr);
        // DE: not visible to the UK salesperson. 7000.00 × 10% = 700.00.
        HttpClient dan(m_server->baseUrl());
        login(dan, "dan");
        opportunity(dan, "G", "7000.00", "GBP", "10", "2026-03-01", {}, "DE");

        const HttpResult r = sam.get(kFig + "/weighted-pipeline");
        QCOMPARE(r.status, 200);
        const QJsonArray rows = r.json().value("rows").toArray();
        QCOMPARE(rows.size(), 3);
        QJsonObject gbp = rowWith(rows, {{"period", "2026-03"}, {"currency", "GBP"}});
        QCOMPARE(gbp.value("count").toInt(), 3);
        QCOMPARE(amount(gbp.value("value")), QStringLiteral("13333.38"));
        QCOMPARE(amount(gbp.value("weighted_value")), QStringLiteral("3611.02"));
        QCOMPARE(gbp.value("weighted_value").toObject().value("currency").toString(),
                 QStringLiteral("GBP"));
        const QJsonObject eurMar = rowWith(rows, {{"period", "2026-03"}, {"currency", "EUR"}});
        QCOMPARE(amount(eurMar.value("weighted_value")), QStringLiteral("1500.00"));
        const QJsonObject eurApr = rowWith(rows, {{"period", "2026-04"}, {"currency", "EUR"}});
        QCOMPARE(amount(eurApr.value("weighted_value")), QStringLiteral("100.00"));
        // Totals per currency, each rounded once: EUR 1500 + 99.999 = 1599.999 → 1600.00.
        const QJsonArray totals = r.json().value("totals").toArray();
        QCOMPARE(totals.size(), 2);
        QCOMPARE(amount(rowWith(totals, {{"currency", "EUR"}}).value("weighted_value")),
                 QStringLiteral("1600.00"));
        QCOMPARE(amount(rowWith(totals, {{"currency", "GBP"}}).value("weighted_value")),
                 QStringLiteral("3611.02"));

        // Filters: period range, service line.
        const QJsonArray april = sam.get(kFig + "/weighted-pipeline?from=2026-04&to=2026-04")
                                     .json()
                                     .value("rows")
                                     .toArray();
        QCOMPARE(april.size(), 1);
        QCOMPARE(april[0].toObject().value("currency").toString(), QStringLiteral("EUR"));
        const QJsonArray cloud = sam.get(kFig + "/weighted-pipeline?service_line=CLOUDMIG")
                                     .json()
                                     .value("rows")
                                     .toArray();
        QCOMPARE(cloud.size(), 1);
        QCOMPARE(amount(cloud[0].toObject().value("weighted_value")), QStringLiteral("2500.00"));

        // Drill-down: the records of the GBP March figure sum (exactly, then rounded once) to it.
        QJsonObject lastPage;
        const QJsonArray records = allRecords(
            sam, kFig + "/weighted-pipeline/records?period=2026-03&currency=GBP", &lastPage);
        QCOMPARE(records.size(), 3);
        Decimal exact;
        for (const QJsonValue &v : records)
            exact =
                exact.add(*Decimal::parse(v.toObject().value("weighted_value_exact").toString()))
                    .valueOr(Decimal());
        QCOMPARE(exact.toString(), QStringLiteral("3611.023889"));
        QCOMPARE(exact.rounded(2).toString(2), amount(gbp.value("weighted_value")));
        QCOMPARE(amount(lastPage.value("totals").toArray()[0].toObject().value("weighted_value")),
                 amount(gbp.value("weighted_value")));

        // The executive sees DE too: GBP March 3611.023889 + 700 = 4311.02, 4 deals.
        HttpClient exec(m_server->baseUrl());
        login(exec, "exec");
        gbp = rowWith(exec.get(kFig + "/weighted-pipeline").json().value("rows").toArray(),
                      {{"period", "2026-03"}, {"currency", "GBP"}});
        QCOMPARE(gbp.value("count").toInt(), 4);
        QCOMPARE(amount(gbp.value("weighted_value")), QStringLiteral("4311.02"));
        const QJsonArray de =
            exec.get(kFig + "/weighted-pipeline?entity=DE").json().value("rows").toArray();
        QCOMPARE(de.size(), 1);
        QCOMPARE(amount(de[0].toObject().value("weighted_value")), QStringLiteral("700.00"));
    }

    void winRateExcludesOpenDeals()
    {
        HttpClient sam(m_server->baseUrl());
        login(sam, "sam");
        const QString w1 =
            opportunity(sam, "W1", "100.00", "GBP", "50", "2026-01-31", {"CLOUDMIG"});
        const QString w2 =
            opportunity(sam, "W2", "100.00", "GBP", "50", "2026-02-28", {"CLOUDMIG", "DATAPLAT"});
        const QString w3 = opportunity(sam, "W3", "100.00", "GBP", "50", "2026-02-28");
        const QString l1 =
            opportunity(sam, "L1", "100.00", "GBP", "50", "2026-01-31", {"CLOUDMIG"});
        const QString l2 =
            opportunity(sam, "L2", "100.00", "GBP", "50", "2026-02-28", {"DATAPLAT"});
        // Open deals never count, whatever their service line.
        opportunity(sam, "O1", "100.00", "GBP", "50", "2026-02-28", {"CLOUDMIG"});
        opportunity(sam, "O2", "100.00", "GBP", "50", "2026-02-28", {"DATAPLAT"});
        close(sam, w1, true, "2025-12-01T09:00:00Z", "2026-01-11T09:00:00Z");
        close(sam, l1, false, "2025-12-01T09:00:00Z", "2026-01-20T09:00:00Z");
        close(sam, w2, true, "2026-01-01T09:00:00Z", "2026-02-10T09:00:00Z");
        close(sam, l2, false, "2026-01-01T09:00:00Z", "2026-02-11T09:00:00Z");
        close(sam, w3, true, "2026-02-02T09:00:00Z", "2026-02-15T09:00:00Z");

        // By service line: CLOUDMIG 2 won / 1 lost; DATAPLAT 1 / 1; none: W3 alone.
        HttpResult r = sam.get(kFig + "/win-rate/by-service-line");
        QCOMPARE(r.status, 200);
        QJsonArray rows = r.json().value("rows").toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonObject cloud = rowWith(rows, {{"service_line", "CLOUDMIG"}});
        QCOMPARE(cloud.value("won").toInt(), 2);
        QCOMPARE(cloud.value("lost").toInt(), 1);
        QCOMPARE(cloud.value("win_rate").toString(), QStringLiteral("0.6667"));
        QCOMPARE(rowWith(rows, {{"service_line", "DATAPLAT"}}).value("win_rate").toString(),
                 QStringLiteral("0.5000"));
        QVERIFY(rows[2].toObject().value("service_line").isNull());
        QCOMPARE(rows[2].toObject().value("win_rate").toString(), QStringLiteral("1.0000"));
        // Each deal once in the total: 3 won, 2 lost.
        QCOMPARE(r.json().value("total").toObject().value("win_rate").toString(),
                 QStringLiteral("0.6000"));

        // By close month: January 1/2, February 2/3.
        rows = sam.get(kFig + "/win-rate/by-period").json().value("rows").toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rowWith(rows, {{"period", "2026-01"}}).value("win_rate").toString(),
                 QStringLiteral("0.5000"));
        QCOMPARE(rowWith(rows, {{"period", "2026-02"}}).value("win_rate").toString(),
                 QStringLiteral("0.6667"));
        rows = sam.get(kFig + "/win-rate/by-period?from=2026-02").json().value("rows").toArray();
        QCOMPARE(rows.size(), 1);

        // Drill-down: the CLOUDMIG records are the two won and one lost deal.
        QJsonObject last;
        const QJsonArray records =
            allRecords(sam, kFig + "/win-rate/records?service_line=CLOUDMIG", &last);
        QStringList outcomes;
        for (const QJsonValue &v : records)
            outcomes << v.toObject().value("outcome").toString();
        outcomes.sort();
        QCOMPARE(outcomes, (QStringList{"lost", "won", "won"}));
        QCOMPARE(last.value("total").toObject().value("win_rate").toString(),
                 cloud.value("win_rate").toString());
        // "none": deals without a service line.
        const QJsonArray none = allRecords(sam, kFig + "/win-rate/records?service_line=none");
        QCOMPARE(none.size(), 1);
        QCOMPARE(none[0].toObject().value("id").toString(), w3);

        // Nothing closed in the range: no rate rather than 0.
        r = sam.get(kFig + "/win-rate/by-period?from=2027-01");
        QCOMPARE(r.json().value("rows").toArray().size(), 0);
        QVERIFY(r.json().value("total").toObject().value("win_rate").isNull());

        // Sales cycle of the won deals: W1 41 days (January); W2 40 and W3 13 (February: 26.5).
        r = sam.get(kFig + "/sales-cycle");
        QCOMPARE(r.status, 200);
        rows = r.json().value("rows").toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rowWith(rows, {{"period", "2026-01"}}).value("average_days").toString(),
                 QStringLiteral("41.0"));
        const QJsonObject feb = rowWith(rows, {{"period", "2026-02"}});
        QCOMPARE(feb.value("won").toInt(), 2);
        QCOMPARE(feb.value("total_days").toInt(), 53);
        QCOMPARE(feb.value("average_days").toString(), QStringLiteral("26.5"));
        QCOMPARE(r.json().value("total").toObject().value("average_days").toString(),
                 QStringLiteral("31.3")); // 94 / 3
        const QJsonArray cycle = allRecords(sam, kFig + "/sales-cycle/records?period=2026-02");
        int days = 0;
        for (const QJsonValue &v : cycle)
            days += v.toObject().value("days").toInt();
        QCOMPARE(cycle.size(), feb.value("won").toInt());
        QCOMPARE(days, feb.value("total_days").toInt());
    }

    void bookingsInAndOutOfThePeriod()
    {
        contract("UK", "GBP", "signed", "2026-03-05", "12000.5000");
        contract("UK", "GBP", "completed", "2026-03-31", "1000.1250");
        contract("UK", "GBP", "amended", "2026-03-20", "2500.0000", "2000.0000"); // books 2000
        contract("UK", "EUR", "signed", "2026-03-15", "500.0000");
        contract("UK", "GBP", "signed", "2026-04-01", "800.0000"); // after the period
        contract("UK", "GBP", "signed", "2026-02-28", "300.0000"); // before the period
        contract("UK", "GBP", "draft", nullptr, "999.0000");       // not signed
        contract("DE", "EUR", "signed", "2026-03-10", "700.0000"); // another entity

        HttpClient sam(m_server->baseUrl());
        login(sam, "sam");
        const HttpResult r = sam.get(kFig + "/bookings?from=2026-03&to=2026-03");
        QCOMPARE(r.status, 200);
        const QJsonArray rows = r.json().value("rows").toArray();
        QCOMPARE(rows.size(), 2);
        // 12000.50 + 1000.125 + 2000.00 = 15000.625 → 15000.63, rounded once.
        const QJsonObject gbp = rowWith(rows, {{"currency", "GBP"}});
        QCOMPARE(gbp.value("period").toString(), QStringLiteral("2026-03"));
        QCOMPARE(gbp.value("legal_entity").toString(), QStringLiteral("UK"));
        QCOMPARE(gbp.value("count").toInt(), 3);
        QCOMPARE(amount(gbp.value("value")), QStringLiteral("15000.63"));
        QCOMPARE(amount(rowWith(rows, {{"currency", "EUR"}}).value("value")),
                 QStringLiteral("500.00"));
        // Without a range: February and April too.
        const QJsonArray all = sam.get(kFig + "/bookings").json().value("rows").toArray();
        QCOMPARE(all.size(), 4);
        QCOMPARE(amount(rowWith(all, {{"period", "2026-04"}}).value("value")),
                 QStringLiteral("800.00"));

        // Drill-down sums to the figure.
        QJsonObject last;
        const QJsonArray records =
            allRecords(sam, kFig + "/bookings/records?period=2026-03&currency=GBP", &last);
        QCOMPARE(records.size(), 3);
        Decimal sum;
        for (const QJsonValue &v : records)
            sum = sum.add(*Decimal::parse(amount(v.toObject().value("value")))).valueOr(Decimal());
        QCOMPARE(sum.rounded(2).toString(2), amount(gbp.value("value")));
        QCOMPARE(amount(last.value("totals").toArray()[0].toObject().value("value")),
                 amount(gbp.value("value")));

        // Scope: the executive sees DE; the UK salesperson may not ask for it.
        HttpClient exec(m_server->baseUrl());
        login(exec, "exec");
        const QJsonArray de = exec.get(kFig + "/bookings?entity=DE").json().value("rows").toArray();
        QCOMPARE(de.size(), 1);
        QCOMPARE(amount(de[0].toObject().value("value")), QStringLiteral("700.00"));
        QCOMPARE(sam.get(kFig + "/bookings?entity=DE").status, 403);
    }

    void badRequestsAndAccess()
    {
        HttpClient sam(m_server->baseUrl());
        login(sam, "sam");
        QCOMPARE(sam.get(kFig + "/bookings?from=2026-13").fieldCodes(),
                 QStringLiteral("from:invalid_value"));
        QCOMPARE(sam.get(kFig + "/bookings?from=2026-05&to=2026-04").fieldCodes(),
                 QStringLiteral("to:invalid_value"));
        QCOMPARE(sam.get(kFig + "/weighted-pipeline?entity=XX").fieldCodes(),
                 QStringLiteral("entity:unknown"));
        QCOMPARE(sam.get(kFig + "/win-rate/by-service-line?service_line=NOPE").fieldCodes(),
                 QStringLiteral("service_line:unknown"));
        QCOMPARE(sam.get(kFig + "/sales-cycle?practice=NOPE").fieldCodes(),
                 QStringLiteral("practice:unknown"));
        QCOMPARE(sam.get(kFig + "/weighted-pipeline/records?currency=gbp").fieldCodes(),
                 QStringLiteral("currency:invalid_value"));
        QCOMPARE(sam.get(kFig + "/bookings/records?limit=0").status, 422);
        HttpClient cora(m_server->baseUrl());
        login(cora, "cora");
        QCOMPARE(cora.get(kFig + "/weighted-pipeline").status, 403);
        HttpClient anonymous(m_server->baseUrl());
        QCOMPARE(anonymous.get(kFig + "/bookings").status, 401);
    }
};

QTEST_GUILESS_MAIN(SalesFiguresTest)
#include "tst_sales_figures.moc"
