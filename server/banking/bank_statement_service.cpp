#include "bank_statement_service.h"

#include "audit/audit_log.h"
#include "bank_statement_csv.h"
#include "bank_statement_store.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "ledger/ledger_access.h"
#include "permissions.h"
#include "workflow/state_machine.h"

#include <QCryptographicHash>
#include <QHash>

namespace keel {

namespace {

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e = AuditEntry::from(request, action, QStringLiteral("bank_statement_line"),
                                    QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

// The same line twice in one file is two lines (two equal card payments on a day), so the
// occurrence is part of the hash; the same file again hashes the same.
QString lineHash(qint64 account, const StatementCsvLine &l, int occurrence)
{
    const QString key =
        QStringLiteral("%1\x1f%2\x1f%3\x1f%4\x1f%5\x1f%6")
            .arg(account)
            .arg(l.date.toString(Qt::ISODate), l.amount.toString(), l.reference, l.counterparty)
            .arg(occurrence);
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString queryStatus(const Request &request)
{
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && !BankStatementService::machine().states.contains(status))
        throw ApiError::malformed(
            QStringLiteral("status is one of %1.")
                .arg(BankStatementService::machine().states.join(QStringLiteral(", "))));
    return status;
}

} // namespace

const StateMachine &BankStatementService::machine()
{
    static const StateMachine m{QStringLiteral("bank_statement_line"),
                                {"unmatched", "matched", "ignored"},
                                QStringLiteral("unmatched"),
                                {{"unmatched", "match", "matched"},
                                 {"unmatched", "ignore", "ignored"},
                                 {"matched", "unmatch", "unmatched"},
                                 {"ignored", "unmatch", "unmatched"}}};
    return m;
}

void BankStatementService::registerStateMachines()
{
    StateMachineRegistry::add(machine());
}

std::pair<StatementLineRow, BankAccountRow>
BankStatementService::visibleLine(const Request &request, qint64 id, const char *permission,
                                  bool lock) const
{
    const auto line = BankStatementStore(db::connection(m_config)).line(id, lock);
    if (!line)
        throw ApiError::notFound(QStringLiteral("There is no statement line %1.").arg(id));
    try {
        return {*line, m_accounts.visible(request, line->bankAccountId, permission)};
    } catch (const ApiError &) {
        throw ApiError::notFound(QStringLiteral("There is no statement line %1.").arg(id));
    }
}

QJsonObject BankStatementService::import(const Request &request, qint64 bankAccountId) const
{
    const BankAccountRow account =
        m_accounts.visible(request, bankAccountId, Permission::CashManage);
    const QByteArray type = request.header("Content-Type").split(';').first().trimmed().toLower();
    if (type != "text/csv")
        throw ApiError::unsupportedMediaType(
            QStringLiteral("A statement is text/csv: date,amount,reference,counterparty."));
    const StatementCsv csv =
        parseStatementCsv(request.body, Currency::fromCode(account.currency).value());
    if (!csv.errors.isEmpty())
        throw ApiError::invalid(csv.errors, QStringLiteral("Nothing was imported."));
    QList<NewStatementLine> lines;
    QHash<QString, int> seen;
    for (const StatementCsvLine &l : csv.lines) {
        const QString plain = lineHash(account.id, l, 0);
        lines.append({l.date, l.amount, l.reference, l.counterparty,
                      lineHash(account.id, l, ++seen[plain])});
    }
    const QSqlDatabase db = db::connection(m_config);
    db::Transaction tx(db);
    const BankStatementStore store(db);
    const qint64 importId = store.insertImport(
        account.id, request.query.queryItemValue(QStringLiteral("file_name")).left(200),
        request.caller().user.id);
    const int imported = store.insertLines(account.id, importId, lines);
    const int duplicates = int(lines.size()) - imported;
    store.setImportCounts(importId, imported, duplicates);
    const QJsonObject out{{"import_id", idToJson(importId)},
                          {"bank_account_id", idToJson(account.id)},
                          {"lines", int(lines.size())},
                          {"imported", imported},
                          {"duplicates", duplicates}};
    AuditEntry e =
        AuditEntry::from(request, QStringLiteral("bank_statement.import"),
                         QStringLiteral("bank_statement_import"), QString::number(importId));
    e.after = out;
    appendAudit(db, e);
    tx.commit();
    return out;
}

QJsonObject BankStatementService::lines(const Request &request, qint64 bankAccountId) const
{
    const BankAccountRow account =
        m_accounts.visible(request, bankAccountId, Permission::FinanceUse);
    const QString status = queryStatus(request);
    const QDate from = ledger_access::queryDate(request, QStringLiteral("from")).value_or(QDate());
    const QDate to = ledger_access::queryDate(request, QStringLiteral("to")).value_or(QDate());
    const PageRequest page = PageRequest::from(request);
    return page.page(BankStatementStore(db::connection(m_config))
                         .lines(account.id, status, from, to, page.after, page.limit));
}

QJsonObject BankStatementService::suggestions(const Request &request, qint64 lineId) const
{
    const auto [line, account] = visibleLine(request, lineId, Permission::FinanceUse, false);
    return {{"line", line.json},
            {"items",
             BankStatementStore(db::connection(m_config)).suggestions(line, account.entityId)}};
}

qint64 BankStatementService::journalFor(const Request &request, const StatementLineRow &line,
                                        const BankAccountRow &account,
                                        const QJsonObject &journal) const
{
    JsonReader in(journal, QStringLiteral("journal"));
    const QString number = in.requiredString(QStringLiteral("account_number")).trimmed();
    const QString description =
        in.optionalString(QStringLiteral("description")).value_or(line.reference).trimmed();
    if (in.ok()) {
        bool known = false;
        for (const LedgerAccount &a : m_ledger.store().accounts(account.entityId))
            known = known || a.number == number;
        if (!known || number == account.ledgerNumber)
            in.addError(QStringLiteral("account_number"), "unknown",
                        QStringLiteral("an account of the chart other than the bank's"));
        if (description.isEmpty() || description.size() > 500)
            in.addError(QStringLiteral("description"), "invalid_value",
                        QStringLiteral("1 to 500 characters"));
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    // Money in (interest): Dr bank / Cr the account; money out (charges): the reverse.
    PostingLine bank, other;
    bank.accountNumber = account.ledgerNumber;
    other.accountNumber = number;
    const Money amount = line.amount.abs();
    (line.amount.isPositive() ? bank.debit : bank.credit) = amount;
    (line.amount.isPositive() ? other.credit : other.debit) = amount;
    bank.memo = other.memo = line.reference.left(500);
    Posting p;
    p.entityId = account.entityId;
    p.date = line.date;
    p.sourceType = QStringLiteral("bank_statement_line");
    // A line unmatched and matched again posts anew: the version tells the two apart.
    p.sourceId = QStringLiteral("%1:%2").arg(line.id).arg(line.version);
    p.purpose = QStringLiteral("match");
    p.description = description;
    p.createdBy = request.caller().user.id;
    p.lines = {bank, other};
    return m_ledger.post(p).entryId;
}

namespace {

// Errors of the payment or receipt a match creates, named by the match's own field.
[[noreturn]] void rethrowAs(const ApiError &e, const QString &field)
{
    QList<FieldError> errors = e.problem().errors;
    if (errors.isEmpty())
        throw e;
    for (FieldError &f : errors)
        f.field = field;
    throw ApiError::invalid(errors);
}

} // namespace

qint64 BankStatementService::paymentFor(const Request &request, const StatementLineRow &line,
                                        const BankAccountRow &account, qint64 billId) const
{
    const auto bill = BankStatementStore(db::connection(m_config)).bill(billId);
    if (!bill || bill->entityId != account.entityId)
        throw ApiError::invalidField(
            QStringLiteral("bill_id"), "unknown",
            QStringLiteral("no bill of %1 has this id").arg(account.entity));
    try {
        return m_payments.pay(db::connection(m_config),
                              {account.entityId,
                               bill->partyId,
                               account.id,
                               line.date,
                               line.amount.abs(),
                               line.reference.left(140),
                               {{billId, line.amount.abs()}}},
                              request.caller().user.id);
    } catch (const ApiError &e) {
        rethrowAs(e, QStringLiteral("bill_id"));
    }
}

qint64 BankStatementService::receiptFor(const Request &request, const StatementLineRow &line,
                                        const BankAccountRow &account, qint64 invoiceId) const
{
    const auto invoice = BankStatementStore(db::connection(m_config)).invoice(invoiceId);
    if (!invoice || invoice->entityId != account.entityId)
        throw ApiError::invalidField(
            QStringLiteral("invoice_id"), "unknown",
            QStringLiteral("no invoice of %1 has this id").arg(account.entity));
    if (invoice->status != QLatin1String("issued") &&
        invoice->status != QLatin1String("partially_paid"))
        throw ApiError::invalidField(QStringLiteral("invoice_id"), "not_open",
                                     QStringLiteral("the invoice is %1").arg(invoice->status));
    if (!(invoice->amount.currency() == line.amount.currency()))
        throw ApiError::invalidField(
            QStringLiteral("invoice_id"), "other_currency",
            QStringLiteral("the invoice is in %1").arg(invoice->amount.currency().code()));
    // More than the invoice's balance leaves the rest as unapplied cash of the client.
    const Money applied = line.amount < invoice->amount ? line.amount : invoice->amount;
    try {
        return m_receipts.record(db::connection(m_config),
                                 {account.entityId,
                                  invoice->partyId,
                                  account.id,
                                  line.date,
                                  line.amount,
                                  line.reference.left(140),
                                  {{invoiceId, applied}}},
                                 request.caller().user.id);
    } catch (const ApiError &e) {
        rethrowAs(e, QStringLiteral("invoice_id"));
    }
}

QJsonObject BankStatementService::match(const Request &request, qint64 lineId,
                                        const QJsonObject &body) const
{
    static const QStringList keys{QStringLiteral("customer_receipt_id"),
                                  QStringLiteral("vendor_payment_id"), QStringLiteral("invoice_id"),
                                  QStringLiteral("bill_id"), QStringLiteral("journal")};
    QStringList given;
    for (const QString &k : keys)
        if (body.contains(k) && !body.value(k).isNull())
            given.append(k);
    if (given.size() != 1)
        throw ApiError::invalidField(QStringLiteral("match"), "one_of",
                                     QStringLiteral("exactly one of %1").arg(keys.join(u',')));
    const QString key = given.first();
    JsonReader in(body);
    const qint64 target = key == QLatin1String("journal") ? 0 : in.requiredInt64(key);
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    const QSqlDatabase db = db::connection(m_config);
    db::Transaction tx(db);
    const auto [line, account] = visibleLine(request, lineId, Permission::CashManage, true);
    machine().next(line.status, QStringLiteral("match"));
    requireVersion(request, body, line.version);
    const bool incoming = line.amount.isPositive();
    const bool wantsIncoming =
        key == QLatin1String("customer_receipt_id") || key == QLatin1String("invoice_id");
    if (key != QLatin1String("journal") && incoming != wantsIncoming)
        throw ApiError::invalidField(key, "wrong_direction",
                                     incoming ? QStringLiteral("the line is money in")
                                              : QStringLiteral("the line is money out"));
    const BankStatementStore store(db);
    qint64 receipt = 0, payment = 0, journal = 0;
    if (key == QLatin1String("customer_receipt_id") || key == QLatin1String("vendor_payment_id")) {
        const bool isReceipt = key == QLatin1String("customer_receipt_id");
        const auto t = isReceipt ? store.receipt(target) : store.payment(target);
        if (!t || t->bankAccountId != account.id)
            throw ApiError::invalidField(key, "unknown",
                                         QStringLiteral("none of this bank account has this id"));
        if (t->matched)
            throw ApiError::invalidField(key, "already_matched",
                                         QStringLiteral("it is on another statement line"));
        if (t->amount != line.amount.abs())
            throw ApiError::invalidField(key, "other_amount",
                                         QStringLiteral("it is %1 %2; the line %3")
                                             .arg(t->amount.toString(), t->amount.currency().code(),
                                                  line.amount.abs().toString()));
        (isReceipt ? receipt : payment) = target;
    } else if (key == QLatin1String("bill_id")) {
        payment = paymentFor(request, line, account, target);
    } else if (key == QLatin1String("invoice_id")) {
        receipt = receiptFor(request, line, account, target);
    } else {
        journal = journalFor(request, line, account, body.value(key).toObject());
    }
    try {
        store.setMatched(line.id, receipt, payment, journal, request.caller().user.id);
    } catch (const DbError &e) {
        // Another line took the receipt or payment between the check and now.
        if (!e.isUniqueViolation())
            throw;
        throw ApiError::invalidField(key, "already_matched",
                                     QStringLiteral("it is on another statement line"));
    }
    const QJsonObject after = store.line(line.id, false)->json;
    audit(request, db, QStringLiteral("bank_statement_line.match"), line.id, line.json, after);
    tx.commit();
    return after;
}

QJsonObject BankStatementService::ignore(const Request &request, qint64 lineId,
                                         const QJsonObject &body) const
{
    return release(request, lineId, body, QStringLiteral("ignore"));
}

QJsonObject BankStatementService::unmatch(const Request &request, qint64 lineId,
                                          const QJsonObject &body) const
{
    return release(request, lineId, body, QStringLiteral("unmatch"));
}

QJsonObject BankStatementService::release(const Request &request, qint64 lineId,
                                          const QJsonObject &body, const QString &action) const
{
    const QSqlDatabase db = db::connection(m_config);
    db::Transaction tx(db);
    const auto [line, account] = visibleLine(request, lineId, Permission::CashManage, true);
    const QString to = machine().next(line.status, action);
    requireVersion(request, body, line.version);
    // A journal posted by the match goes with it (its reversal); a receipt or payment is a
    // document of its own and stays, waiting for its line.
    if (line.journalEntryId)
        m_ledger.reverse(request, line.journalEntryId,
                         QJsonObject{{"description",
                                      QStringLiteral("Statement line %1 unmatched").arg(line.id)}});
    const BankStatementStore store(db);
    store.setStatus(line.id, to);
    const QJsonObject after = store.line(line.id, false)->json;
    audit(request, db, QStringLiteral("bank_statement_line.") + action, line.id, line.json, after);
    tx.commit();
    return after;
}

} // namespace keel
