#pragma once

#include "bank_account_service.h"
#include "ledger/ledger_service.h"
#include "payables/vendor_payment_service.h"
#include "receivables/receipt_service.h"

#include <QJsonObject>

namespace keel {

struct Request;
struct StateMachine;
struct StatementLineRow;

// Bank statements: CSV import (all or nothing, duplicates skipped by hash), the lines, matching
// suggestions, and reconciling a line with a receipt, a vendor payment, an open invoice (a new
// receipt), an open bill (a new payment) or a journal (bank charges, interest); ignore, unmatch.
class BankStatementService
{
public:
    BankStatementService(DbConfig config, const BankAccountService &accounts)
        : m_config(config), m_accounts(accounts), m_ledger(config), m_payments(config),
          m_receipts(config)
    {}
    static const StateMachine &machine(); // bank_statement_line
    static void registerStateMachines();

    QJsonObject import(const Request &request, qint64 bankAccountId) const;
    QJsonObject lines(const Request &request, qint64 bankAccountId) const;
    QJsonObject suggestions(const Request &request, qint64 lineId) const;
    QJsonObject match(const Request &request, qint64 lineId, const QJsonObject &body) const;
    QJsonObject ignore(const Request &request, qint64 lineId, const QJsonObject &body) const;
    QJsonObject unmatch(const Request &request, qint64 lineId, const QJsonObject &body) const;

private:
    // The line (locked when asked) with its account, when the caller holds `permission` for the
    // account's entity; 404 otherwise.
    std::pair<StatementLineRow, BankAccountRow>
    visibleLine(const Request &request, qint64 id, const char *permission, bool lock) const;
    // Ignore, or unmatch (reversing a journal the match posted).
    QJsonObject release(const Request &request, qint64 lineId, const QJsonObject &body,
                        const QString &action) const;
    qint64 journalFor(const Request &request, const StatementLineRow &line,
                      const BankAccountRow &account, const QJsonObject &journal) const;
    qint64 paymentFor(const Request &request, const StatementLineRow &line,
                      const BankAccountRow &account, qint64 billId) const;
    qint64 receiptFor(const Request &request, const StatementLineRow &line,
                      const BankAccountRow &account, qint64 invoiceId) const;

    DbConfig m_config;
    const BankAccountService &m_accounts;
    LedgerService m_ledger;
    VendorPaymentService m_payments;
    ReceiptService m_receipts;
};

} // namespace keel
