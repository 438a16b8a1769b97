#include "posting_rules.h"

#include "http/http_types.h"

namespace keel::posting_rules {

namespace {

PostingLine line(const QString &role, const QString &number, const Money &amount,
                 const Money &functional, bool debit, const QString &memo)
{
    PostingLine l;
    l.role = role;
    l.accountNumber = number;
    (debit ? l.debit : l.credit) = amount;
    l.functional = functional;
    l.memo = memo;
    return l;
}

} // namespace

Posting buildVendorPayment(const LedgerService & /*ledger*/, const VendorPayment &e)
{
    if (!e.amount.isPositive() || !e.payableFunctional.isValid() || !e.cashFunctional.isValid() ||
        !(e.payableFunctional.currency() == e.cashFunctional.currency()))
        throw ApiError::invalidField(QStringLiteral("amount"), "invalid_value",
                                     QStringLiteral("a positive payment with its functional "
                                                    "amounts in one currency"));
    Posting p;
    p.entityId = e.entityId;
    p.date = e.paymentDate;
    p.sourceType = QStringLiteral("vendor_payment");
    p.sourceId = QString::number(e.paymentId);
    p.purpose = QStringLiteral("payment");
    p.description = QStringLiteral("Vendor payment %1").arg(e.reference);
    p.createdBy = e.postedBy;
    // AP is cleared at what the bills carried, the bank at what the money cost on the day.
    p.lines.append(line(QStringLiteral("accounts_payable"), QString(), e.amount,
                        e.payableFunctional, true, e.reference));
    p.lines.append(
        line(QString(), e.bankAccountNumber, e.amount, e.cashFunctional, false, e.reference));
    const qint64 diff = e.payableFunctional.minorUnits() - e.cashFunctional.minorUnits();
    if (diff != 0) {
        // Cheaper than booked is a gain (credit); dearer is a loss (debit).
        const Money fx = *Money::fromMinor(std::llabs(diff), e.cashFunctional.currency());
        p.lines.append(diff > 0 ? line(QStringLiteral("fx_gain_realised"), QString(), fx, fx, false,
                                       QStringLiteral("Realised FX"))
                                : line(QStringLiteral("fx_loss_realised"), QString(), fx, fx, true,
                                       QStringLiteral("Realised FX")));
    }
    return p;
}

PostingResult vendorPayment(const LedgerService &ledger, const VendorPayment &e)
{
    return ledger.post(buildVendorPayment(ledger, e));
}

} // namespace keel::posting_rules
