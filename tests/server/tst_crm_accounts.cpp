#include "crm/account_store.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace keel;
using namespace keel::test;

// Accounts: duplicates, merge, hierarchy, versions, validation and entity scoping, through the
// real server and HTTP.
class CrmAccountsTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

    int count(const QString &sql)
    {
        QSqlQuery q = db::exec(m_db->sql(), sql);
        q.next();
        return q.value(0).toInt();
    }

    void login(HttpClient &http, const QString &user)
    {
        if (http.login(user, QStringLiteral("password ") + user).status != 200)
            qFatal("login failed");
    }

    static QJsonObject account(const QString &name, const QString &entity = QStringLiteral("US"),
                               const QString &domain = {})
    {
        QJsonObject o{
            {"name", name},
            {"legal_entity", entity},
            {"country", entity == QLatin1String("UK") ? "GB" : entity},
            {"billing_currency", entity == QLatin1String("UK") ? "GBP" : "USD"},
            {"payment_terms_days", 30},
            {"tax_profile", entity == QLatin1String("UK") ? "UK_VAT_STANDARD" : "US_EXEMPT"}};
        if (!domain.isEmpty())
            o.insert("domain", domain);
        return o;
    }

    QString create(HttpClient &http, const QJsonObject &body)
    {
        const HttpResult r = http.post(QStringLiteral("/api/v1/crm/accounts"), body);
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return r.json().value("id").toString();
    }

private Q_SLOTS:
    void init()
    {
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        m_server->createUser("sales_us", "password sales_us", {{"sales", "US"}}, "US");
        m_server->createUser("sales_uk", "password sales_uk", {{"sales", "UK"}});
        m_server->createUser("exec", "password exec", {{"executive", QString()}});
        m_server->createUser("consultant", "password consultant", {{"consultant", QString()}});
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void createsAndReadsAnAccount()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        QJsonObject body = account("Acme Corporation", "US", "https://www.Acme.com/about");
        body.remove("legal_entity"); // one entity in scope: it is the default
        const HttpResult r = http.post("/api/v1/crm/accounts", body);
        QCOMPARE(r.status, 201);
        const QJsonObject a = r.json();
        QCOMPARE(a.value("legal_entity").toString(), QStringLiteral("US"));
        QCOMPARE(a.value("domain").toString(), QStringLiteral("acme.com"));
        QCOMPARE(a.value("billing_currency").toString(), QStringLiteral("USD"));
        QCOMPARE(a.value("payment_terms_days").toInt(), 30);
        QCOMPARE(a.value("version").toInt(), 1);
        QCOMPARE(a.value("owner_name").toString(), QStringLiteral("sales_us"));
        const HttpResult got = http.get("/api/v1/crm/accounts/" + a.value("id").toString());
        QCOMPARE(got.status, 200);
        QVERIFY(got.json().value("contacts").isArray());
        QVERIFY(got.json().value("children").isArray());
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE action = 'account.create'"), 1);
        // Without SalesUse: 403.
        HttpClient consultant(m_server->baseUrl());
        login(consultant, "consultant");
        QCOMPARE(consultant.get("/api/v1/crm/accounts").status, 403);
    }

    void duplicateByNameAnswers409WithCandidatesAndWritesNothing()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString first = create(http, account("Acme, Inc.", "US", "acme.com"));
        QVERIFY(!first.isEmpty());
        const int audits = count("SELECT count(*) FROM audit_log");
        const HttpResult dup = http.post("/api/v1/crm/accounts", account("ACME LLC"));
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonArray candidates = dup.json().value("candidates").toArray();
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates[0].toObject().value("id").toString(), first);
        QCOMPARE(candidates[0].toObject().value("match").toString(), QStringLiteral("name"));
        QCOMPARE(candidates[0].toObject().value("domain").toString(), QStringLiteral("acme.com"));
        QCOMPARE(count("SELECT count(*) FROM accounts"), 1);
        QCOMPARE(count("SELECT count(*) FROM audit_log"), audits);

        // The user confirms: created, and the audit notes what was overridden.
        QJsonObject confirmed = account("ACME LLC");
        confirmed.insert("confirm_duplicate", true);
        QVERIFY(!create(http, confirmed).isEmpty());
        QCOMPARE(count("SELECT count(*) FROM accounts"), 2);
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE action = 'account.create' AND "
                       "after ? 'confirmed_despite_candidates'"),
                 1);
    }

    void duplicateByDomainAnswers409()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString first = create(http, account("Globex", "US", "globex.com"));
        const HttpResult dup =
            http.post("/api/v1/crm/accounts",
                      account("Globex Holdings Group", "US", "http://WWW.globex.com/"));
        QCOMPARE(dup.status, 409);
        const QJsonArray candidates = dup.json().value("candidates").toArray();
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates[0].toObject().value("id").toString(), first);
        QCOMPARE(candidates[0].toObject().value("match").toString(), QStringLiteral("domain"));
        QCOMPARE(count("SELECT count(*) FROM accounts"), 1);
        // A different name and domain is no duplicate.
        QVERIFY(!create(http, account("Initech", "US", "initech.com")).isEmpty());
    }

    void unknownCurrencyOrCountryIs422WithTheField()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        QJsonObject body = account("Umbrella");
        body.insert("billing_currency", "XYZ");
        body.insert("country", "UK"); // ISO 3166 says GB
        body.insert("tax_profile", "MOON_TAX");
        const HttpResult r = http.post("/api/v1/crm/accounts", body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(),
                 QStringLiteral("country:unknown,billing_currency:unknown,tax_profile:unknown"));
        QCOMPARE(count("SELECT count(*) FROM accounts"), 0);
    }

    void billingAddressAndTaxIdAreReadWrittenAndCleared()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_uk");
        QJsonObject body = account("Brightwell Retail", "UK");
        body.insert("billing_address", "  12 Fenchurch Street\nLondon EC3M 3BY\nUnited Kingdom  ");
        body.insert("tax_id", " GB 987 6543 21 ");
        const HttpResult r = http.post("/api/v1/crm/accounts", body);
        QCOMPARE(r.status, 201);
        // Trimmed, the lines kept.
        QCOMPARE(r.json().value("billing_address").toString(),
                 QStringLiteral("12 Fenchurch Street\nLondon EC3M 3BY\nUnited Kingdom"));
        QCOMPARE(r.json().value("tax_id").toString(), QStringLiteral("GB 987 6543 21"));
        const QString id = r.json().value("id").toString();
        const QJsonObject listed = http.get("/api/v1/crm/accounts").json()["items"][0].toObject();
        QCOMPARE(listed.value("tax_id").toString(), QStringLiteral("GB 987 6543 21"));

        // Too long: 422 naming both fields, nothing written.
        const HttpResult bad =
            http.send("PUT", "/api/v1/crm/accounts/" + id,
                      QJsonDocument(QJsonObject{{"billing_address", QString(501, u'x')},
                                                {"tax_id", QString(41, u'9')},
                                                {"version", 1}})
                          .toJson());
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.fieldCodes(), QStringLiteral("billing_address:too_long,tax_id:too_long"));

        // A new address replaces the old; null clears the tax id (stored as NULL, not '').
        const HttpResult moved = http.send(
            "PUT", "/api/v1/crm/accounts/" + id,
            R"({"billing_address":"1 Canada Square\nLondon E14 5AB","tax_id":null,"version":1})");
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json().value("billing_address").toString(),
                 QStringLiteral("1 Canada Square\nLondon E14 5AB"));
        QVERIFY(moved.json().value("tax_id").isNull());
        QCOMPARE(count("SELECT count(*) FROM accounts WHERE tax_id IS NULL AND billing_address = "
                       "'1 Canada Square' || chr(10) || 'London E14 5AB'"),
                 1);
        // Absent keeps what is there.
        const HttpResult kept = http.send("PUT", "/api/v1/crm/accounts/" + id,
                                          R"({"payment_terms_days":14,"version":2})");
        QCOMPARE(kept.status, 200);
        QCOMPARE(kept.json().value("billing_address").toString(),
                 QStringLiteral("1 Canada Square\nLondon E14 5AB"));
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE action = 'account.update'"), 2);
    }

    void salesUserOfUsCannotSeeUkAccounts()
    {
        HttpClient uk(m_server->baseUrl());
        login(uk, "sales_uk");
        const QString ukId = create(uk, account("Tesco plc", "UK"));
        QVERIFY(!ukId.isEmpty());
        HttpClient us(m_server->baseUrl());
        login(us, "sales_us");
        // 404, not 403: a 403 would confirm that the UK entity has this client.
        QCOMPARE(us.get("/api/v1/crm/accounts/" + ukId).status, 404);
        QCOMPARE(
            us.send("PUT", "/api/v1/crm/accounts/" + ukId, R"({"name":"Mine now","version":1})")
                .status,
            404);
        QCOMPARE(us.get("/api/v1/crm/accounts").json().value("items").toArray().size(), 0);
        // Creating in an entity outside the grants is refused.
        QCOMPARE(us.post("/api/v1/crm/accounts", account("Sainsbury", "UK")).status, 403);
        // Nor does the duplicate check reveal the UK account to a US user.
        QCOMPARE(us.post("/api/v1/crm/accounts", account("Tesco")).status, 201);
        HttpClient exec(m_server->baseUrl());
        login(exec, "exec");
        QCOMPARE(exec.get("/api/v1/crm/accounts/" + ukId).status, 200);
        QCOMPARE(exec.get("/api/v1/crm/accounts").json().value("items").toArray().size(), 2);
    }

    void staleVersionIs412()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString id = create(http, account("Hooli"));
        const HttpResult ok = http.send("PUT", "/api/v1/crm/accounts/" + id,
                                        R"({"payment_terms_days":45,"version":1})");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value("payment_terms_days").toInt(), 45);
        QCOMPARE(ok.json().value("version").toInt(), 2);
        QCOMPARE(ok.json().value("name").toString(), QStringLiteral("Hooli")); // untouched
        const HttpResult stale = http.send("PUT", "/api/v1/crm/accounts/" + id,
                                           R"({"payment_terms_days":60,"version":1})");
        QCOMPARE(stale.status, 412);
        QCOMPARE(count("SELECT payment_terms_days FROM accounts"), 45);
    }

    void hierarchyCycleIs422()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString group = create(http, account("Group Holding"));
        QJsonObject sub = account("Subsidiary One");
        sub.insert("parent_id", group);
        const QString child = create(http, sub);
        QJsonObject subsub = account("Sub Sub");
        subsub.insert("parent_id", child);
        const QString grandchild = create(http, subsub);
        QVERIFY(!grandchild.isEmpty());

        const HttpResult cycle = http.send(
            "PUT", "/api/v1/crm/accounts/" + group,
            QJsonDocument(QJsonObject{{"parent_id", grandchild}, {"version", 1}}).toJson());
        QCOMPARE(cycle.status, 422);
        QCOMPARE(cycle.fieldCodes(), QStringLiteral("parent_id:cycle"));
        const HttpResult self =
            http.send("PUT", "/api/v1/crm/accounts/" + group,
                      QJsonDocument(QJsonObject{{"parent_id", group}, {"version", 1}}).toJson());
        QCOMPARE(self.fieldCodes(), QStringLiteral("parent_id:cycle"));
        QCOMPARE(count("SELECT count(*) FROM accounts WHERE parent_id IS NULL"), 1);

        const HttpResult detail = http.get("/api/v1/crm/accounts/" + group);
        QCOMPARE(detail.json().value("children").toArray().size(), 1);
        QCOMPARE(
            http.get("/api/v1/crm/accounts?parent=" + child).json().value("items").toArray().size(),
            1);
    }

    void mergeMovesEverythingAndIsAudited()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString survivor = create(http, account("Wayne Enterprises", "US", "wayne.com"));
        QJsonObject dupBody = account("Wayne Enterprises Inc");
        dupBody.insert("confirm_duplicate", true);
        const QString merged = create(http, dupBody);
        QJsonObject childBody = account("Wayne Foundation");
        childBody.insert("parent_id", merged);
        const QString child = create(http, childBody);
        const HttpResult contact = http.post(
            "/api/v1/crm/contacts",
            {{"account_id", merged}, {"name", "Lucius Fox"}, {"email", "lucius@wayne.com"}});
        QCOMPARE(contact.status, 201);
        const HttpResult activity =
            http.post("/api/v1/crm/activities", {{"account_id", merged},
                                                 {"kind", "task"},
                                                 {"subject", "Send proposal"},
                                                 {"due_date", "2026-12-01"}});
        QCOMPARE(activity.status, 201);

        const QString mergeUrl = "/api/v1/crm/accounts/" + merged + "/merge";
        QCOMPARE(http.post(mergeUrl, {{"survivor_id", merged}, {"version", 1}}).status, 422);
        QCOMPARE(http.post(mergeUrl, {{"survivor_id", survivor}, {"version", 7}}).status, 412);
        const HttpResult r = http.post(mergeUrl, {{"survivor_id", survivor}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("merged").toObject().value("merged_into").toString(), survivor);
        QCOMPARE(r.json().value("moved").toObject().value("contacts.account_id").toInt(), 1);

        const auto idOf = [this](const QString &sql, const QString &id) {
            QSqlQuery q = db::query(m_db->sql(), sql, {id.toLongLong()});
            q.next();
            return q.value(0).toString();
        };
        QCOMPARE(idOf("SELECT account_id FROM contacts WHERE id = ?",
                      contact.json().value("id").toString()),
                 survivor);
        QCOMPARE(idOf("SELECT account_id FROM activities WHERE id = ?",
                      activity.json().value("id").toString()),
                 survivor);
        QCOMPARE(idOf("SELECT parent_id FROM accounts WHERE id = ?", child), survivor);
        // Marked, not deleted; gone from the list, still readable.
        QCOMPARE(count("SELECT count(*) FROM accounts"), 3);
        QCOMPARE(http.get("/api/v1/crm/accounts").json().value("items").toArray().size(), 2);
        QCOMPARE(http.get("/api/v1/crm/accounts/" + merged).json().value("merged_into").toString(),
                 survivor);
        QSqlQuery audit =
            db::query(m_db->sql(),
                      "SELECT before->>'merged_into', after->>'merged_into', "
                      "after->'moved'->>'contacts.account_id' "
                      "FROM audit_log WHERE action = 'account.merge' AND record_id = ?",
                      {merged});
        QVERIFY(audit.next());
        QVERIFY(audit.value(0).isNull());
        QCOMPARE(audit.value(1).toString(), survivor);
        QCOMPARE(audit.value(2).toString(), QStringLiteral("1"));

        // Merging again, or into the merged account: 409.
        QCOMPARE(http.post(mergeUrl, {{"survivor_id", survivor}, {"version", 2}}).status, 409);
        const QString other = create(http, account("Stark Industries"));
        QCOMPARE(http.post("/api/v1/crm/accounts/" + other + "/merge",
                           {{"survivor_id", merged}, {"version", 1}})
                     .status,
                 409);
        // A contact cannot be added to a merged account.
        QCOMPARE(http.post("/api/v1/crm/contacts", {{"account_id", merged}, {"name", "Alfred"}})
                     .fieldCodes(),
                 QStringLiteral("account_id:merged"));
    }

    void mergeIntoASubsidiaryKeepsTheHierarchyAcyclic()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString parent = create(http, account("Umbrella Group"));
        QJsonObject a = account("Umbrella Pharma");
        a.insert("parent_id", parent);
        const QString mid = create(http, a);
        QJsonObject b = account("Umbrella Research");
        b.insert("parent_id", mid);
        const QString leaf = create(http, b);
        QCOMPARE(http.post("/api/v1/crm/accounts/" + parent + "/merge",
                           {{"survivor_id", leaf}, {"version", 1}})
                     .status,
                 200);
        QCOMPARE(
            count("SELECT count(*) FROM accounts WHERE id = " + leaf + " AND parent_id IS NULL"),
            1);
        QCOMPARE(
            count("SELECT count(*) FROM accounts WHERE id = " + mid + " AND parent_id = " + leaf),
            1);
    }

    // The merge moves every table that points at accounts: a context adding an account FK must
    // add it to accountReferences() (one line), or this fails.
    void mergeCoversEveryForeignKeyToAccounts()
    {
        QSqlQuery q = db::exec(
            m_db->sql(),
            "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c JOIN pg_attribute a "
            "ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND "
            "c.confrelid = 'accounts'::regclass");
        QSet<QString> fks;
        while (q.next())
            fks.insert(q.value(0).toString() + u'.' + q.value(1).toString());
        fks.remove(QStringLiteral("accounts.merged_into"));
        QSet<QString> moved;
        for (const crm::AccountReference &r : crm::accountReferences())
            moved.insert(QString::fromLatin1(r.table) + u'.' + QString::fromLatin1(r.column));
        for (const crm::AccountReference &r : crm::accountHistoryReferences())
            moved.insert(QString::fromLatin1(r.table) + u'.' + QString::fromLatin1(r.column));
        QCOMPARE(fks - moved, QSet<QString>());
        QVERIFY(fks.contains(QStringLiteral("contacts.account_id")));
    }

    void activitiesAndContactsValidate()
    {
        HttpClient http(m_server->baseUrl());
        login(http, "sales_us");
        const QString id = create(http, account("Soylent"));
        QCOMPARE(http.post("/api/v1/crm/activities", {{"account_id", id},
                                                      {"kind", "call"},
                                                      {"subject", "Intro"},
                                                      {"due_date", "2026-12-01"}})
                     .fieldCodes(),
                 QStringLiteral("due_date:not_a_task"));
        QCOMPARE(http.post("/api/v1/crm/activities",
                           {{"account_id", id}, {"kind", "lunch"}, {"subject", "x"}})
                     .fieldCodes(),
                 QStringLiteral("kind:invalid_value"));
        QCOMPARE(http.post("/api/v1/crm/contacts",
                           {{"account_id", id}, {"name", "Bob"}, {"email", "bob"}})
                     .fieldCodes(),
                 QStringLiteral("email:invalid_value"));
        const HttpResult task = http.post("/api/v1/crm/activities", {{"account_id", id},
                                                                     {"kind", "task"},
                                                                     {"subject", "Follow up"},
                                                                     {"due_date", "2026-12-01"}});
        QCOMPARE(task.status, 201);
        const QString taskId = task.json().value("id").toString();
        const HttpResult done =
            http.send("PUT", "/api/v1/crm/activities/" + taskId, R"({"done":true,"version":1})");
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json().value("done").toBool(), true);
        QVERIFY(!done.json().value("done_at").toString().isEmpty());
        QCOMPARE(http.get("/api/v1/crm/activities?account=" + id + "&done=false")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(CrmAccountsTest)
#include "tst_crm_accounts.moc"
