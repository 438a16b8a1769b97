#pragma once

// Shared set-up for the intercompany and statements tests: the ledger fixture (US/USD, UK/GBP,
// DE/EUR with charts; fin, ctl of US, ukfin of UK, amy a consultant), a controller of every
// entity (grp), and rates that agree with each other in 2026 (EUR→USD 1.10 from March as the
// ledger fixture has it, GBP→USD 1.25, EUR→GBP 0.88 = 1.10 / 1.25) and in 2025 (1.05, 1.20,
// 0.875). Employees and approved time are written straight into the tables (their API belongs
// to the time issue); every posting goes through the real posting rules.

#include "close/intercompany_charges.h"
#include "tst_ledger_fixture.h"

namespace keel::test {

class IntercompanyFixture : public LedgerFixture
{
public:
    qint64 grp = 0;

    void setUpGroup(const char *name)
    {
        setUp(name);
        grp = server->createUser("grp", "grp password", {{"controller", ""}}, "US");
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('EUR', 'USD', '2025-01-01', 1.05), "
                            "('GBP', 'USD', '2025-01-01', 1.20), "
                            "('EUR', 'GBP', '2025-01-01', 0.875), "
                            "('GBP', 'USD', '2026-01-01', 1.25), "
                            "('EUR', 'GBP', '2026-01-01', 0.88)");
    }

    // An employee of `entity` (a user of its own) costing `hourlyCost` in `currency`.
    qint64 employee(const QString &username, qint64 entity, const char *country)
    {
        const qint64 user =
            server->createUser(username, username + " password", {{"consultant", ""}}, "US");
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                      "VALUES (?, ?, ?, (SELECT id FROM job_roles WHERE code = 'CONSULTANT')) "
                      "RETURNING id",
                      {user, entity, QString::fromLatin1(country)});
    }

    // Time as the approval leaves it: status, cost stamped at the rate. Negative hours adjust
    // the employee's first entry on the project.
    void time(qint64 employeeId, qint64 projectId, const char *date, const char *hours,
              const char *rate, const char *currency, const char *status = "approved")
    {
        const QString h = QString::fromLatin1(hours), r = QString::fromLatin1(rate);
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable, status, cost_rate, cost_amount, cost_currency, "
                  "decided_at, adjusts_id) SELECT gen_random_uuid(), e.id, e.legal_entity_id, "
                  "?, ?::date, ?::numeric, true, ?, ?::numeric, ?::numeric * ?::numeric, ?, "
                  "now(), CASE WHEN ?::numeric < 0 THEN (SELECT t.id FROM time_entries t WHERE "
                  "t.employee_id = e.id AND t.project_id = ? AND t.hours > 0 ORDER BY "
                  "t.work_date LIMIT 1) END FROM employees e WHERE e.id = ?",
                  {projectId, QString::fromLatin1(date), h, QString::fromLatin1(status), r, r, h,
                   QString::fromLatin1(currency), h, projectId, employeeId});
    }

    IntercompanyRunResult charge(qint64 entity, QDate period)
    {
        return inTx([&] { return chargeIntercompany(ledger->store().db(), entity, period, ctl); });
    }

    // The entity's balance on the account number, debit positive, in functional currency.
    QString balance(qint64 entity, const char *number)
    {
        return text("SELECT coalesce(sum(l.functional_debit - l.functional_credit), 0)::numeric("
                    "20,2)::text FROM journal_lines l JOIN ledger_accounts a ON a.id = "
                    "l.ledger_account_id WHERE a.legal_entity_id = ? AND a.number = ?",
                    {entity, QString::fromLatin1(number)});
    }

    static QString amountOf(const QJsonValue &money)
    {
        return money.toObject().value("amount").toString() + QLatin1Char(' ') +
               money.toObject().value("currency").toString();
    }
};

} // namespace keel::test
