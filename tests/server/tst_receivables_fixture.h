#pragma once

// Shared set-up for the receivables tests, on top of the ledger's (tst_ledger_fixture.h: US,
// UK, DE with charts; fin = finance of US, ukfin = finance of UK, amy = consultant of US):
// USD→GBP 0.79 from 2026-01-01 and 0.81 from 2026-03-01; UK clients Globex (bills in USD) and
// Initech (GBP); bank accounts of UK in USD and GBP and of US in USD, all on their entity's
// 'bank' ledger account; issued invoices inserted as billing issues them (number, fx_rate,
// functional_total) with their AR posting through posting_rules::invoiceIssued.

#include "ledger/fx_rates.h"
#include "receivables/receipt_service.h"
#include "tst_ledger_fixture.h"

namespace keel::test {

class ReceivablesFixture : public LedgerFixture
{
public:
    qint64 globex = 0, initech = 0;
    qint64 ukUsdBank = 0, ukGbpBank = 0, usBank = 0;
    std::unique_ptr<HttpClient> ukfin;
    int invoiceNo = 0;

    void setUpReceivables(const char *name)
    {
        setUp(name);
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('USD', 'GBP', '2026-01-01', 0.79), "
                            "('USD', 'GBP', '2026-03-01', 0.81)");
        globex = client_(uk, "Globex", "USD");
        initech = client_(uk, "Initech", "GBP");
        ukUsdBank = bank(uk, "UK USD", "GB00USD1", "USD");
        ukGbpBank = bank(uk, "UK GBP", "GB00GBP1", "GBP");
        usBank = bank(us, "US USD", "US0001", "USD");
        ukfin = login("ukfin");
    }

    qint64 client_(qint64 entity, const QString &name, const QString &currency)
    {
        return scalar("INSERT INTO accounts (legal_entity_id, name, name_norm, country, "
                      "billing_currency, tax_profile) VALUES (?, ?, lower(?), 'GB', ?, "
                      "'STANDARD') RETURNING id",
                      {entity, name, name, currency});
    }

    qint64 bank(qint64 entity, const QString &name, const QString &number, const QString &currency)
    {
        return scalar("INSERT INTO bank_accounts (legal_entity_id, name, account_number, "
                      "currency, ledger_account_id) SELECT ?, ?, ?, ?, id FROM ledger_accounts "
                      "WHERE legal_entity_id = ? AND role = 'bank' RETURNING id",
                      {entity, name, number, currency, entity});
    }

    // An issued invoice of `total` (net `total - tax`) at the invoice date's rate, posted.
    qint64 invoice(qint64 entity, qint64 client, const char *currency, const char *total,
                   const QDate &invoiceDate, const QDate &dueDate, const char *tax = "0")
    {
        const QString fc =
            text("SELECT functional_currency FROM legal_entities WHERE id = ?", {entity});
        const FxRate rate = requireFxRate(db->sql(), currency, fc, invoiceDate, "x");
        const Money t = money(total, currency);
        const Money ft = t.convert(rate.rate, Currency::fromCode(fc).value()).value();
        const Money x = money(tax, currency);
        const QString number = QStringLiteral("INV-T-%1").arg(++invoiceNo, 6, 10, QChar('0'));
        const qint64 id = scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, kind, number, status, "
            "invoice_date, due_date, currency, tax_code, subtotal, tax_total, total, "
            "functional_currency, fx_rate, functional_total) VALUES (?, ?, 'invoice', ?, "
            "'issued', ?, ?, ?, 'UK_VAT_STANDARD', ?::numeric - ?::numeric, ?, ?, ?, ?, ?) "
            "RETURNING id",
            {entity, client, number, invoiceDate, dueDate, currency, t.toString(), x.toString(),
             x.toString(), t.toString(), fc, rate.rate.toString(), ft.toString()});
        const Money net = t.subtract(x).value();
        posting_rules::InvoiceIssued e{entity,
                                       id,
                                       client,
                                       fin,
                                       invoiceDate,
                                       number,
                                       {{0, net, std::nullopt, {}}},
                                       {},
                                       x.isZero() ? Money() : x};
        inTx([&] { return posting_rules::invoiceIssued(*ledger, e); });
        return id;
    }

    // A credit note of `total` (tax included) against an invoice, at the invoice's rate; as
    // billing does, what it credits counts as paid on the invoice.
    qint64 creditNote(qint64 invoiceId, const char *total, const QDate &date, const char *tax = "0")
    {
        db::exec(db->sql(),
                 QStringLiteral("UPDATE invoices SET amount_paid = amount_paid + %1, "
                                "functional_paid = functional_paid + round(%1 * fx_rate, 2) "
                                "WHERE id = %2")
                     .arg(QString::fromLatin1(total))
                     .arg(invoiceId));
        return scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, kind, credits_invoice_id, "
            "number, status, invoice_date, due_date, currency, tax_code, subtotal, tax_total, "
            "total, functional_currency, fx_rate, functional_total) SELECT legal_entity_id, "
            "account_id, 'credit_note', id, 'CN-' || number, 'paid', ?, ?, currency, tax_code, "
            "?::numeric - ?::numeric, ?, ?, functional_currency, fx_rate, round(?::numeric * "
            "fx_rate, 2) FROM invoices WHERE id = ? RETURNING id",
            {date, date, total, tax, tax, total, total, invoiceId});
    }

    static QJsonObject m(const char *amount, const char *currency)
    {
        return {{"amount", amount}, {"currency", currency}};
    }

    static QString amt(const QJsonValue &money)
    {
        return money.toObject().value("amount").toString() + u' ' +
               money.toObject().value("currency").toString();
    }

    static QString id(qint64 v) { return QString::number(v); }

    HttpResult receipt(HttpClient &http, qint64 entity, qint64 client, qint64 bankAccount,
                       const char *date, const QJsonObject &amount,
                       const QJsonArray &allocations = {}, const QByteArray &key = {})
    {
        QJsonObject body{{"legal_entity_id", id(entity)},
                         {"account_id", id(client)},
                         {"bank_account_id", id(bankAccount)},
                         {"receipt_date", date},
                         {"amount", amount},
                         {"reference", "Wire"}};
        if (!allocations.isEmpty())
            body.insert("allocations", allocations);
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!key.isEmpty())
            headers.append({"Idempotency-Key", key});
        return http.send("POST", "/api/v1/receivables/receipts",
                         QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    static QJsonObject alloc(qint64 invoiceId, const char *amount, const char *currency)
    {
        return {{"invoice_id", id(invoiceId)}, {"amount", m(amount, currency)}};
    }

    // "status paid/functional_paid" of an invoice, as the database holds it.
    QString invoiceState(qint64 invoiceId)
    {
        return text("SELECT status || ' ' || amount_paid::numeric(20,2) || ' / ' || "
                    "functional_paid::numeric(20,2) FROM invoices WHERE id = ?",
                    {invoiceId});
    }

    // The client's receivable on the ledger (AR role account, client dimension), functional.
    QString arOf(qint64 entity, qint64 client)
    {
        return text("SELECT coalesce(sum(l.functional_debit - l.functional_credit), "
                    "0)::numeric(20,2)::text FROM journal_lines l JOIN ledger_accounts a ON a.id = "
                    "l.ledger_account_id WHERE a.role = 'accounts_receivable' AND "
                    "l.legal_entity_id = ? AND l.client_account_id = ?",
                    {entity, client});
    }
};

} // namespace keel::test
