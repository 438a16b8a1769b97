// Own expenses: conversion into the entity's currency to the cent, policy breaches in words,
// closed periods, versions, deletion, and receipt files.

#include "tst_expense_fixture.h"

#include "http/http_types.h"
#include "ledger/fx_rates.h"

#include <QCryptographicHash>

using namespace keel;
using namespace keel::test;

class ExpensesTest : public QObject, public ExpenseFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void convertsToTheCentAtTheDatesRate()
    {
        auto amy = client("amy");
        const QString id = newId();
        HttpResult r = expense(*amy, id, taxi, "2026-02-10", "123.45", "EUR");
        QCOMPARE(r.status, 201);
        QJsonObject e = r.json();
        // 123.45 × 1.0834 = 133.745730 → 133.75 (half away from zero).
        QCOMPARE(e.value("functional_amount").toObject(),
                 (QJsonObject{{"amount", "133.75"}, {"currency", "USD"}}));
        QCOMPARE(e.value("amount").toObject(),
                 (QJsonObject{{"amount", "123.45"}, {"currency", "EUR"}}));
        QCOMPARE(e.value("fx_rate").toString(), QString("1.0834000000"));
        QCOMPARE(e.value("status").toString(), QString("draft"));
        QCOMPARE(e.value("version").toInt(), 1);
        QVERIFY(e.value("policy_breach").isNull());

        // A later date takes the later rate: 123.45 × 1.1 = 135.795 → 135.80.
        QJsonObject body{{"category_id", QString::number(taxi)},
                         {"expense_date", "2026-03-15"},
                         {"description", "Airport"},
                         {"amount", money("123.45", "EUR")},
                         {"version", 1}};
        r = put(*amy, "/api/v1/expenses/" + id, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("functional_amount").toObject().value("amount").toString(),
                 QString("135.80"));
        QCOMPARE(r.json().value("version").toInt(), 2);

        // Same currency: rate 1.
        r = expense(*amy, newId(), taxi, "2026-02-10", "10.05");
        QCOMPARE(r.json().value("functional_amount").toObject().value("amount").toString(),
                 QString("10.05"));

        // No rate on or before the date: 422 naming the currencies.
        r = expense(*amy, newId(), taxi, "2025-12-31", "10.00", "EUR");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("amount:no_fx_rate"));
        QVERIFY(r.body.contains("EUR"));
        r = expense(*amy, newId(), taxi, "2026-02-10", "10.00", "CHF");
        QCOMPARE(r.status, 422);
    }

    // The lookup other contexts reuse: the latest rate on or before the date.
    void fxLookupTakesTheLatestRateOnOrBeforeTheDate()
    {
        const QSqlDatabase sql = db->sql();
        auto r = fxRateOn(sql, "EUR", "USD", QDate(2026, 2, 28));
        QVERIFY(r);
        QCOMPARE(r->rate.toString(), QString("1.0834"));
        QCOMPARE(r->rateDate, QDate(2026, 1, 1));
        r = fxRateOn(sql, "EUR", "USD", QDate(2026, 3, 1));
        QCOMPARE(r->rate.toString(), QString("1.1"));
        QVERIFY(!fxRateOn(sql, "EUR", "USD", QDate(2025, 12, 31)));
        QVERIFY(!fxRateOn(sql, "USD", "EUR", QDate(2026, 3, 1))); // no inverse is guessed
        QCOMPARE(fxRateOn(sql, "GBP", "GBP", QDate(2020, 1, 1))->rate.toString(), QString("1"));
        const Money eur = Money::parse(u"123.45", u"EUR").value();
        QCOMPARE(convertOn(sql, eur, "USD", QDate(2026, 2, 10), "amount").toString(),
                 QString("133.75"));
        try {
            requireFxRate(sql, "EUR", "JPY", QDate(2026, 2, 10), "amount");
            QFAIL("a missing rate must throw");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 422);
            QCOMPARE(e.problem().errors.at(0).code, QString("no_fx_rate"));
            QVERIFY(e.problem().errors.at(0).message.contains("EUR→JPY"));
        }
    }

    void flagsPerItemAndPerDayCaps()
    {
        auto amy = client("amy");
        HttpResult r = expense(*amy, newId(), hotel, "2026-02-10", "200.00");
        QVERIFY(r.json().value("policy_breach").isNull());
        r = expense(*amy, newId(), hotel, "2026-02-10", "200.01");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("policy_breach").toString(),
                 QString("200.01 USD is above the Hotel cap of 200.00 USD per item"));

        // Per day: 30 + 20 = 50 is within; a third of 0.01 breaches, counting the others.
        r = expense(*amy, newId(), meals, "2026-02-11", "30.00");
        QVERIFY(r.json().value("policy_breach").isNull());
        r = expense(*amy, newId(), meals, "2026-02-11", "20.00");
        QVERIFY(r.json().value("policy_breach").isNull());
        r = expense(*amy, newId(), meals, "2026-02-11", "0.01");
        QCOMPARE(r.json().value("policy_breach").toString(),
                 QString("50.01 USD of Meals on 2026-02-11 (with this expense) is above the "
                         "daily cap of 50.00 USD"));
        // Another person's meals that day do not count.
        auto bob = client("bob");
        r = expense(*bob, newId(), meals, "2026-02-11", "45.00");
        QVERIFY(r.json().value("policy_breach").isNull());
        // Converted amounts count: 46.00 EUR × 1.0834 = 49.84 USD is within, alone.
        r = expense(*amy, newId(), meals, "2026-02-12", "46.00", "EUR");
        QCOMPARE(r.json().value("functional_amount").toObject().value("amount").toString(),
                 QString("49.84"));
        QVERIFY(r.json().value("policy_breach").isNull());
    }

    void rejectsBadInput()
    {
        auto amy = client("amy");
        HttpResult r = expense(*amy, newId(), taxi, "2026-02-10", "-1.00");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("amount:invalid_value"));
        r = expense(*amy, newId(), 999999, "2026-02-10", "1.00");
        QCOMPARE(r.fieldCodes(), QString("category_id:unknown"));
        r = put(*amy, "/api/v1/expenses/" + newId(), {{"category_id", QString::number(taxi)}});
        QCOMPARE(r.status, 422);
        r = amy->send("PUT", "/api/v1/expenses/" + newId(), "{nope",
                      {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        r = expense(*amy, "not-a-uuid", taxi, "2026-02-10", "1.00");
        QCOMPARE(r.status, 404);
        // A billable expense needs a project.
        r = expense(*amy, newId(), taxi, "2026-02-10", "1.00", "USD", {{"billable", true}});
        QCOMPARE(r.fieldCodes(), QString("billable:project_required"));
        // Someone without an employee record.
        auto ukfin = client("ukfin");
        r = expense(*ukfin, newId(), taxi, "2026-02-10", "1.00");
        QCOMPARE(r.status, 403);
    }

    void projectsAndTasks()
    {
        const qint64 account =
            scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                   "billing_currency, tax_profile) SELECT id, 'Acme', 'acme', 'US', 'USD', "
                   "'STANDARD' FROM legal_entities WHERE code = 'US' RETURNING id");
        const auto project = [&](const char *status) {
            return scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                          "start_date, end_date, status) SELECT id, ?, 'Lake', 'USD', "
                          "'2026-01-01', '2026-12-31', ? FROM legal_entities WHERE code = 'US' "
                          "RETURNING id",
                          {account, status});
        };
        const qint64 open = project("active"), closed = project("closed"),
                     other = project("active");
        const qint64 task = scalar("INSERT INTO project_tasks (project_id, seq, name) VALUES (?, "
                                   "1, 'Workshop') RETURNING id",
                                   {open});
        auto amy = client("amy");
        const auto with = [](qint64 p, qint64 t) {
            QJsonObject o{{"project_id", QString::number(p)}};
            if (t)
                o.insert("task_id", QString::number(t));
            return o;
        };
        HttpResult r = expense(*amy, newId(), taxi, "2026-02-10", "9.00", "USD", with(open, task));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("task_id").toString(), QString::number(task));
        QCOMPARE(r.json().value("billable").toBool(), true); // the category's default
        QCOMPARE(expense(*amy, newId(), taxi, "2026-02-10", "9.00", "USD", with(other, task))
                     .fieldCodes(),
                 QString("task_id:not_on_project"));
        QCOMPARE(
            expense(*amy, newId(), taxi, "2026-02-10", "9.00", "USD", with(closed, 0)).fieldCodes(),
            QString("project_id:closed"));
        QCOMPARE(expense(*amy, newId(), taxi, "2026-02-10", "9.00", "USD",
                         {{"task_id", QString::number(task)}})
                     .fieldCodes(),
                 QString("task_id:project_required"));
        r = expense(*amy, newId(), taxi, "2026-02-10", "9.00", "USD",
                    {{"project_id", QString::number(open)}, {"billable", false}});
        QCOMPARE(r.json().value("billable").toBool(), false);
        QCOMPARE(r.json().value("markup_pct").toString(), QString("0"));
    }

    void versionsDeletionAndClosedPeriods()
    {
        auto amy = client("amy");
        const QString id = newId();
        QCOMPARE(expense(*amy, id, taxi, "2026-02-10", "12.00").status, 201);
        // Creating again with the same id (version 0) is stale: the server has version 1.
        HttpResult r = expense(*amy, id, taxi, "2026-02-10", "13.00");
        QCOMPARE(r.status, 412);
        // Somebody else's id.
        auto bob = client("bob");
        QCOMPARE(expense(*bob, id, taxi, "2026-02-10", "13.00").status, 409);
        QCOMPARE(bob->send("DELETE", "/api/v1/expenses/" + id + "?version=1", {}).status, 404);
        QCOMPARE(amy->send("DELETE", "/api/v1/expenses/" + id + "?version=3", {}).status, 412);

        // The period of February closes: no change, no deletion (423).
        db::exec(db->sql(), "INSERT INTO accounting_periods (legal_entity_id, period_start, "
                            "period_end, status) SELECT id, '2026-02-01', '2026-02-28', "
                            "'soft_closed' FROM legal_entities WHERE code = 'US'");
        QCOMPARE(amy->send("DELETE", "/api/v1/expenses/" + id + "?version=1", {}).status, 423);
        r = expense(*amy, newId(), taxi, "2026-02-11", "13.00");
        QCOMPARE(r.status, 423);
        QCOMPARE(r.json().value("type").toString(),
                 QString("https://keel.example/problems/period-closed"));
        db::exec(db->sql(), "UPDATE accounting_periods SET status = 'open'");

        r = amy->send("DELETE", "/api/v1/expenses/" + id + "?version=1", {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QString("deleted"));
        KEEL_COVERS_TRANSITION("expense", "draft", "delete", r.json().value("status").toString());
        // A deleted expense cannot change again.
        QCOMPARE(amy->send("DELETE", "/api/v1/expenses/" + id + "?version=2", {}).status, 409);
        r = amy->get("/api/v1/expenses?from=2026-02-01&to=2026-02-28");
        QCOMPARE(r.json().value("items").toArray().size(), 0);
        r = amy->get("/api/v1/expenses?from=2026-02-01&to=2026-02-28&status=deleted");
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QCOMPARE(amy->get("/api/v1/expenses?from=2026-02-31").status, 400);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'expense'"), 2);
    }

    void categoriesOfTheCallersEntity()
    {
        auto amy = client("amy");
        const HttpResult r = amy->get("/api/v1/expenses/categories");
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value("code").toString(), QString("HOTEL"));
        QCOMPARE(items.at(0).toObject().value("cap_kind").toString(), QString("per_item"));
        QCOMPARE(items.at(0).toObject().value("cap_amount").toString(), QString("200"));
        QCOMPARE(r.json().value("currency").toString(), QString("USD"));
    }

    void categoriesAreSetUpByFinance()
    {
        auto fin = client("fin");
        HttpResult r = fin->post("/api/v1/expenses/categories", {{"legal_entity", "US"},
                                                                 {"code", "PARKING"},
                                                                 {"name", "Parking"},
                                                                 {"cap_kind", "per_day"},
                                                                 {"cap_amount", "30.00"},
                                                                 {"receipt_required_above", "10"},
                                                                 {"markup_pct", "12.5"}});
        QCOMPARE(r.status, 201);
        QJsonObject c = r.json();
        QCOMPARE(c.value("cap_amount").toString(), QString("30"));
        QCOMPARE(c.value("markup_pct").toString(), QString("12.5"));
        QCOMPARE(c.value("legal_entity").toString(), QString("US"));
        r = fin->post("/api/v1/expenses/categories", {{"legal_entity", "US"},
                                                      {"code", "PARKING"},
                                                      {"name", "Parking again"},
                                                      {"cap_kind", "per_item"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("cap_amount:invalid_value,code:duplicate"));
        auto amy = client("amy");
        QCOMPARE(amy->post("/api/v1/expenses/categories",
                           {{"legal_entity", "US"}, {"code", "X1"}, {"name", "X"}})
                     .status,
                 403);
        auto ukfin = client("ukfin");
        QCOMPARE(ukfin
                     ->post("/api/v1/expenses/categories",
                            {{"legal_entity", "US"}, {"code", "X1"}, {"name", "X"}})
                     .status,
                 403);

        // A billable expense on a project takes the category's markup.
        const qint64 account =
            scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                   "billing_currency, tax_profile) SELECT id, 'Acme', 'acme', 'US', 'USD', "
                   "'STANDARD' FROM legal_entities WHERE code = 'US' RETURNING id");
        const qint64 project =
            scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                   "start_date, end_date, status) SELECT id, ?, 'Acme lake', 'USD', "
                   "'2026-01-01', '2026-12-31', 'active' FROM legal_entities WHERE code = 'US' "
                   "RETURNING id",
                   {account});
        const QString parking = c.value("id").toString();
        r = expense(*amy, newId(), parking.toLongLong(), "2026-02-10", "8.00", "USD",
                    {{"project_id", QString::number(project)}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("billable").toBool(), true);
        QCOMPARE(r.json().value("markup_pct").toString(), QString("12.5"));

        // Retired: no longer listed nor usable; stale versions are 412.
        const QString path = "/api/v1/expenses/categories/" + parking;
        QCOMPARE(put(*fin, path, {{"active", false}, {"version", 7}}).status, 412);
        r = put(*fin, path, {{"active", false}, {"cap_amount", "40"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("version").toInt(), 2);
        QCOMPARE(r.json().value("cap_amount").toString(), QString("40"));
        QCOMPARE(amy->get("/api/v1/expenses/categories").json().value("items").toArray().size(), 3);
        QCOMPARE(expense(*amy, newId(), parking.toLongLong(), "2026-02-10", "8.00").fieldCodes(),
                 QString("category_id:unknown"));
        QCOMPARE(put(*ukfin, path, {{"active", true}, {"version", 2}}).status, 403);
    }

    void receiptsAreCheckedStoredAndIdempotent()
    {
        auto amy = client("amy");
        const QString id = newId();
        QCOMPARE(expense(*amy, id, hotel, "2026-02-10", "120.00").status, 201);
        const QString rid = newId();
        const QByteArray png = pngBytes(1000);
        HttpResult r = receipt(*amy, id, rid, png);
        QCOMPARE(r.status, 201);
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        QCOMPARE(r.json().value("sha256").toString(), sha);
        QCOMPARE(r.json().value("size_bytes").toInt(), 1000);
        QCOMPARE(r.json().value("mime_type").toString(), QString("image/png"));
        QCOMPARE(r.json().value("file_name").toString(), QString("receipt.png"));
        QCOMPARE(text("SELECT encode(sha256, 'hex') FROM expense_receipts"), sha);

        // The same upload again: same answer, one row.
        r = receipt(*amy, id, rid, png);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("sha256").toString(), sha);
        QCOMPARE(scalar("SELECT count(*) FROM expense_receipts"), 1);
        // Another file under the same receipt id: 409.
        QCOMPARE(receipt(*amy, id, rid, pngBytes(999)).status, 409);

        // The expense lists it.
        r = amy->get("/api/v1/expenses?from=2026-02-01&to=2026-02-28");
        const QJsonArray receipts =
            r.json().value("items").toArray().at(0).toObject().value("receipts").toArray();
        QCOMPARE(receipts.size(), 1);
        QCOMPARE(receipts.at(0).toObject().value("sha256").toString(), sha);

        // GET returns the bytes with their type; the owner and approvers of the entity only.
        r = amy->get("/api/v1/expenses/receipts/" + rid);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, png);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        auto fin = client("fin");
        QCOMPARE(fin->get("/api/v1/expenses/receipts/" + rid).status, 200);
        auto bob = client("bob");
        QCOMPARE(bob->get("/api/v1/expenses/receipts/" + rid).status, 404);
        auto ukfin = client("ukfin");
        QCOMPARE(ukfin->get("/api/v1/expenses/receipts/" + rid).status, 404);
    }

    void receiptsOfTheWrongKindOrSizeAreRefused()
    {
        auto amy = client("amy");
        const QString id = newId();
        QCOMPARE(expense(*amy, id, hotel, "2026-02-10", "120.00").status, 201);
        // Declared PNG, bytes of a PDF.
        HttpResult r = receipt(*amy, id, newId(), "%PDF-1.7 fake", "image/png");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("body:content_mismatch"));
        // Declared JPEG, PNG bytes.
        QCOMPARE(receipt(*amy, id, newId(), pngBytes(), "image/jpeg").status, 422);
        // A PDF and a JPEG that are what they say.
        QCOMPARE(receipt(*amy, id, newId(), "%PDF-1.7 ok", "application/pdf").status, 201);
        QCOMPARE(receipt(*amy, id, newId(), QByteArray::fromHex("ffd8ffe000104a464946"),
                         "image/jpeg; charset=binary")
                     .status,
                 201);
        // Types other than the three.
        QCOMPARE(receipt(*amy, id, newId(), "GIF89a", "image/gif").status, 415);
        QCOMPARE(receipt(*amy, id, newId(), QByteArray(), "image/png").status, 422);
        // Exactly 10 MiB is accepted; one byte more is 413.
        QCOMPARE(receipt(*amy, id, newId(), pngBytes(10 * 1024 * 1024)).status, 201);
        r = receipt(*amy, id, newId(), pngBytes(10 * 1024 * 1024 + 1));
        QCOMPARE(r.status, 413);
        QCOMPARE(scalar("SELECT count(*) FROM expense_receipts"), 3);
        // Someone else's expense.
        auto bob = client("bob");
        QCOMPARE(receipt(*bob, id, newId(), pngBytes()).status, 404);
    }
};

QTEST_GUILESS_MAIN(ExpensesTest)
#include "tst_expenses.moc"
