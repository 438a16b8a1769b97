#include "finance_api.h"

#include "api_client.h"

#include <QStringList>
#include <QUrl>

namespace keel::finance {

namespace {
const QString V1 = QStringLiteral("/api/v1");

QString withQuery(const QString &path, const QString &query)
{
    return query.isEmpty() ? path : path + u'?' + query;
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

QString queryOf(std::initializer_list<std::pair<const char *, QString>> items)
{
    QStringList parts;
    for (const auto &[name, value] : items)
        if (!value.isEmpty())
            parts.append(QString::fromLatin1(name) + u'=' +
                         QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return parts.join(u'&');
}

QString FinanceApi::trialBalancePath(const QString &entity, QDate from, QDate to)
{
    return withQuery(V1 + "/ledger/entities/" + encoded(entity) + "/trial-balance",
                     queryOf({{"from", date(from)}, {"to", date(to)}}));
}

QString FinanceApi::profitAndLossPath(const QString &entity, QDate from, QDate to)
{
    return withQuery(V1 + "/ledger/entities/" + encoded(entity) + "/profit-and-loss",
                     queryOf({{"from", date(from)}, {"to", date(to)}}));
}

QString FinanceApi::balanceSheetPath(const QString &entity, QDate asOf)
{
    return withQuery(V1 + "/ledger/entities/" + encoded(entity) + "/balance-sheet",
                     queryOf({{"as_of", date(asOf)}}));
}

QString FinanceApi::accountLinesPath(const QString &ledgerAccount, QDate from, QDate to)
{
    return withQuery(V1 + "/ledger/accounts/" + encoded(ledgerAccount) + "/lines",
                     queryOf({{"from", date(from)}, {"to", date(to)}}));
}

ApiReply *FinanceApi::ledgerAccounts(const QString &entity) const
{
    return m_api->get(V1 + "/ledger/entities/" + encoded(entity) + "/accounts");
}

ApiReply *FinanceApi::journalEntry(const QString &id) const
{
    return m_api->get(V1 + "/ledger/entries/" + encoded(id));
}

QString FinanceApi::agingPath(const QString &entity, QDate asOf)
{
    return withQuery(V1 + "/receivables/aging",
                     queryOf({{"legal_entity_id", entity}, {"as_of", date(asOf)}}));
}

QString FinanceApi::agingInvoicesPath(const QString &entity, const QString &client, QDate asOf,
                                      const QString &bucket)
{
    // One page of the most a page holds: a client's open invoices are rarely more.
    return withQuery(V1 + "/receivables/aging/" + encoded(client) + "/invoices",
                     queryOf({{"legal_entity_id", entity},
                              {"as_of", date(asOf)},
                              {"bucket", bucket},
                              {"limit", QStringLiteral("500")}}));
}

ApiReply *FinanceApi::aging(const QString &entity, QDate asOf) const
{
    return m_api->get(agingPath(entity, asOf));
}

ApiReply *FinanceApi::agingInvoices(const QString &entity, const QString &client, QDate asOf,
                                    const QString &bucket) const
{
    return m_api->get(agingInvoicesPath(entity, client, asOf, bucket));
}

ApiReply *FinanceApi::statement(const QString &entity, const QString &client, QDate from,
                                QDate to) const
{
    return m_api->get(
        withQuery(V1 + "/receivables/statements/" + encoded(client),
                  queryOf({{"legal_entity_id", entity}, {"from", date(from)}, {"to", date(to)}})));
}

ApiReply *FinanceApi::dso(const QString &entity, QDate asOf) const
{
    return m_api->get(withQuery(V1 + "/receivables/dso",
                                queryOf({{"legal_entity_id", entity}, {"as_of", date(asOf)}})));
}

ApiReply *FinanceApi::recordReceipt(const QJsonObject &body) const
{
    return m_api->post(V1 + "/receivables/receipts", body);
}

ApiReply *FinanceApi::receipts(const QString &entity, const QString &client,
                               bool unappliedOnly) const
{
    return m_api->get(
        withQuery(V1 + "/receivables/receipts",
                  queryOf({{"legal_entity_id", entity},
                           {"account_id", client},
                           {"unapplied", unappliedOnly ? QStringLiteral("true") : QString()},
                           {"limit", QStringLiteral("500")}})));
}

ApiReply *FinanceApi::allocateReceipt(const QString &receipt, const QJsonObject &body) const
{
    return m_api->post(V1 + "/receivables/receipts/" + encoded(receipt) + "/allocations", body);
}

ApiReply *FinanceApi::collectionNotes(const QString &invoice) const
{
    return m_api->get(V1 + "/receivables/invoices/" + encoded(invoice) + "/collection-notes");
}

ApiReply *FinanceApi::addCollectionNote(const QString &invoice, const QJsonObject &body) const
{
    return m_api->post(V1 + "/receivables/invoices/" + encoded(invoice) + "/collection-notes",
                       body);
}

QString FinanceApi::billsPath(const QString &entity, const QString &status)
{
    return withQuery(V1 + "/payables/bills",
                     queryOf({{"legal_entity_id", entity}, {"status", status}}));
}

ApiReply *FinanceApi::payablesAging(const QString &entity, QDate asOf) const
{
    return m_api->get(withQuery(V1 + "/payables/aging",
                                queryOf({{"legal_entity_id", entity}, {"as_of", date(asOf)}})));
}

ApiReply *FinanceApi::openBills(const QString &entity, const QString &vendor) const
{
    // Approved and part-paid bills are the open ones; one page of 500 covers a vendor.
    return m_api->get(
        withQuery(V1 + "/payables/bills", queryOf({{"legal_entity_id", entity},
                                                   {"vendor_id", vendor},
                                                   {"status", QStringLiteral("open")},
                                                   {"limit", QStringLiteral("500")}})));
}

ApiReply *FinanceApi::recordPayment(const QJsonObject &body) const
{
    return m_api->post(V1 + "/payables/payments", body);
}

ApiReply *FinanceApi::vendors(const QString &entityCode) const
{
    return m_api->get(withQuery(V1 + "/vendors", queryOf({{"legal_entity", entityCode}})));
}

ApiReply *FinanceApi::agreements(const QString &vendor) const
{
    return m_api->get(withQuery(V1 + "/subcontract-agreements", queryOf({{"vendor_id", vendor}})));
}

ApiReply *FinanceApi::vendorBill(const QString &id) const
{
    return m_api->get(V1 + "/vendor-bills/" + encoded(id));
}

ApiReply *FinanceApi::createVendorBill(const QJsonObject &body) const
{
    return m_api->post(V1 + "/vendor-bills", body);
}

ApiReply *FinanceApi::updateVendorBill(const QString &id, const QJsonObject &body) const
{
    return m_api->send("PATCH", V1 + "/vendor-bills/" + encoded(id), body);
}

ApiReply *FinanceApi::submitVendorBill(const QString &id, int version) const
{
    return m_api->post(V1 + "/vendor-bills/" + encoded(id) + "/submit",
                       QJsonObject{{"version", version}});
}

ApiReply *FinanceApi::decideVendorBill(const QString &id, const QString &decision,
                                       const QString &comment, int version) const
{
    QJsonObject body{{"decision", decision}, {"version", version}};
    if (!comment.isEmpty())
        body.insert("comment", comment);
    return m_api->post(V1 + "/vendor-bills/" + encoded(id) + "/decide", body);
}

ApiReply *FinanceApi::projects(const QString &after) const
{
    return m_api->get(withQuery(V1 + "/delivery/projects",
                                queryOf({{"limit", QStringLiteral("500")}, {"after", after}})));
}

ApiReply *FinanceApi::project(const QString &id) const
{
    return m_api->get(V1 + "/delivery/projects/" + encoded(id));
}

ApiReply *FinanceApi::bankAccounts(const QString &entity) const
{
    return m_api->get(withQuery(V1 + "/banking/accounts", queryOf({{"legal_entity_id", entity}})));
}

ApiReply *FinanceApi::createBankAccount(const QJsonObject &body) const
{
    return m_api->post(V1 + "/banking/accounts", body);
}

QString FinanceApi::statementLinesPath(const QString &bankAccount, const QString &status)
{
    return withQuery(V1 + "/banking/accounts/" + encoded(bankAccount) + "/statement-lines",
                     queryOf({{"status", status}}));
}

ApiReply *FinanceApi::suggestions(const QString &statementLine) const
{
    return m_api->get(V1 + "/banking/statement-lines/" + encoded(statementLine) + "/suggestions");
}

ApiReply *FinanceApi::match(const QString &statementLine, const QJsonObject &body) const
{
    return m_api->post(V1 + "/banking/statement-lines/" + encoded(statementLine) + "/match", body);
}

ApiReply *FinanceApi::ignore(const QString &statementLine, int version) const
{
    return m_api->post(V1 + "/banking/statement-lines/" + encoded(statementLine) + "/ignore",
                       QJsonObject{{"version", version}});
}

ApiReply *FinanceApi::unmatch(const QString &statementLine, int version) const
{
    return m_api->post(V1 + "/banking/statement-lines/" + encoded(statementLine) + "/unmatch",
                       QJsonObject{{"version", version}});
}

ApiReply *FinanceApi::reconciliation(const QString &bankAccount, QDate asOf) const
{
    return m_api->get(
        withQuery(V1 + "/banking/accounts/" + encoded(bankAccount) + "/reconciliation",
                  queryOf({{"as_of", date(asOf)}})));
}

QString FinanceApi::statementImportPath(const QString &bankAccount)
{
    return V1 + "/banking/accounts/" + encoded(bankAccount) + "/statements";
}

} // namespace keel::finance
