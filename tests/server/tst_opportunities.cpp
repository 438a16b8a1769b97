// Opportunities: stage rules (unknown stage 422, LOST needs a reason, stale version 412), stage
// history with who and when, and the pipeline list's filters, sort and keyset paging.
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

class OpportunitiesTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_account = 0;
    qint64 m_sam = 0;

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

    QJsonObject opp(const QString &name, const char *amount, const char *close,
                    const char *entity = "UK")
    {
        return {{"account", QString::number(m_account)},
                {"legal_entity", entity},
                {"name", name},
                {"expected_value", QJsonObject{{"amount", amount}, {"currency", "GBP"}}},
                {"expected_close", close}};
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_sam = m_server->createUser("sam", "sales password", {{"sales", "UK"}});
        m_server->createUser("dan", "sales password", {{"sales", "DE"}});
        m_account = account("UK", "Acme Ltd");
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void stageRulesAndHistory()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login("sam", "sales password").status, 200);
        const HttpResult created = http.post("/api/v1/crm/opportunities",
                                             opp("Cloud migration", "120000.00", "2026-09-30"));
        QCOMPARE(created.status, 201);
        const QJsonObject o = created.json();
        const QString id = o.value("id").toString();
        QCOMPARE(o.value("stage").toString(), QStringLiteral("QUALIFY"));
        QCOMPARE(o.value("probability").toString(), QStringLiteral("10"));
        QCOMPARE(o.value("owner").toString(), QString::number(m_sam));
        const QString stage = QStringLiteral("/api/v1/crm/opportunities/%1/stage").arg(id);

        QCOMPARE(http.post(stage, {{"stage", "DREAMING"}, {"version", 1}}).fieldCodes(),
                 QStringLiteral("stage:unknown"));
        QCOMPARE(http.post(stage, {{"stage", "LOST"}, {"version", 1}}).fieldCodes(),
                 QStringLiteral("loss_reason:required"));
        const HttpResult moved = http.post(stage, {{"stage", "PROPOSE"}, {"version", 1}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json().value("probability").toString(), QStringLiteral("50"));
        QCOMPARE(moved.json().value("version").toInt(), 2);
        QCOMPARE(http.post(stage, {{"stage", "NEGOTIATE"}, {"version", 1}}).status, 412);
        const HttpResult overridden =
            http.post(stage, {{"stage", "NEGOTIATE"}, {"version", 2}, {"probability", "60"}});
        QCOMPARE(overridden.json().value("probability").toString(), QStringLiteral("60"));
        const HttpResult lost = http.post(
            stage, {{"stage", "LOST"}, {"version", 3}, {"loss_reason", "Price too high"}});
        QCOMPARE(lost.status, 200);
        QCOMPARE(lost.json().value("is_open").toBool(), false);
        QCOMPARE(lost.json().value("loss_reason").toString(), QStringLiteral("Price too high"));

        const QJsonArray history =
            http.get(QStringLiteral("/api/v1/crm/opportunities/%1/stage-history").arg(id))
                .json()
                .value("items")
                .toArray();
        QCOMPARE(history.size(), 4);
        QVERIFY(history[0].toObject().value("from_stage").isNull());
        QCOMPARE(history[1].toObject().value("from_stage").toString(), QStringLiteral("QUALIFY"));
        QCOMPARE(history[1].toObject().value("to_stage").toString(), QStringLiteral("PROPOSE"));
        QCOMPARE(history[3].toObject().value("to_stage").toString(), QStringLiteral("LOST"));
        QCOMPARE(history[3].toObject().value("loss_reason").toString(),
                 QStringLiteral("Price too high"));
        QCOMPARE(history[3].toObject().value("changed_by").toString(), QString::number(m_sam));
        QVERIFY(!history[3].toObject().value("changed_at").toString().isEmpty());

        // Another entity's salesperson does not see it.
        HttpClient dan(m_server->baseUrl());
        QCOMPARE(dan.login("dan", "sales password").status, 200);
        QCOMPARE(dan.get(QStringLiteral("/api/v1/crm/opportunities/%1").arg(id)).status, 404);
        QCOMPARE(
            dan.post("/api/v1/crm/opportunities", opp("Not mine", "1.00", "2026-01-01")).status,
            403);
    }

    void listFiltersSortAndPages()
    {
        HttpClient http(m_server->baseUrl());
        QCOMPARE(http.login("sam", "sales password").status, 200);
        // 7 opportunities; two share a value so the id breaks the tie.
        const char *values[] = {"500.00", "100.00", "300.00", "300.00",
                                "700.00", "200.00", "600.00"};
        QStringList ids;
        for (int i = 0; i < 7; ++i) {
            const HttpResult r =
                http.post("/api/v1/crm/opportunities",
                          opp(QStringLiteral("Deal %1").arg(i), values[i],
                              qPrintable(QStringLiteral("2026-0%1-15").arg(i + 1))));
            QCOMPARE(r.status, 201);
            ids << r.json().value("id").toString();
        }
        // Deal 4 lost: open_only hides it.
        QCOMPARE(http.post(QStringLiteral("/api/v1/crm/opportunities/%1/stage").arg(ids[4]),
                           {{"stage", "LOST"}, {"version", 1}, {"loss_reason", "No budget"}})
                     .status,
                 200);

        QStringList seen;
        QString after;
        int pages = 0;
        do {
            QString url = "/api/v1/crm/opportunities?sort=value&dir=desc&limit=2&open_only=true";
            if (!after.isEmpty())
                url += "&after=" + after;
            const QJsonObject page = http.get(url).json();
            for (const QJsonValue &v : page.value("items").toArray())
                seen << v.toObject().value("name").toString();
            after = page.value("next_after").toString();
            ++pages;
        } while (!after.isEmpty() && pages < 10);
        QCOMPARE(seen, (QStringList{"Deal 6", "Deal 0", "Deal 3", "Deal 2", "Deal 5", "Deal 1"}));

        // Close-date window, ascending by close date, across pages of one.
        seen.clear();
        after.clear();
        pages = 0;
        do {
            QString url =
                "/api/v1/crm/opportunities?close_from=2026-02-01&close_to=2026-05-31&limit=1";
            if (!after.isEmpty())
                url += "&after=" + after;
            const QJsonObject page = http.get(url).json();
            for (const QJsonValue &v : page.value("items").toArray())
                seen << v.toObject().value("name").toString();
            after = page.value("next_after").toString();
            ++pages;
        } while (!after.isEmpty() && pages < 10);
        QCOMPARE(seen, (QStringList{"Deal 1", "Deal 2", "Deal 3", "Deal 4"}));

        QCOMPARE(
            http.get("/api/v1/crm/opportunities?stage=LOST").json().value("items").toArray().size(),
            1);
        QCOMPARE(
            http.get("/api/v1/crm/opportunities?q=deal%205").json().value("items").toArray().size(),
            1);
        QCOMPARE(http.get("/api/v1/crm/opportunities?sort=colour").status, 422);

        // The account 360° view lists one account's opportunities.
        const qint64 other = account("UK", "Other Ltd");
        QCOMPARE(
            http.get(QStringLiteral("/api/v1/crm/opportunities?limit=50&account=%1").arg(m_account))
                .json()
                .value("items")
                .toArray()
                .size(),
            7);
        QCOMPARE(http.get(QStringLiteral("/api/v1/crm/opportunities?account=%1").arg(other))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        const HttpResult badAccount = http.get("/api/v1/crm/opportunities?account=acme");
        QCOMPARE(badAccount.status, 422);
        QCOMPARE(badAccount.fieldCodes(), QStringLiteral("account:invalid_value"));

        // Board: counts and weighted value per stage (QUALIFY 10%: 2400.00 open → 240.00).
        const QJsonArray stages =
            http.get("/api/v1/crm/pipeline/board").json().value("stages").toArray();
        QCOMPARE(stages[0].toObject().value("stage").toString(), QStringLiteral("QUALIFY"));
        QCOMPARE(stages[0].toObject().value("count").toInt(), 6);
        const QJsonObject totals = stages[0].toObject().value("totals").toArray()[0].toObject();
        QCOMPARE(totals.value("value").toObject().value("amount").toString(),
                 QStringLiteral("2000.00"));
        QCOMPARE(totals.value("weighted_value").toObject().value("amount").toString(),
                 QStringLiteral("200.00"));
        QCOMPARE(stages[5].toObject().value("stage").toString(), QStringLiteral("LOST"));
        QCOMPARE(stages[5].toObject().value("count").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(OpportunitiesTest)
#include "tst_opportunities.moc"
