#pragma once

// Shared set-up for the ledger tests: a server on a fresh database with the three entities
// (US in USD, UK in GBP, DE in EUR), charts from their templates, EUR→USD 1.0834 from
// 2026-01-01 and 1.1000 from 2026-03-01, and
//   fin  finance of US (finance.use, ledger.post)     fin2 finance of US
//   ctl  controller of US (ledger.post)               ukfin finance of UK only
//   amy  consultant of US

#include "http/http_types.h"
#include "http_client.h"
#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <optional>

namespace keel::test {

class LedgerFixture
{
public:
    std::optional<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<LedgerService> ledger;
    qint64 us = 0, uk = 0, de = 0;
    qint64 fin = 0, ctl = 0, amy = 0;
    qint64 client = 0, project = 0, project2 = 0;

    void setUp(const char *name)
    {
        db.emplace(TestDatabase::create(QString::fromLatin1(name)));
        seedLegalEntities(*db);
        server = std::make_unique<TestServer>(*db);
        server->start();
        ledger = std::make_unique<LedgerService>(db->config());
        fin = server->createUser("fin", "fin password", {{"finance", "US"}}, "US");
        server->createUser("fin2", "fin2 password", {{"finance", "US"}}, "US");
        ctl = server->createUser("ctl", "ctl password", {{"controller", "US"}}, "US");
        server->createUser("ukfin", "ukfin password", {{"finance", "UK"}}, "UK");
        amy = server->createUser("amy", "amy password", {{"consultant", "US"}}, "US");
        us = scalar("SELECT id FROM legal_entities WHERE code = 'US'");
        uk = scalar("SELECT id FROM legal_entities WHERE code = 'UK'");
        de = scalar("SELECT id FROM legal_entities WHERE code = 'DE'");
        for (const qint64 e : {us, uk, de})
            ledger->createChart(e, LedgerService::templateForCountry(text(
                                       "SELECT country FROM legal_entities WHERE id = ?", {e})));
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('EUR', 'USD', '2026-01-01', 1.0834), "
                            "('EUR', 'USD', '2026-03-01', 1.1)");
        client = scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                        "billing_currency, tax_profile) VALUES (?, 'Acme', 'acme', 'US', 'USD', "
                        "'STANDARD') RETURNING id",
                        {us});
        project = makeProject(us, "Acme lake");
        project2 = makeProject(us, "Acme sea");
    }

    void tearDown()
    {
        ledger.reset();
        server.reset();
        db.reset();
    }

    qint64 makeProject(qint64 entity, const QString &name)
    {
        return scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                      "start_date, end_date, status) VALUES (?, ?, ?, 'USD', '2026-01-01', "
                      "'2026-12-31', 'active') RETURNING id",
                      {entity, client, name});
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q = db::query(db->sql(), sql, binds);
        return q.next() ? q.value(0).toString() : QString();
    }

    static Money money(const char *amount, const char *currency)
    {
        return Money::parse(QString::fromLatin1(amount), QString::fromLatin1(currency)).value();
    }

    // "number Dr|Cr amount currency / functional" per line of an entry, in seq order.
    QStringList linesOf(qint64 entry)
    {
        QSqlQuery q = db::query(
            db->sql(),
            "SELECT a.number, CASE WHEN l.debit > 0 THEN 'Dr' ELSE 'Cr' END, "
            "(l.debit + l.credit)::numeric(20,2)::text, l.currency, "
            "(l.functional_debit + l.functional_credit)::numeric(20,2)::text, "
            "coalesce(l.project_id::text, '-') FROM journal_lines l JOIN ledger_accounts a ON "
            "a.id = l.ledger_account_id WHERE l.entry_id = ? ORDER BY l.seq",
            {entry});
        QStringList out;
        while (q.next())
            out << QStringLiteral("%1 %2 %3 %4 / %5 p%6")
                       .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString())
                       .arg(q.value(5).toString() == "-" ? QStringLiteral("-")
                            : q.value(5).toString() == QString::number(project)
                                ? QStringLiteral("1")
                                : QStringLiteral("2"));
        return out;
    }

    // Runs `f` in a transaction of the test's connection, as a service would.
    template <class F> auto inTx(F f)
    {
        db::Transaction tx(ledger->store().db());
        auto r = f();
        tx.commit();
        return r;
    }

    std::unique_ptr<HttpClient> login(const QString &user)
    {
        auto http = std::make_unique<HttpClient>(server->baseUrl());
        const HttpResult r = http->login(user, user + QStringLiteral(" password"));
        if (r.status != 200)
            qWarning() << "login failed" << user << r.body;
        return http;
    }
};

} // namespace keel::test
