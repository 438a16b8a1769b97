#pragma once

#include "db/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace keel {

// One client's (and in transaction mode one currency's) open receivables at a date, by days past
// due; amounts as numeric text.
struct AgingRow
{
    qint64 accountId = 0;
    QString accountName, currency;
    QString current, d1_30, d31_60, d61_90, d90_plus, total;
    int invoiceCount = 0;
};

struct UnappliedRow
{
    qint64 accountId = 0;
    QString accountName, currency, amount;
};

struct OpenInvoiceRow
{
    qint64 id = 0, accountId = 0;
    QString number, status, currency, functionalCurrency;
    QDate invoiceDate, dueDate, lastDunnedOn;
    int daysPastDue = 0, dunningLevel = 0;
    QString total, balance, functionalBalance;
};

// SQL for aging and DSO: an invoice's balance at a date is its total less the allocations that
// took effect by then and the credit notes issued by then.
class AgingStore
{
public:
    explicit AgingStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;
    // Inside the caller's transaction: no JIT for the rest of it. Compiling the aging aggregate
    // (~30 ms for 10,000 open invoices) costs more than running it.
    void withoutJit() const;

    // functional: amounts at the invoices' rates in the entity's currency; otherwise per
    // invoice currency. accountId / currency narrow it (statements).
    QList<AgingRow> aging(qint64 entityId, QDate asOf, bool functional,
                          std::optional<qint64> accountId = std::nullopt,
                          const QString &currency = {}) const;
    QList<UnappliedRow> unapplied(qint64 entityId, QDate asOf, bool functional,
                                  std::optional<qint64> accountId = std::nullopt,
                                  const QString &currency = {}) const;
    // bucket: "" for all, else current, d1_30, d31_60, d61_90, d90_plus; accountId 0: every
    // client (the analytics drill-down of ar_aging).
    QList<OpenInvoiceRow> openInvoices(qint64 entityId, qint64 accountId, QDate asOf,
                                       const QString &bucket, qint64 after, int limit) const;
    // Invoiced revenue net of tax and credit notes, dated in (from, to], functional.
    QString billedRevenue(qint64 entityId, QDate afterDay, QDate to) const;
    // Recognised revenue (the revenue account: credits less debits), dated in (from, to],
    // functional; std::nullopt while the entity has never run revenue recognition up to `to`.
    std::optional<QString> recognisedRevenue(qint64 entityId, QDate afterDay, QDate to) const;

private:
    DbConfig m_config;
};

} // namespace keel
