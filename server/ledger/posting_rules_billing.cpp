#include "posting_rules.h"

#include "http/http_types.h"

namespace keel::posting_rules {

namespace {

PostingLine line(const QString &role, const Money &amount, const std::optional<Money> &functional,
                 bool isDebit, qint64 projectId, qint64 clientId)
{
    PostingLine l;
    l.role = role;
    (isDebit ? l.debit : l.credit) = amount;
    l.functional = functional;
    l.projectId = projectId;
    l.clientId = clientId;
    return l;
}

} // namespace

PostingResult creditNoteIssued(const LedgerService &ledger, const CreditNoteIssued &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.date;
    p.sourceType = QStringLiteral("credit_note");
    p.sourceId = QString::number(e.creditNoteId);
    p.purpose = QStringLiteral("issue");
    p.description = QStringLiteral("Credit note %1").arg(e.number);
    p.createdBy = e.issuedBy;

    std::optional<Money> receivable;
    qint64 debitsFunctional = 0;
    bool allFunctional = true;
    const auto add = [&](const QString &role, const ProjectAmount &a,
                         const std::optional<Money> &f) {
        if (!a.amount.isValid() || a.amount.isZero())
            return;
        if (!a.amount.isPositive())
            throw ApiError::invalidField(QStringLiteral("lines"), "invalid_value",
                                         QStringLiteral("credited amounts are positive"));
        p.lines.append(line(role, a.amount, f, true, a.projectId, e.clientId));
        receivable = receivable ? receivable->add(a.amount).valueOr(*receivable) : a.amount;
        if (f)
            debitsFunctional += f->minorUnits();
        else
            allFunctional = false;
    };
    for (const ProjectAmount &a : e.arrears)
        add(QStringLiteral("unbilled_receivable"), a, a.functional);
    for (const ProjectAmount &a : e.ahead)
        add(QStringLiteral("deferred_revenue"), a, a.functional);
    add(QStringLiteral("tax_payable"), {0, e.tax, e.taxFunctional, {}}, e.taxFunctional);
    if (!receivable)
        throw ApiError::invalidField(QStringLiteral("lines"), "required",
                                     QStringLiteral("nothing to credit"));

    // The receivable is cleared at exactly what the invoice carried. When the invoice's own
    // posting needed a rounding cent, its mirror needs the same cent the other way.
    const bool knownAr = e.receivableFunctional.isValid();
    p.lines.append(line(QStringLiteral("accounts_receivable"), *receivable,
                        knownAr ? std::optional<Money>(e.receivableFunctional) : std::nullopt,
                        false, 0, e.clientId));
    if (knownAr && allFunctional) {
        const qint64 diff = e.receivableFunctional.minorUnits() - debitsFunctional;
        if (diff != 0) {
            const Money cent = Money::fromMinor(std::llabs(diff), e.receivableFunctional.currency())
                                   .valueOr(e.receivableFunctional);
            p.lines.append(line(QStringLiteral("rounding"), cent, cent, diff > 0, 0, e.clientId));
        }
    }
    return ledger.post(p);
}

} // namespace keel::posting_rules
