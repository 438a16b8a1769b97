// Invoice anomalies (server/insights/README.md "Invoice anomalies"): one UK contract with eight
// issued monthly invoices of about 40 h at 150.00 (the history), then September's drafts — a
// clean one, 400 h, a rate of 1500.00, a line typed twice — and a draft of a second contract
// whose project closed on 31 August billing time of 10 September.

#include "insights/insights_model.h"
#include "insights/insights_model_store.h"
#include "tst_billing_run_fixture.h"

using namespace keel;
using namespace keel::test;

namespace {

// History: hours per month January–August; median 40, deviations 4 2 2 0 0 0 0 4 → MAD
// 1.4826 × 1 = 1.48. Amounts ×150: median 6000.00.
const QList<const char *> kHistoryHours{"38.00", "40.00", "42.00", "40.00",
                                        "36.00", "44.00", "40.00", "40.00"};

} // namespace

class TestInsightsInvoiceAnomaly : public QObject
{
    Q_OBJECT

    BillingRunFixture f;
    qint64 acme = 0, role = 0, emp = 0, numberSeq = 0;
    BillingRunFixture::Contract build, support;
    qint64 clean = 0, hours = 0, rate = 0, dup = 0, closed = 0, german = 0;

    struct Line
    {
        QString hours;
        QString rate;
        qint64 project = 0;
    };

    // An invoice of the contract as a billing run leaves it (hourly lines of the consultant
    // role, tax 0 under EXPORT_EXEMPT to keep the totals plain), numbered and paid when `issue`.
    qint64 invoice(qint64 contract, const QString &month, const QList<Line> &lines, bool issue)
    {
        const QDate start = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
        const QDate end = start.addMonths(1).addDays(-1);
        const qint64 id = f.scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, contract_id, invoice_date, "
            "due_date, currency, tax_code, period_start, period_end) SELECT legal_entity_id, "
            "account_id, id, ?, ?::date + 30, currency, 'EXPORT_EXEMPT', ?, ? FROM contracts "
            "WHERE id = ? RETURNING id",
            {end, end, start, end, contract});
        int n = 0;
        for (const Line &l : lines)
            f.scalar("INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, "
                     "job_role_id, description, quantity, unit, unit_price, gross_amount, amount, "
                     "service_start, service_end) VALUES (?, ?, 'time', ?, ?, 'Consultant', "
                     "?::numeric, 'hours', ?::numeric, round(?::numeric * ?::numeric, 2), "
                     "round(?::numeric * ?::numeric, 2), ?, ?) RETURNING id",
                     {id, ++n, l.project ? l.project : build.project, role, l.hours, l.rate,
                      l.hours, l.rate, l.hours, l.rate, start, end});
        f.scalar("UPDATE invoices i SET subtotal = t.net, total = t.net FROM (SELECT sum(amount) "
                 "AS net FROM invoice_lines WHERE invoice_id = ?) t WHERE i.id = ? RETURNING i.id",
                 {id, id});
        if (issue)
            f.scalar("UPDATE invoices SET status = 'paid', number = ?, amount_paid = total WHERE "
                     "id = ? RETURNING id",
                     {QStringLiteral("INV-T-%1").arg(++numberSeq), id});
        return id;
    }

    HttpResult get(const QString &user, const QString &query)
    {
        return f.login(user)->get(QStringLiteral("/api/v1/insights/invoice-anomalies") + query);
    }

    void train()
    {
        const InsightsTrained t = invoiceAnomalyModel().train(f.db->sql(), QDate(2026, 11, 15), {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(f.db->sql(), QStringLiteral("invoice_anomaly"), QDate(2026, 11, 15), t,
                           0, 0);
    }

    // The flags of one invoice from the list with all=true, by kind.
    QMultiHash<QString, QJsonObject> flags(const QJsonObject &answer, qint64 invoiceId)
    {
        QMultiHash<QString, QJsonObject> out;
        for (const QJsonValue &v : answer.value("items").toArray()) {
            if (v.toObject().value("invoice_id").toInteger() != invoiceId)
                continue;
            for (const QJsonValue &fl : v.toObject().value("flags").toArray())
                out.insert(fl.toObject().value("kind").toString(), fl.toObject());
        }
        return out;
    }

private slots:
    void init()
    {
        f.setUp("insights_invoice_anomaly");
        acme = f.account("UK", "Acme Ltd", "US", "GBP");
        role = f.role("CONSULTANT");
        emp = f.employee("UK", "CONSULTANT");
        build = f.contract(acme, "GBP", "Build");
        f.rateItem(f.line(build.id, "time_and_materials"), "CONSULTANT", "150.00");
        support = f.contract(acme, "GBP", "Support");
        f.rateItem(f.line(support.id, "time_and_materials"), "CONSULTANT", "150.00");
        for (int m = 0; m < kHistoryHours.size(); ++m)
            invoice(build.id, QStringLiteral("2026-%1").arg(m + 1, 2, 10, QLatin1Char('0')),
                    {{kHistoryHours[m], "150.00"}}, true);

        clean = invoice(build.id, "2026-09", {{"41.00", "150.00"}}, false);
        hours = invoice(build.id, "2026-09", {{"400.00", "150.00"}}, false);
        rate = invoice(build.id, "2026-09", {{"40.00", "1500.00"}}, false);
        dup = invoice(build.id, "2026-09", {{"20.00", "150.00"}, {"20.00", "150.00"}}, false);

        // The support project closed on 31 August; an entry of 10 September is billed anyway.
        f.scalar("UPDATE projects SET status = 'closed', end_date = '2026-08-31' WHERE id = ? "
                 "RETURNING id",
                 {support.project});
        const QString entry = f.entry(emp, support.project, "2026-09-10", "8.00");
        closed = invoice(support.id, "2026-09", {{"8.00", "150.00", support.project}}, false);
        f.scalar("INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                 "invoice_line_id, hours, amount) SELECT 'time_entry', ?, invoice_id, id, 8, 1200 "
                 "FROM invoice_lines WHERE invoice_id = ? RETURNING id",
                 {entry, closed});

        const qint64 munich = f.account("DE", "Munich GmbH", "DE", "EUR");
        const auto deContract = f.contract(munich, "EUR", "Beratung");
        german = f.scalar("INSERT INTO invoices (legal_entity_id, account_id, contract_id, "
                          "invoice_date, due_date, currency, tax_code, period_start, period_end) "
                          "SELECT legal_entity_id, account_id, id, '2026-09-30', '2026-10-30', "
                          "'EUR', 'EXPORT_EXEMPT', '2026-09-01', '2026-09-30' FROM contracts "
                          "WHERE id = ? RETURNING id",
                          {deContract.id});
    }
    void cleanup() { f.tearDown(); }

    void notTrainedIs409()
    {
        const HttpResult r = get("ukfin", "");
        QCOMPARE(r.status, 409);
        QVERIFY2(r.body.contains("not_trained"), r.body.constData());
    }

    void badParametersAre422AndOtherEntities403()
    {
        train();
        HttpResult r = get("ukfin", "?invoice=abc");
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("\"invoice\""), r.body.constData());
        QCOMPARE(get("ukfin", "?all=maybe").status, 422);
        QCOMPARE(get("ukfin", QStringLiteral("?invoice=%1").arg(german)).status, 403);
        QCOMPARE(get("ukfin", QStringLiteral("?entity=%1").arg(f.de)).status, 403);
        QCOMPARE(get("ukfin", "?invoice=999999").status, 404);
        QCOMPARE(get("amy", "").status, 403); // a consultant has no insights.use
    }

    void cleanDraftHasNoFlags()
    {
        train();
        const HttpResult r = get("ukfin", QStringLiteral("?invoice=%1").arg(clean));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value("invoice_id").toInteger(), clean);
        QCOMPARE(item.value("total").toString(), QStringLiteral("6150.00"));
        QCOMPARE(item.value("currency").toString(), QStringLiteral("GBP"));
        QCOMPARE(item.value("flags").toArray().size(), 0);
        QCOMPARE(r.json().value("model").toObject().value("name").toString(),
                 QStringLiteral("invoice_anomaly"));

        // Without all=true only flagged drafts are listed: not the clean one, nor the German
        // draft of an entity outside ukfin's grants.
        const HttpResult list = get("ukfin", "");
        QCOMPARE(list.status, 200);
        QList<qint64> ids;
        for (const QJsonValue &v : list.json().value("items").toArray())
            ids << v.toObject().value("invoice_id").toInteger();
        QCOMPARE(ids, (QList<qint64>{hours, rate, dup, closed}));
    }

    void fourHundredHoursAgainstAMedianOfForty()
    {
        train();
        const auto byKind = flags(get("ukfin", "?all=true").json(), hours);
        QVERIFY(byKind.contains("hours_outlier"));
        const QJsonObject h = byKind.value("hours_outlier");
        QCOMPARE(h.value("value").toString(), QStringLiteral("400.00"));
        QCOMPARE(h.value("line_id").toInteger(), f.scalar("SELECT id FROM invoice_lines WHERE "
                                                          "invoice_id = ?",
                                                          {hours}));
        const QJsonObject c = h.value("compared_with").toObject();
        QCOMPARE(c.value("basis").toString(), QStringLiteral("contract"));
        QCOMPARE(c.value("median").toString(), QStringLiteral("40.00"));
        QCOMPARE(c.value("mad").toString(), QStringLiteral("1.48"));
        QCOMPARE(c.value("n").toInt(), 8);
        QVERIFY2(h.value("text").toString().contains("400.00 h"),
                 qPrintable(h.value("text").toString()));
        // 60,000.00 against a median of 6,000.00 is an amount outlier too; the rate is fine.
        QVERIFY(byKind.contains("amount_outlier"));
        QCOMPARE(byKind.value("amount_outlier").value("compared_with").toObject().value("median"),
                 QJsonValue(QStringLiteral("6000.00")));
        QVERIFY(!byKind.contains("rate_outlier"));
        QVERIFY(!byKind.contains("rate_card_mismatch"));
    }

    void aRateTypedTenTimes()
    {
        train();
        const auto byKind = flags(get("ukfin", "?all=true").json(), rate);
        QVERIFY(byKind.contains("rate_outlier"));
        const QJsonObject c = byKind.value("rate_outlier").value("compared_with").toObject();
        QCOMPARE(byKind.value("rate_outlier").value("value").toString(), QStringLiteral("1500.00"));
        QCOMPARE(c.value("basis").toString(), QStringLiteral("contract"));
        QCOMPARE(c.value("median").toString(), QStringLiteral("150.00"));
        QCOMPARE(c.value("mad").toString(), QStringLiteral("0.00"));
        QCOMPARE(c.value("n").toInt(), 8);
        QVERIFY(byKind.contains("rate_card_mismatch"));
        const QJsonObject card = byKind.value("rate_card_mismatch");
        QCOMPARE(card.value("value").toString(), QStringLiteral("1500.00"));
        QCOMPARE(card.value("compared_with").toObject().value("basis").toString(),
                 QStringLiteral("rate_card"));
        QCOMPARE(card.value("compared_with").toObject().value("rate").toString(),
                 QStringLiteral("150.00"));
        QVERIFY(!byKind.contains("hours_outlier"));
    }

    void aLineTypedTwice()
    {
        train();
        const auto byKind = flags(get("ukfin", "?all=true").json(), dup);
        QCOMPARE(byKind.count("duplicate_line"), 1);
        const QJsonObject d = byKind.value("duplicate_line");
        QCOMPARE(
            d.value("line_id").toInteger(),
            f.scalar("SELECT id FROM invoice_lines WHERE invoice_id = ? AND line_no = 2", {dup}));
        QCOMPARE(d.value("compared_with").toObject().value("basis").toString(),
                 QStringLiteral("invoice"));
        QCOMPARE(d.value("compared_with").toObject().value("line_no").toInt(), 1);
        QVERIFY(!byKind.contains("rate_card_mismatch"));
    }

    void aTimeEntryBilledTwice()
    {
        train();
        // The support draft's entry claimed again by a second draft's line (a second part):
        // 16 h billed of an 8 h entry.
        const qint64 again =
            invoice(support.id, "2026-09", {{"8.00", "150.00", support.project}}, false);
        f.scalar("INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                 "invoice_line_id, hours, amount, part) SELECT 'time_entry', s.source_key, "
                 "l.invoice_id, l.id, 8, 1200, 2 FROM invoice_lines l, billing_sources s WHERE "
                 "l.invoice_id = ? AND s.invoice_id = ? RETURNING id",
                 {again, closed});
        const QJsonObject answer = get("ukfin", "?all=true").json();
        QVERIFY(flags(answer, again).contains("duplicate_line"));
        QVERIFY(!flags(answer, closed).contains("duplicate_line")); // the first claim stands
    }

    void timeAfterItsProjectClosed()
    {
        train();
        const auto byKind = flags(get("ukfin", "?all=true").json(), closed);
        QVERIFY(byKind.contains("after_project_closed"));
        const QJsonObject a = byKind.value("after_project_closed");
        QCOMPARE(a.value("value").toString(), QStringLiteral("2026-09-10"));
        QCOMPARE(a.value("compared_with").toObject().value("basis").toString(),
                 QStringLiteral("project"));
        QCOMPARE(a.value("compared_with").toObject().value("closed_on").toString(),
                 QStringLiteral("2026-08-31"));
        // Its 8 h are compared with the firm's norm of the role (the contract has no history):
        // no outlier.
        QCOMPARE(byKind.size(), 1);
    }

    void trainingRecordsItsCutOffAndThresholds()
    {
        const InsightsTrained t = invoiceAnomalyModel().train(f.db->sql(), QDate(2026, 11, 15), {});
        QVERIFY(t.error.isEmpty());
        QCOMPARE(t.backtest.value("cutoff").toString(), QStringLiteral("2026-09-01"));
        QVERIFY(t.parameters.value("z_cut").toDouble() >= 3);
        QCOMPARE(t.parameters.value("min_n").toInt(), 4);
        const QJsonObject figures = t.backtest.value("figures").toObject();
        QCOMPARE(figures.value("anomaly_drafts").toString(), QStringLiteral("6"));
        // Nothing planted in this firm: recall and precision are not measured.
        QVERIFY(!figures.contains("anomaly_recall"));
    }
};

QTEST_GUILESS_MAIN(TestInsightsInvoiceAnomaly)
#include "tst_insights_invoice_anomaly.moc"
