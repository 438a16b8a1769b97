#pragma once

#include <QDate>
#include <QJsonObject>
#include <QPointer>
#include <QString>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::finance {

// The finance routes the workspace calls (server/ledger/README.md, server/receivables/README.md):
// one place that knows their paths and query parameters. Every call answers an ApiReply.
class FinanceApi
{
public:
    explicit FinanceApi(ApiClient *api) : m_api(api) {}
    ApiClient *client() const { return m_api; }

    static QString date(QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

    // Ledger.
    static QString trialBalancePath(const QString &entity, QDate from, QDate to);
    static QString profitAndLossPath(const QString &entity, QDate from, QDate to);
    static QString balanceSheetPath(const QString &entity, QDate asOf);
    static QString accountLinesPath(const QString &ledgerAccount, QDate from, QDate to);
    ApiReply *journalEntry(const QString &id) const;
    ApiReply *ledgerAccounts(const QString &entity) const; // the chart: number, name, type

    // Receivables.
    static QString agingPath(const QString &entity, QDate asOf);
    static QString agingInvoicesPath(const QString &entity, const QString &client, QDate asOf,
                                     const QString &bucket);
    ApiReply *aging(const QString &entity, QDate asOf) const;
    ApiReply *agingInvoices(const QString &entity, const QString &client, QDate asOf,
                            const QString &bucket = {}) const;
    ApiReply *statement(const QString &entity, const QString &client, QDate from, QDate to) const;
    ApiReply *dso(const QString &entity, QDate asOf) const;
    ApiReply *recordReceipt(const QJsonObject &body) const;
    // The client's receipts; with `unappliedOnly` those with cash left to apply.
    ApiReply *receipts(const QString &entity, const QString &client, bool unappliedOnly) const;
    ApiReply *allocateReceipt(const QString &receipt, const QJsonObject &body) const;
    ApiReply *collectionNotes(const QString &invoice) const;
    ApiReply *addCollectionNote(const QString &invoice, const QJsonObject &body) const;

    // Payables.
    static QString billsPath(const QString &entity, const QString &status);
    ApiReply *payablesAging(const QString &entity, QDate asOf) const;
    ApiReply *openBills(const QString &entity, const QString &vendor) const;
    ApiReply *recordPayment(const QJsonObject &body) const;

    // Vendor bills (server/timeexpense/README.md): entry, edit of a draft, submit, decide.
    ApiReply *vendors(const QString &entityCode) const;
    ApiReply *agreements(const QString &vendor) const;
    ApiReply *vendorBill(const QString &id) const;
    ApiReply *createVendorBill(const QJsonObject &body) const;
    ApiReply *updateVendorBill(const QString &id, const QJsonObject &body) const;
    ApiReply *submitVendorBill(const QString &id, int version) const;
    // decision "approve" or "reject" (a comment required).
    ApiReply *decideVendorBill(const QString &id, const QString &decision, const QString &comment,
                               int version) const;
    // Projects the caller reads (finance reads those of its entities), one page from `after`;
    // and one project with its tasks.
    ApiReply *projects(const QString &after) const;
    ApiReply *project(const QString &id) const;

    // Banking.
    ApiReply *bankAccounts(const QString &entity) const;
    ApiReply *createBankAccount(const QJsonObject &body) const;
    static QString statementLinesPath(const QString &bankAccount, const QString &status);
    ApiReply *suggestions(const QString &statementLine) const;
    ApiReply *match(const QString &statementLine, const QJsonObject &body) const;
    // `version` is the line's as read: a line someone else changed meanwhile is 412.
    ApiReply *ignore(const QString &statementLine, int version) const;
    ApiReply *unmatch(const QString &statementLine, int version) const;
    ApiReply *reconciliation(const QString &bankAccount, QDate asOf) const;
    static QString statementImportPath(const QString &bankAccount);

private:
    ApiClient *m_api;
};

// "a=1&b=2" of the non-empty pairs, percent-encoded.
QString queryOf(std::initializer_list<std::pair<const char *, QString>> items);

} // namespace keel::finance
