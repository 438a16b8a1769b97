// GET /billing/contracts: the contracts a billing run can bill, for the run's picker. Only the
// statuses a run bills, keyset pages, q on number / title / client name, the approved time no
// invoice has claimed yet, and who sees what (403 for a consultant, another entity's contracts
// neither listed nor reachable by its id).

#include "tst_billing_run_fixture.h"

using namespace keel;
using namespace keel::test;

class BillingContractsTest : public QObject, public BillingRunFixture
{
    Q_OBJECT

    QJsonArray items(HttpClient &http, const QString &query)
    {
        const HttpResult r = http.get("/api/v1/billing/contracts?" + query);
        if (r.status != 200)
            qWarning() << r.status << r.body;
        return r.json().value("items").toArray();
    }

    QStringList numbers(const QJsonArray &list)
    {
        QStringList out;
        for (const QJsonValue &v : list)
            out << v.toObject().value("number").toString();
        return out;
    }

    void setStatus(qint64 contractId, const QString &status)
    {
        db::query(db->sql(), "UPDATE contracts SET status = ? WHERE id = ?", {status, contractId});
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        contractSeq = 0;
    }
    void cleanup() { tearDown(); }

    void listsWhatARunBills()
    {
        const qint64 acme = account("US", "Acme Corp", "US", "USD");
        const qint64 lake = account("US", "Lakeside 50% Ltd", "US", "USD");
        const Contract a = contract(acme, "USD", "Data platform"); // SOW-T-1
        line(a.id, "time_and_materials");
        line(a.id, "fixed_fee");
        line(a.id, "time_and_materials");
        const Contract b = contract(lake, "USD", "Audit"); // SOW-T-2
        line(b.id, "retainer");
        const Contract done = contract(acme, "USD", "Finished"); // SOW-T-3
        setStatus(done.id, "completed");
        const Contract ended = contract(lake, "USD", "Stopped"); // SOW-T-4
        setStatus(ended.id, "amended");
        db::query(db->sql(),
                  "INSERT INTO contracts (legal_entity_id, account_id, title, currency, "
                  "start_date, end_date, status) VALUES (?, ?, 'Draft', 'USD', '2026-01-01', "
                  "'2026-12-31', 'draft')",
                  {us, acme});
        const Contract terminated = contract(acme, "USD", "Cut short"); // SOW-T-5
        setStatus(terminated.id, "terminated");
        // A UK contract: not the US entity's.
        contract(account("UK", "Acme UK", "GB", "GBP"), "GBP", "Data platform UK"); // SOW-T-6

        // Approved billable time: 2.50 + 1.25 open, one entry of 3.00 claimed for 1.00 of it
        // (2.00 open), a draft and a non-billable entry that a run would not bill.
        const qint64 emp = employee("US", "CONSULTANT");
        entry(emp, a.project, "2026-03-02", "2.50");
        entry(emp, a.project, "2026-03-03", "1.25");
        const QString part = entry(emp, a.project, "2026-03-04", "3.00");
        entry(emp, a.project, "2026-03-05", "4.00", "draft");
        entry(emp, a.project, "2026-03-06", "5.00", "approved", false);
        const QString billed = entry(emp, a.project, "2026-03-07", "6.00");
        const qint64 x = scalar("INSERT INTO billing_exceptions (legal_entity_id, contract_id, "
                                "kind, hours, amount, currency, detail) VALUES (?, ?, "
                                "'no_rate', 7, 0, 'USD', 'held') RETURNING id",
                                {us, a.id});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, billing_exception_id, "
                  "hours, part) VALUES ('time_entry', ?, ?, 1.00, 1), ('time_entry', ?, ?, "
                  "6.00, 1)",
                  {part, x, billed, x});

        auto http = login("fin");
        const QJsonArray all = items(*http, "legal_entity_id=" + QString::number(us));
        QCOMPARE(numbers(all),
                 (QStringList{"SOW-T-1", "SOW-T-2", "SOW-T-3", "SOW-T-4", "SOW-T-5"}));
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value("id").toString(), QString::number(a.id));
        QCOMPARE(first.value("title").toString(), QString("Data platform"));
        QCOMPARE(first.value("account_id").toString(), QString::number(acme));
        QCOMPARE(first.value("account_name").toString(), QString("Acme Corp"));
        QCOMPARE(first.value("currency").toString(), QString("USD"));
        QCOMPARE(first.value("status").toString(), QString("signed"));
        QCOMPARE(first.value("legal_entity_id").toString(), QString::number(us));
        QCOMPARE(first.value("billing_models").toArray(),
                 (QJsonArray{"fixed_fee", "time_and_materials"}));
        QCOMPARE(first.value("unbilled_time").toObject().value("entries").toInt(), 3);
        QCOMPARE(first.value("unbilled_time").toObject().value("hours").toString(),
                 QString("5.75"));
        QCOMPARE(all.at(1).toObject().value("billing_models").toArray(), QJsonArray{"retainer"});
        QCOMPARE(all.at(1).toObject().value("unbilled_time").toObject().value("hours").toString(),
                 QString("0.00"));
        QCOMPARE(all.at(2).toObject().value("status").toString(), QString("completed"));
        QCOMPARE(all.at(2).toObject().value("billing_models").toArray(), QJsonArray{});

        // Without legal_entity_id: every entity the caller bills.
        QCOMPARE(items(*http, "").size(), 6);
    }

    void pagesAndFilters()
    {
        const qint64 acme = account("US", "Acme Corp", "US", "USD");
        const qint64 lake = account("US", "Lakeside 50% Ltd", "US", "USD");
        for (int i = 0; i < 7; ++i)
            contract(i % 2 ? lake : acme, "USD", QStringLiteral("Phase %1").arg(i + 1));
        auto http = login("fin");
        const QString us = "legal_entity_id=" + QString::number(this->us);

        // Pages of 3: 3, 3, 1, each next_after the last id of its page, no overlap.
        QStringList seen;
        QString after;
        int pages = 0;
        for (;;) {
            const HttpResult r = http->get("/api/v1/billing/contracts?" + us + "&limit=3" +
                                           (after.isEmpty() ? QString() : "&after=" + after));
            QCOMPARE(r.status, 200);
            const QJsonArray page = r.json().value("items").toArray();
            seen << numbers(page);
            ++pages;
            if (!r.json().contains("next_after"))
                break;
            QCOMPARE(page.size(), 3);
            after = r.json().value("next_after").toString();
            QCOMPARE(after, page.last().toObject().value("id").toString());
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, (QStringList{"SOW-T-1", "SOW-T-2", "SOW-T-3", "SOW-T-4", "SOW-T-5",
                                    "SOW-T-6", "SOW-T-7"}));
        QCOMPARE(http->get("/api/v1/billing/contracts?" + us + "&limit=0").status, 422);

        // q: client name (case-insensitive), title, number; % and _ are literal.
        QCOMPARE(numbers(items(*http, us + "&q=lakeside")),
                 (QStringList{"SOW-T-2", "SOW-T-4", "SOW-T-6"}));
        QCOMPARE(numbers(items(*http, us + "&q=phase%207")), QStringList{"SOW-T-7"});
        QCOMPARE(numbers(items(*http, us + "&q=sow-t-3")), QStringList{"SOW-T-3"});
        QCOMPARE(numbers(items(*http, us + "&q=50%25")),
                 (QStringList{"SOW-T-2", "SOW-T-4", "SOW-T-6"}));
        QCOMPARE(items(*http, us + "&q=%25%25%25x").size(), 0);
        QCOMPARE(numbers(items(*http, us + "&q=Acme&limit=2")),
                 (QStringList{"SOW-T-1", "SOW-T-3"}));
    }

    void whoSeesWhat()
    {
        const Contract usContract = contract(account("US", "Acme", "US", "USD"), "USD", "US work");
        const Contract ukContract = contract(account("UK", "Brit", "GB", "GBP"), "GBP", "UK work");
        auto amy = login("amy");
        QCOMPARE(amy->get("/api/v1/billing/contracts").status, 403);
        QCOMPARE(
            amy->get("/api/v1/billing/contracts?legal_entity_id=" + QString::number(us)).status,
            403);

        // Finance of UK only: the US entity does not exist for them, and its contracts are
        // not in their unfiltered list either.
        auto ukfin = login("ukfin");
        QCOMPARE(
            ukfin->get("/api/v1/billing/contracts?legal_entity_id=" + QString::number(us)).status,
            404);
        const QJsonArray mine = items(*ukfin, "");
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.at(0).toObject().value("id").toString(), QString::number(ukContract.id));
        QCOMPARE(items(*ukfin, "q=US%20work").size(), 0);
        QCOMPARE(items(*ukfin, "legal_entity_id=" + QString::number(uk)).size(), 1);
        QCOMPARE(ukfin->get("/api/v1/billing/contracts?legal_entity_id=abc").status, 400);

        auto fin = login("fin");
        QCOMPARE(items(*fin, "legal_entity_id=" + QString::number(us))
                     .at(0)
                     .toObject()
                     .value("id")
                     .toString(),
                 QString::number(usContract.id));
    }
};

QTEST_GUILESS_MAIN(BillingContractsTest)
#include "tst_billing_contracts.moc"
