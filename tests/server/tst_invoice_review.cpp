// Draft review and corrections: list and drill-down, edits, holding a line (its sources free for
// the next run), write-downs and approval through the workflow (never by the submitter), bulk
// approve and issue, credit notes full (sources released, invoice voided, posting mirrored) and
// partial, and the PDF.

#include "tst_invoice_fixture.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <thread>

using namespace keel;
using namespace keel::test;

class InvoiceReviewTest : public QObject, public InvoiceFixture
{
    Q_OBJECT

    QString status(qint64 invoice)
    {
        return text("SELECT status FROM invoices WHERE id = ?", {invoice});
    }

    static QString lineUrl(qint64 invoice, qint64 line, const char *what)
    {
        return path(invoice, QStringLiteral("/lines/%1/%2").arg(line).arg(QLatin1String(what)));
    }

    // The pending approval request of a document.
    qint64 requestOf(const char *type, qint64 id)
    {
        return scalar(
            "SELECT id FROM approval_requests WHERE document_type = ? AND document_id = ? "
            "AND status = 'pending'",
            {type, QString::number(id)});
    }

    qint64 issue(qint64 invoice)
    {
        setApproved(invoice);
        const HttpResult r = login("fin")->post(path(invoice, "/issue"), {});
        if (r.status != 200)
            qWarning() << r.body;
        return r.json().value("journal_entry_id").toString().toLongLong();
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void listFiltersPagesAndDrillsDown()
    {
        const qint64 a = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        const qint64 b = ukDraft("2026-03-31", {{lake, "200.00", "20"}});
        const qint64 c = draft(uk, globex, "USD", "EXPORT_EXEMPT", "2026-03-31", {{sea, "300.00"}});
        const QStringList time = billTime(a, 1, lake, 2, "6.25");
        auto http = login("fin");
        QJsonObject page = http->get("/api/v1/billing/invoices?limit=2").json();
        QJsonArray items = page.value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("id").toString(), QString::number(a));
        QVERIFY(!items.at(0).toObject().contains("lines"));
        QCOMPARE(items.at(0).toObject().value("total").toObject(), m("120.00", "GBP"));
        page = http->get("/api/v1/billing/invoices?limit=2&after=" +
                         page.value("next_after").toString())
                   .json();
        QCOMPARE(page.value("items").toArray().size(), 1);
        QCOMPARE(page.value("items").toArray().at(0).toObject().value("id").toString(),
                 QString::number(c));
        QCOMPARE(http->get("/api/v1/billing/invoices?account_id=" + QString::number(globex))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(http->get("/api/v1/billing/invoices?from=2026-03-01&q=acme")
                     .json()
                     .value("items")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("id")
                     .toString(),
                 QString::number(b));
        QCOMPARE(http->get("/api/v1/billing/invoices?status=issued")
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(http->get("/api/v1/billing/invoices?status=nonsense").status, 422);
        QCOMPARE(http->get("/api/v1/billing/invoices?from=March").status, 422);
        QCOMPARE(
            login("usfin")->get("/api/v1/billing/invoices").json().value("items").toArray().size(),
            0);
        QCOMPARE(login("amy")->get("/api/v1/billing/invoices").status, 403);

        // Drill-down: the time behind the line, with who and when.
        const QJsonObject one = http->get(path(a)).json();
        const QJsonObject line = one.value("lines").toArray().at(0).toObject();
        QCOMPARE(line.value("source_count").toInt(), 2);
        const QJsonObject sources =
            http->get(lineUrl(a, line.value("id").toString().toLongLong(), "sources")).json();
        const QJsonArray rows = sources.value("items").toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value("kind").toString(), QString("time_entry"));
        QCOMPARE(rows.at(0).toObject().value("key").toString(), time.at(0));
        QCOMPARE(rows.at(0).toObject().value("hours").toString(), QString("6.25"));
        QCOMPARE(rows.at(0).toObject().value("person").toString(), QString("amy"));
        QCOMPARE(rows.at(0).toObject().value("date").toString(), QString("2026-02-02"));
        QCOMPARE(rows.at(1).toObject().value("notes").toString(), QString("Workshop day 2"));
        QCOMPARE(http->get(lineUrl(b, line.value("id").toString().toLongLong(), "sources")).status,
                 404);
    }

    void editADraft()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        auto http = login("fin");
        QJsonObject o = http->get(path(inv)).json();
        const QString line = o.value("lines").toArray().at(0).toObject().value("id").toString();
        const auto patch = [&](const QJsonObject &body) {
            return http->send("PATCH", path(inv), QJsonDocument(body).toJson());
        };
        HttpResult r = patch({{"version", o.value("version")},
                              {"notes", "PO 4711"},
                              {"show_time_detail", true},
                              {"invoice_date", "2026-02-28"},
                              {"lines", QJsonArray{QJsonObject{{"id", line},
                                                               {"description", "Data platform, "
                                                                               "February"}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("notes").toString(), QString("PO 4711"));
        QCOMPARE(r.json().value("due_date").toString(), QString("2026-03-30")); // terms kept
        QCOMPARE(r.json().value("lines").toArray().at(0).toObject().value("description").toString(),
                 QString("Data platform, February"));
        QCOMPARE(r.json().value("version").toInt(), o.value("version").toInt() + 1);
        // Stale, invalid, unknown line.
        QCOMPARE(patch({{"version", o.value("version")}, {"notes", "x"}}).status, 412);
        r = patch({{"version", r.json().value("version")}, {"due_date", "2026-01-01"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("due_date:before_invoice_date"));
        r = patch(
            {{"version", 2}, {"lines", QJsonArray{QJsonObject{{"id", "1"}, {"description", ""}}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines/0/description:required"));
        QCOMPARE(login("usfin")->send("PATCH", path(inv), R"({"version":2,"notes":"x"})").status,
                 404);
    }

    void holdingALineFreesItsSources()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "750.00", "20"}, {lake, "100.00", "20"}});
        const QStringList time = billTime(inv, 1, lake, 2);
        auto http = login("fin");
        HttpResult r = http->post(lineUrl(inv, lineId(inv, 1), "hold"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("lines").toArray().size(), 1);
        QCOMPARE(r.json().value("total").toObject(), m("120.00", "GBP"));
        QCOMPARE(r.json().value("status").toString(), QString("draft"));
        // Free for the next run: no claim is left, so a new one is accepted.
        QCOMPARE(scalar("SELECT count(*) FROM billing_sources WHERE source_key = ANY(?::text[])",
                        {u'{' + time.join(u',') + u'}'}),
                 0);
        const qint64 other = ukDraft("2026-03-31", {{lake, "750.00", "20"}});
        billTime(other, 1, lake, 0);
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                  "invoice_line_id, hours, amount) VALUES ('time_entry', ?, ?, ?, 7.5, 0)",
                  {time.at(0), other, lineId(other, 1)});
        QCOMPARE(text("SELECT status FROM time_entries WHERE id = ?::uuid", {time.at(0)}),
                 QString("approved"));
        // Holding the last line cancels the draft.
        r = http->post(lineUrl(inv, lineId(inv, 2), "hold"), {});
        QCOMPARE(r.json().value("status").toString(), QString("cancelled"));
        KEEL_COVERS_TRANSITION("invoice", "draft", "hold_all", r.json().value("status").toString());
        QCOMPARE(r.json().value("total").toObject(), m("0.00", "GBP"));
        QCOMPARE(http->post(lineUrl(inv, 424242, "hold"), {}).status, 409); // not a draft now
        QCOMPARE(http->post(lineUrl(other, 424242, "hold"), {}).status, 404);
    }

    void aWriteDownWaitsForApprovalAndThenChangesAmountAndTax()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "1000.00", "20"}, {lake, "100.00", "20"}});
        const qint64 line = lineId(inv, 1);
        auto http = login("fin");
        HttpResult r = http->post(lineUrl(inv, line, "write-down"),
                                  {{"amount", m("1000.01", "GBP")}, {"reason", "Goodwill"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("amount:exceeds_gross"));
        r = http->post(lineUrl(inv, line, "write-down"), {{"amount", m("250.00", "GBP")}});
        QCOMPARE(r.fieldCodes(), QString("reason:required"));
        r = http->post(lineUrl(inv, line, "write-down"),
                       {{"amount", m("250.00", "EUR")}, {"reason", "Goodwill"}});
        QCOMPARE(r.fieldCodes(), QString("amount:currency_mismatch"));
        r = http->post(lineUrl(inv, line, "write-down"),
                       {{"amount", m("250.00", "GBP")}, {"reason", "Onboarding took longer"}});
        QCOMPARE(r.status, 200);
        QJsonObject l = r.json().value("lines").toArray().at(0).toObject();
        QCOMPARE(l.value("write_down_status").toString(), QString("pending"));
        QCOMPARE(l.value("amount").toObject(), m("1000.00", "GBP")); // unchanged until approved
        QCOMPARE(r.json().value("total").toObject(), m("1320.00", "GBP"));
        // Nothing moves while it waits.
        QCOMPARE(http->post(lineUrl(inv, line, "write-down"),
                            {{"amount", m("1.00", "GBP")}, {"reason", "x"}})
                     .fieldCodes(),
                 QString("write_down_status:write_down_pending"));
        r = http->post(path(inv, "/approve"), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("lines:write_down_pending"));

        const qint64 request = requestOf("invoice_write_down", line);
        QVERIFY(request > 0);
        QCOMPARE(http->post(QStringLiteral("/api/v1/approvals/%1/approve").arg(request), {}).status,
                 403); // the submitter
        r = login("fin2")->post(QStringLiteral("/api/v1/approvals/%1/approve").arg(request), {});
        QCOMPARE(r.status, 200);
        const QJsonObject after = http->get(path(inv)).json();
        l = after.value("lines").toArray().at(0).toObject();
        QCOMPARE(l.value("write_down_status").toString(), QString("approved"));
        QCOMPARE(l.value("write_down").toObject(), m("250.00", "GBP"));
        QCOMPARE(l.value("gross_amount").toObject(), m("1000.00", "GBP"));
        QCOMPARE(l.value("amount").toObject(), m("750.00", "GBP"));
        QCOMPARE(l.value("tax_amount").toObject(), m("150.00", "GBP"));
        QCOMPARE(after.value("subtotal").toObject(), m("850.00", "GBP"));
        QCOMPARE(after.value("tax_total").toObject(), m("170.00", "GBP"));
        QCOMPARE(after.value("total").toObject(), m("1020.00", "GBP"));

        // A write-off of the other line, rejected: nothing changes.
        http->post(lineUrl(inv, lineId(inv, 2), "write-down"),
                   {{"amount", m("100.00", "GBP")}, {"reason", "Not agreed"}});
        r = login("fin2")->post(QStringLiteral("/api/v1/approvals/%1/reject")
                                    .arg(requestOf("invoice_write_down", lineId(inv, 2))),
                                {{"comment", "It was agreed"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(http->get(path(inv)).json().value("total").toObject(), m("1020.00", "GBP"));
    }

    void approvalGoesThroughTheWorkflowAndNeverToTheSubmitter()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "1000.00", "20"}});
        auto http = login("fin");
        HttpResult r = http->post(path(inv, "/approve"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QString("draft"));
        QCOMPARE(r.json().value("approval").toObject(),
                 (QJsonObject{{"status", "pending"}, {"current_role", "finance"}}));
        QCOMPARE(http->post(path(inv, "/approve"), {}).fieldCodes(),
                 QString("approval:approval_pending"));
        QCOMPARE(http->send("PATCH", path(inv), R"({"version":2,"notes":"x"})").fieldCodes(),
                 QString("approval:approval_pending"));
        const qint64 request = requestOf("invoice", inv);
        QCOMPARE(http->post(QStringLiteral("/api/v1/approvals/%1/approve").arg(request), {}).status,
                 403);
        QCOMPARE(status(inv), QString("draft"));
        r = login("fin2")->post(QStringLiteral("/api/v1/approvals/%1/approve").arg(request), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(status(inv), QString("approved"));
        KEEL_COVERS_TRANSITION("invoice", "draft", "approve", status(inv));
        QCOMPARE(scalar("SELECT approved_by FROM invoices WHERE id = ?", {inv}), fin2);

        // Rejected: back to an editable draft.
        const qint64 other = ukDraft("2026-02-27", {{lake, "10.00", "20"}});
        http->post(path(other, "/approve"), {});
        r = login("fin2")->post(
            QStringLiteral("/api/v1/approvals/%1/reject").arg(requestOf("invoice", other)),
            {{"comment", "Wrong client"}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("invoice", "draft", "reject", status(other));
        const QJsonObject o = http->get(path(other)).json();
        QCOMPARE(o.value("approval").toObject().value("status").toString(), QString("rejected"));
        QCOMPARE(http->send("PATCH", path(other),
                            QJsonDocument(
                                QJsonObject{{"version", o.value("version")}, {"notes", "fixed"}})
                                .toJson())
                     .status,
                 200);
        // Over 50,000 a controller decides after finance.
        const qint64 big = ukDraft("2026-02-27", {{lake, "60000.00", "20"}});
        r = http->post(path(big, "/approve"), {});
        QCOMPARE(r.status, 200);
        login("fin2")->post(
            QStringLiteral("/api/v1/approvals/%1/approve").arg(requestOf("invoice", big)), {});
        QCOMPARE(http->get(path(big)).json().value("approval").toObject().value("current_role"),
                 QJsonValue("controller"));
        QCOMPARE(status(big), QString("draft"));
        QCOMPARE(login("amy")->post(path(big, "/approve"), {}).status, 403);
    }

    void bulkApproveAndIssue()
    {
        const qint64 a = ukDraft("2026-02-27", {{lake, "100.00", "20"}});
        const qint64 b = ukDraft("2026-02-27", {{lake, "200.00", "20"}});
        const qint64 c = ukDraft("2026-02-27", {{lake, "300.00", "20"}});
        setApproved(b);
        setApproved(c);
        auto http = login("fin");
        HttpResult r = http->post(
            "/api/v1/billing/invoices/bulk",
            {{"action", "approve"}, {"ids", QJsonArray{QString::number(a), QString::number(b)}}});
        QCOMPARE(r.status, 200);
        QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.at(0).toObject().value("status").toString(), QString("ok"));
        QCOMPARE(results.at(1).toObject().value("status").toString(), QString("error"));
        QCOMPARE(results.at(1).toObject().value("problem").toObject().value("status").toInt(), 409);
        r = http->post("/api/v1/billing/invoices/bulk",
                       {{"action", "issue"},
                        {"ids", QJsonArray{QString::number(c), QString::number(a),
                                           QString::number(b), "999999"}}});
        results = r.json().value("results").toArray();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results.at(0).toObject().value("status").toString(), QString("ok"));
        QCOMPARE(results.at(1).toObject().value("problem").toObject().value("status").toInt(),
                 409); // waiting for approval
        QCOMPARE(results.at(2).toObject().value("status").toString(), QString("ok"));
        QCOMPARE(results.at(3).toObject().value("problem").toObject().value("status").toInt(), 404);
        QCOMPARE(text("SELECT number FROM invoices WHERE id = ?", {b}),
                 QString("INV-UK-2026-000001"));
        QCOMPARE(text("SELECT number FROM invoices WHERE id = ?", {c}),
                 QString("INV-UK-2026-000002"));
        QCOMPARE(
            http->post("/api/v1/billing/invoices/bulk", {{"action", "post"}, {"ids", QJsonArray{}}})
                .fieldCodes(),
            QString("action:invalid_value"));
    }

    void aFullCreditNoteReleasesTheSourcesAndVoidsTheInvoice()
    {
        recognise(uk, lake, acme, "600.00", "GBP");
        const qint64 inv =
            ukDraft("2026-02-27", {{lake, "1000.00", "20"}, {lake, "500.00", "20", "ahead"}});
        const QStringList time = billTime(inv, 1, lake, 2);
        // A billable expense claimed by the second line, beside the time of the first.
        const qint64 category =
            scalar("INSERT INTO expense_categories (legal_entity_id, code, name) VALUES (?, "
                   "'TAXI', 'Taxi') RETURNING id",
                   {uk});
        const QString taxi = QUuid::createUuid().toString(QUuid::WithoutBraces);
        db::query(
            db->sql(),
            "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, project_id, "
            "expense_date, description, amount, currency, fx_rate, functional_amount, "
            "functional_currency, billable, status) VALUES (?::uuid, ?, ?, ?, ?, "
            "'2026-02-10', 'Taxi to the client', 42.50, 'GBP', 1, 42.50, 'GBP', true, "
            "'approved')",
            {taxi, consultant, uk, category, lake});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                  "invoice_line_id, amount) VALUES ('expense', ?, ?, ?, 42.50)",
                  {taxi, inv, lineId(inv, 2)});
        const qint64 entry = issue(inv);
        QCOMPARE(balance(uk, "1100", acme), QString("1800.00"));
        QCOMPARE(
            text("SELECT status || ' ' || invoice_id FROM expenses WHERE id = ?::uuid", {taxi}),
            QStringLiteral("invoiced %1").arg(inv));
        auto http = login("fin");
        HttpResult r =
            http->post(path(inv, "/credit-note"), {{"reason", "Billed to the wrong client"},
                                                   {"release_sources", true},
                                                   {"date", "2026-03-10"}});
        QCOMPARE(r.status, 201);
        const QJsonObject cn = r.json();
        QCOMPARE(cn.value("number").toString(), QString("CN-UK-2026-000001"));
        QCOMPARE(cn.value("kind").toString(), QString("credit_note"));
        QCOMPARE(cn.value("credits_invoice_id").toString(), QString::number(inv));
        QCOMPARE(cn.value("total").toObject(), m("1800.00", "GBP"));
        QCOMPARE(cn.value("balance").toObject(), m("0.00", "GBP"));
        QCOMPARE(cn.value("released_sources").toInt(), 3);
        QCOMPARE(status(inv), QString("voided"));
        KEEL_COVERS_TRANSITION("invoice", "issued", "credit", status(inv));
        // The mirror of the invoice's posting: receivable and tax back to zero, unbilled as before.
        const qint64 cnEntry = cn.value("journal_entry_id").toString().toLongLong();
        QCOMPARE(
            linesOf(cnEntry),
            (QStringList{"1150 Dr 600.00 GBP / 600.00 lake", "2200 Dr 400.00 GBP / 400.00 lake",
                         "2200 Dr 500.00 GBP / 500.00 lake", "2100 Dr 300.00 GBP / 300.00 -",
                         "1100 Cr 1800.00 GBP / 1800.00 -"}));
        QVERIFY(entry != cnEntry);
        QCOMPARE(balance(uk, "1100", acme), QString("0.00"));
        QCOMPARE(balance(uk, "2100"), QString("0.00"));
        QCOMPARE(balance(uk, "2200"), QString("0.00"));
        QCOMPARE(balance(uk, "1150"), QString("600.00"));
        // Billable again: time approved, claims released, a new claim accepted.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'approved' AND "
                        "invoice_id IS NULL AND id = ANY(?::uuid[])",
                        {u'{' + time.join(u',') + u'}'}),
                 2);
        QCOMPARE(text("SELECT status || coalesce(' ' || invoice_id, '') FROM expenses WHERE id = "
                      "?::uuid",
                      {taxi}),
                 QString("approved"));
        QCOMPARE(scalar("SELECT count(*) FROM billing_sources WHERE invoice_id = ? AND "
                        "released_at IS NOT NULL AND released_by_invoice_id = ?",
                        {inv, cn.value("id").toString().toLongLong()}),
                 3);
        const qint64 again = ukDraft("2026-03-31", {{lake, "1000.00", "20"}});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                  "invoice_line_id, hours, amount) VALUES ('time_entry', ?, ?, ?, 7.5, 0)",
                  {time.at(0), again, lineId(again, 1)});
        // Voided: no second credit; a credit note itself is not credited.
        QCOMPARE(http->post(path(inv, "/credit-note"), {{"reason", "again"}}).fieldCodes(),
                 QString("status:not_issued"));
        QCOMPARE(http->post(path(cn.value("id").toString().toLongLong(), "/credit-note"),
                            {{"reason", "x"}})
                     .status,
                 409);
        // The PDF of the credit note names the invoice it credits.
        const HttpResult pdf = http->get(path(cn.value("id").toString().toLongLong(), "/pdf"));
        QCOMPARE(pdf.status, 200);
        QVERIFY(pdf.body.startsWith("%PDF"));
    }

    void aPartialCreditNoteReducesTheBalance()
    {
        const qint64 inv = ukDraft("2026-02-27", {{lake, "1000.00", "20"}, {lake, "99.99", "20"}});
        issue(inv);
        auto http = login("fin");
        const QString line1 = QString::number(lineId(inv, 1));
        HttpResult r = http->post(
            path(inv, "/credit-note"),
            {{"reason", "Two hours not agreed"},
             {"release_sources", true},
             {"lines",
              QJsonArray{QJsonObject{{"line_id", line1}, {"amount", m("100.00", "GBP")}}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("release_sources:full_credit_only"));
        const QByteArray partial =
            QJsonDocument(
                QJsonObject{{"reason", "Two hours not agreed"},
                            {"date", "2026-03-02"},
                            {"lines", QJsonArray{QJsonObject{{"line_id", line1},
                                                             {"amount", m("100.00", "GBP")}}}}})
                .toJson();
        r = http->send("POST", path(inv, "/credit-note"), partial,
                       {{"Content-Type", "application/json"}, {"Idempotency-Key", "cn-7"}});
        QCOMPARE(r.status, 201);
        // A retry with the same key answers the same credit note and credits nothing more.
        const HttpResult retry =
            http->send("POST", path(inv, "/credit-note"), partial,
                       {{"Content-Type", "application/json"}, {"Idempotency-Key", "cn-7"}});
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.json().value("id"), r.json().value("id"));
        QCOMPARE(scalar("SELECT count(*) FROM invoices WHERE credits_invoice_id = ?", {inv}), 1);
        QCOMPARE(r.json().value("total").toObject(), m("120.00", "GBP"));
        QCOMPARE(r.json().value("tax_total").toObject(), m("20.00", "GBP"));
        QCOMPARE(linesOf(r.json().value("journal_entry_id").toString().toLongLong()),
                 (QStringList{"1150 Dr 100.00 GBP / 100.00 lake", "2100 Dr 20.00 GBP / 20.00 -",
                              "1100 Cr 120.00 GBP / 120.00 -"}));
        QJsonObject o = http->get(path(inv)).json();
        QCOMPARE(o.value("status").toString(), QString("issued"));
        KEEL_COVERS_TRANSITION("invoice", "issued", "credit_part", o.value("status").toString());
        QCOMPARE(o.value("balance").toObject(), m("1199.99", "GBP")); // 1,319.99 − 120.00
        QCOMPARE(balance(uk, "1100", acme), QString("1199.99"));
        // What is left of the line: 900.00.
        r = http->post(path(inv, "/credit-note"),
                       {{"reason", "x"},
                        {"lines", QJsonArray{QJsonObject{{"line_id", line1},
                                                         {"amount", m("900.01", "GBP")}}}}});
        QCOMPARE(r.fieldCodes(), QString("lines/0/amount:exceeds_line"));
        r = http->post(path(inv, "/credit-note"),
                       {{"reason", "x"},
                        {"lines", QJsonArray{QJsonObject{{"line_id", "999999"},
                                                         {"amount", m("1.00", "GBP")}}}}});
        QCOMPARE(r.fieldCodes(), QString("lines/0/line_id:unknown"));
        // A full credit is refused once part of it is settled.
        QCOMPARE(http->post(path(inv, "/credit-note"), {{"reason", "x"}}).fieldCodes(),
                 QString("amount_paid:invoice_paid"));
        QCOMPARE(login("usfin")->post(path(inv, "/credit-note"), {{"reason", "x"}}).status, 404);
        QCOMPARE(http->post(path(inv, "/credit-note"), {}).fieldCodes(),
                 QString("reason:required"));
        QCOMPARE(text("SELECT number FROM invoices WHERE credits_invoice_id = ?", {inv}),
                 QString("CN-UK-2026-000001"));

        // Part paid (as a receipt allocation leaves it): a credit reduces what is still open.
        const qint64 paid = ukDraft("2026-02-27", {{lake, "500.00", "20"}});
        issue(paid);
        db::query(db->sql(),
                  "UPDATE invoices SET amount_paid = 200, functional_paid = 200, status = "
                  "'partially_paid' WHERE id = ?",
                  {paid});
        r = http->post(
            path(paid, "/credit-note"),
            {{"reason", "Discount agreed"},
             {"lines", QJsonArray{QJsonObject{{"line_id", QString::number(lineId(paid, 1))},
                                              {"amount", m("50.00", "GBP")}}}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("number").toString(), QString("CN-UK-2026-000002"));
        o = http->get(path(paid)).json();
        KEEL_COVERS_TRANSITION("invoice", "partially_paid", "credit_part",
                               o.value("status").toString());
        QCOMPARE(o.value("balance").toObject(), m("340.00", "GBP")); // 600 − 200 − 60
        // Crediting all that is open once receipts settled part of it is refused.
        r = http->post(
            path(paid, "/credit-note"),
            {{"reason", "x"},
             {"lines", QJsonArray{QJsonObject{{"line_id", QString::number(lineId(paid, 1))},
                                              {"amount", m("283.34", "GBP")}}}}});
        QCOMPARE(r.fieldCodes(), QString("lines:exceeds_balance"));
    }

    void thePdf()
    {
        const qint64 inv = draft(uk, globex, "USD", "EXPORT_EXEMPT", "2026-03-15",
                                 {{sea, "1234.56", "0", "arrears", "9.5", "129.953684"}});
        billTime(inv, 1, sea, 60);
        db::query(db->sql(), "UPDATE invoices SET show_time_detail = true WHERE id = ?", {inv});
        auto http = login("fin");
        HttpResult r = http->get(path(inv, "/pdf")); // a draft renders too, marked as such
        QCOMPARE(r.status, 200);
        issue(inv);
        QElapsedTimer t;
        t.start();
        r = http->get(path(inv, "/pdf"));
        const qint64 ms = t.elapsed();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/pdf"));
        QVERIFY(r.body.startsWith("%PDF-"));
        QVERIFY2(r.body.size() > 5000, QByteArray::number(r.body.size()));
        qInfo() << "invoice PDF" << r.body.size() << "bytes in" << ms << "ms";
        if (const QString out = qEnvironmentVariable("KEEL_INVOICE_PDF_OUT"); !out.isEmpty()) {
            QFile f(out); // to look at it: KEEL_INVOICE_PDF_OUT=/tmp/invoice.pdf
            if (f.open(QIODevice::WriteOnly))
                f.write(r.body);
        }
        // The text is really there (poppler's pdftotext, when installed).
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QTemporaryFile f;
            QVERIFY(f.open());
            f.write(r.body);
            f.flush();
            QProcess p;
            p.start(QStringLiteral("pdftotext"), {f.fileName(), QStringLiteral("-")});
            QVERIFY(p.waitForFinished(10000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(out.contains("INV-UK-2026-000001"), qPrintable(out));
            QVERIFY2(out.contains("Keel Consulting Ltd"), qPrintable(out));
            QVERIFY2(out.contains("Globex Inc"), qPrintable(out));
            QVERIFY2(out.contains("1,234.56 USD"), qPrintable(out));
            QVERIFY2(out.contains("outside the scope of VAT"), qPrintable(out));
            QVERIFY2(out.contains("Time detail"), qPrintable(out));
            QVERIFY2(out.contains("Workshop day 3"), qPrintable(out));
        }
        QCOMPARE(login("usfin")->get(path(inv, "/pdf")).status, 404);

        // Rendered on every worker thread at once (QTextDocument and fonts off the main thread).
        std::vector<std::thread> threads;
        QAtomicInt good = 0;
        const QUrl base = server->baseUrl();
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&, base] {
                HttpClient c(base);
                c.login(QStringLiteral("fin"), QStringLiteral("fin password"));
                for (int k = 0; k < 3; ++k) {
                    const HttpResult p = c.get(path(inv, "/pdf"));
                    if (p.status == 200 && p.body.startsWith("%PDF"))
                        good.fetchAndAddRelaxed(1);
                }
            });
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(good.loadRelaxed(), 12);
    }
};

KEEL_INVOICE_TEST_MAIN(InvoiceReviewTest)
#include "tst_invoice_review.moc"
