#include "posting_rules.h"

#include "http/http_types.h"

namespace keel::posting_rules {

std::optional<Posting> buildReceiptAllocated(const ReceiptAllocated &e)
{
    if (!(e.receivableFunctional.currency() == e.cashFunctional.currency()))
        throw ApiError::invalidField(QStringLiteral("amount"), "invalid_value",
                                     QStringLiteral("both functional amounts in one currency"));
    const qint64 diff = e.cashFunctional.minorUnits() - e.receivableFunctional.minorUnits();
    if (diff == 0)
        return std::nullopt;
    // The receipt credited AR with the cash at its own rate; this brings the invoice's part of AR
    // to what the invoice carried, so AR for a settled invoice is zero in functional currency.
    const Money fx = *Money::fromMinor(std::llabs(diff), e.cashFunctional.currency());
    PostingLine ar, result;
    ar.role = QStringLiteral("accounts_receivable");
    result.role =
        diff > 0 ? QStringLiteral("fx_gain_realised") : QStringLiteral("fx_loss_realised");
    (diff > 0 ? ar.debit : ar.credit) = fx;
    (diff > 0 ? result.credit : result.debit) = fx;
    Posting p;
    p.entityId = e.entityId;
    p.date = e.date;
    p.sourceType = QStringLiteral("receipt_allocation");
    p.sourceId = QString::number(e.allocationId);
    p.purpose = QStringLiteral("fx");
    p.description = QStringLiteral("Realised FX on receipt %1").arg(e.reference);
    p.createdBy = e.postedBy;
    for (PostingLine *l : {&ar, &result}) {
        l->functional = fx;
        l->clientId = e.clientId;
        p.lines.append(*l);
    }
    return p;
}

std::optional<PostingResult> receiptAllocated(const LedgerService &ledger,
                                              const ReceiptAllocated &e)
{
    const auto p = buildReceiptAllocated(e);
    if (!p)
        return std::nullopt;
    return ledger.post(*p);
}

} // namespace keel::posting_rules
