#include "posting_rules.h"

#include "fx_rates.h"
#include "http/http_types.h"

namespace keel::posting_rules {

namespace {

PostingLine debit(const QString &role, const ProjectAmount &a)
{
    PostingLine l;
    l.role = role;
    l.debit = a.amount;
    l.functional = a.functional;
    l.projectId = a.projectId;
    l.memo = a.memo;
    return l;
}

PostingLine credit(const QString &role, const ProjectAmount &a)
{
    PostingLine l = debit(role, a);
    l.debit = Money();
    l.credit = a.amount;
    return l;
}

// The sum of amounts in one currency, and of their functional amounts when all are known.
ProjectAmount total(const QList<ProjectAmount> &amounts, const QString &field)
{
    if (amounts.isEmpty())
        throw ApiError::invalidField(field, "required", QStringLiteral("nothing to post"));
    ProjectAmount t{0, Money::zero(amounts.first().amount.currency()), std::nullopt, {}};
    std::optional<Money> f;
    bool allFunctional = true;
    for (const ProjectAmount &a : amounts) {
        const auto s = t.amount.add(a.amount);
        if (!s)
            throw ApiError::invalidField(field, "invalid_value",
                                         QStringLiteral("amounts in one currency"));
        t.amount = *s;
        if (!a.functional) {
            allFunctional = false;
            continue;
        }
        f = f ? f->add(*a.functional).valueOr(*f) : *a.functional;
    }
    if (allFunctional)
        t.functional = f;
    return t;
}

} // namespace

Posting buildVendorBillApproved(const LedgerService & /*ledger*/, const VendorBillApproved &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.billDate;
    p.sourceType = QStringLiteral("vendor_bill");
    p.sourceId = QString::number(e.billId);
    p.purpose = QStringLiteral("approval");
    p.description = QStringLiteral("Vendor bill %1").arg(e.vendorRef);
    p.createdBy = e.createdBy;
    p.approvedBy = e.approvedBy;
    // Lines without a project are other costs (rent, software): general expenses.
    for (const ProjectAmount &a : e.lines)
        p.lines.append(debit(a.projectId ? QStringLiteral("subcontractor_cost")
                                         : QStringLiteral("general_expenses"),
                             a));
    p.lines.append(credit(QStringLiteral("accounts_payable"), total(e.lines, "lines")));
    return p;
}

PostingResult vendorBillApproved(const LedgerService &ledger, const VendorBillApproved &e)
{
    return ledger.post(buildVendorBillApproved(ledger, e));
}

Posting buildExpenseReportApproved(const LedgerService & /*ledger*/, const ExpenseReportApproved &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.approvedOn;
    p.sourceType = QStringLiteral("expense_report");
    p.sourceId = QString::number(e.reportId);
    p.purpose = QStringLiteral("approval");
    p.description = QStringLiteral("Expense report %1: %2").arg(e.reportId).arg(e.title);
    p.approvedBy = e.approvedBy;
    QList<ProjectAmount> functional;
    for (const ProjectAmount &a : e.expenses) {
        PostingLine l = debit(a.projectId ? QStringLiteral("project_expenses")
                                          : QStringLiteral("general_expenses"),
                              a);
        l.employeeId = e.employeeId;
        p.lines.append(l);
        // The employee is owed the converted amounts, in functional currency.
        const Money f = a.functional.value_or(a.amount);
        functional.append({0, f, f, {}});
    }
    PostingLine owed = credit(QStringLiteral("employee_payables"), total(functional, "expenses"));
    owed.employeeId = e.employeeId;
    p.lines.append(owed);
    return p;
}

PostingResult expenseReportApproved(const LedgerService &ledger, const ExpenseReportApproved &e)
{
    return ledger.post(buildExpenseReportApproved(ledger, e));
}

Posting buildInvoiceIssued(const LedgerService & /*ledger*/, const InvoiceIssued &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.invoiceDate;
    p.sourceType = QStringLiteral("invoice");
    p.sourceId = QString::number(e.invoiceId);
    p.purpose = QStringLiteral("issue");
    p.description = QStringLiteral("Invoice %1").arg(e.number);
    p.createdBy = e.issuedBy;
    QList<ProjectAmount> all = e.recognised + e.billedAhead;
    if (e.tax.isValid() && !e.tax.isZero())
        all.append({0, e.tax, std::nullopt, {}});
    PostingLine ar = debit(QStringLiteral("accounts_receivable"), total(all, "lines"));
    ar.clientId = e.clientId;
    p.lines.append(ar);
    for (const ProjectAmount &a : e.recognised)
        if (!a.amount.isZero())
            p.lines.append(credit(QStringLiteral("unbilled_receivable"), a));
    for (const ProjectAmount &a : e.billedAhead)
        if (!a.amount.isZero())
            p.lines.append(credit(QStringLiteral("deferred_revenue"), a));
    if (e.tax.isValid() && !e.tax.isZero())
        p.lines.append(credit(QStringLiteral("tax_payable"), {0, e.tax, std::nullopt, {}}));
    for (PostingLine &l : p.lines)
        l.clientId = e.clientId;
    return p;
}

PostingResult invoiceIssued(const LedgerService &ledger, const InvoiceIssued &e)
{
    return ledger.post(buildInvoiceIssued(ledger, e));
}

Posting buildRevenueRecognised(const LedgerService & /*ledger*/, const RevenueRecognised &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.date;
    p.sourceType = QStringLiteral("revenue_recognition");
    p.sourceId = e.sourceId;
    p.purpose = QStringLiteral("recognise");
    p.description = QStringLiteral("Revenue recognised %1").arg(e.sourceId);
    p.createdBy = e.postedBy;
    for (const ProjectAmount &a : e.unbilled) {
        p.lines.append(debit(QStringLiteral("unbilled_receivable"), a));
        p.lines.append(credit(QStringLiteral("revenue"), a));
    }
    for (const ProjectAmount &a : e.deferred) {
        p.lines.append(debit(QStringLiteral("deferred_revenue"), a));
        p.lines.append(credit(QStringLiteral("revenue"), a));
    }
    for (PostingLine &l : p.lines)
        l.clientId = e.clientId;
    return p;
}

PostingResult revenueRecognised(const LedgerService &ledger, const RevenueRecognised &e)
{
    return ledger.post(buildRevenueRecognised(ledger, e));
}

Posting buildCustomerReceipt(const LedgerService &ledger, const CustomerReceipt &e)
{
    Money bank;
    if (e.cashFunctional) {
        bank = *e.cashFunctional;
    } else {
        const auto entity = ledger.store().entity(e.entityId);
        if (!entity)
            throw ApiError::notFound(
                QStringLiteral("There is no legal entity %1.").arg(e.entityId));
        bank = convertOn(ledger.store().db(), e.amount, entity->functionalCurrency, e.receiptDate,
                         QStringLiteral("amount"));
    }
    Posting p;
    p.entityId = e.entityId;
    p.date = e.receiptDate;
    p.sourceType = QStringLiteral("customer_receipt");
    p.sourceId = QString::number(e.receiptId);
    p.purpose = QStringLiteral("receipt");
    p.description = QStringLiteral("Customer receipt %1").arg(e.reference);
    p.createdBy = e.postedBy;
    PostingLine cash = debit(QStringLiteral("bank"), {0, e.amount, bank, {}});
    if (!e.bankAccountNumber.isEmpty()) {
        cash.role.clear();
        cash.accountNumber = e.bankAccountNumber;
    }
    p.lines.append(cash);
    const Money receivable = e.receivableFunctional.isValid() ? e.receivableFunctional : bank;
    p.lines.append(credit(QStringLiteral("accounts_receivable"), {0, e.amount, receivable, {}}));
    const qint64 diff = bank.minorUnits() - receivable.minorUnits();
    if (diff != 0) {
        const Money fx = *Money::fromMinor(std::llabs(diff), bank.currency());
        p.lines.append(diff > 0 ? credit(QStringLiteral("fx_gain_realised"), {0, fx, fx, {}})
                                : debit(QStringLiteral("fx_loss_realised"), {0, fx, fx, {}}));
    }
    for (PostingLine &l : p.lines)
        l.clientId = e.clientId;
    return p;
}

PostingResult customerReceipt(const LedgerService &ledger, const CustomerReceipt &e)
{
    return ledger.post(buildCustomerReceipt(ledger, e));
}

IntercompanyPostings buildIntercompanyCharge(const IntercompanyCharge &e)
{
    if (e.employingEntityId == e.contractingEntityId)
        throw ApiError::invalidField(QStringLiteral("contracting_entity"), "invalid_value",
                                     QStringLiteral("intercompany needs two entities"));
    if (!e.amount.isValid() || e.amount.isZero())
        throw ApiError::invalidField(QStringLiteral("amount"), "invalid_value",
                                     QStringLiteral("an intercompany charge needs an amount"));
    // A reduction posts the same accounts the other way round, so lines stay positive.
    const bool reduce = e.amount.isNegative();
    const auto positive = [](const std::optional<Money> &m) {
        return m ? std::optional<Money>(m->abs()) : std::nullopt;
    };
    const auto side = [&](const QString &dr, const QString &cr, const ProjectAmount &a) {
        return reduce ? QList<PostingLine>{debit(cr, a), credit(dr, a)}
                      : QList<PostingLine>{debit(dr, a), credit(cr, a)};
    };
    IntercompanyPostings out;
    Posting &employing = out.employing;
    employing.entityId = e.employingEntityId;
    employing.date = e.date;
    employing.sourceType = QStringLiteral("intercompany_charge");
    employing.sourceId = e.sourceId;
    employing.purpose = QStringLiteral("charge");
    employing.description = QStringLiteral("Intercompany charge %1").arg(e.sourceId);
    employing.createdBy = e.postedBy;
    const ProjectAmount charge{0, e.amount.abs(), positive(e.employingFunctional),
                               QStringLiteral("Intercompany")};
    employing.lines = side(QStringLiteral("due_from_intercompany"),
                           QStringLiteral("intercompany_revenue"), charge);

    Posting &contracting = out.contracting;
    contracting = employing;
    contracting.entityId = e.contractingEntityId;
    contracting.purpose = QStringLiteral("cost");
    contracting.description = QStringLiteral("Intercompany cost %1").arg(e.sourceId);
    ProjectAmount cost{e.projectId, e.amount.abs(), positive(e.contractingFunctional),
                       QStringLiteral("Intercompany")};
    contracting.lines =
        side(QStringLiteral("intercompany_cost"), QStringLiteral("due_to_intercompany"), cost);
    // The project is the contracting entity's: its cost line carries it, nothing else does.
    for (PostingLine &l : contracting.lines)
        if (l.role == QLatin1String("due_to_intercompany"))
            l.projectId = 0;
    for (Posting *p : {&employing, &contracting})
        for (PostingLine &l : p->lines)
            l.employeeId = e.employeeId;
    return out;
}

IntercompanyResult intercompanyCharge(const LedgerService &ledger, const IntercompanyCharge &e)
{
    const IntercompanyPostings p = buildIntercompanyCharge(e);
    return {ledger.post(p.employing), ledger.post(p.contracting)};
}

} // namespace keel::posting_rules
