#include "posting_rules.h"

#include "http/http_types.h"

namespace keel::posting_rules {

namespace {

// One line for a signed change: `debitWhenPositive` says which side a positive change takes.
void addSigned(Posting &p, const QString &role, const Money &change,
               const std::optional<Money> &functional, bool debitWhenPositive, qint64 projectId,
               qint64 clientId, const QString &memo)
{
    if (!change.isValid() || change.isZero())
        return;
    PostingLine l;
    l.role = role;
    const bool isDebit = change.isPositive() == debitWhenPositive;
    (isDebit ? l.debit : l.credit) = change.abs();
    if (functional)
        l.functional = functional->abs();
    l.projectId = projectId;
    l.clientId = clientId;
    l.memo = memo;
    p.lines.append(l);
}

} // namespace

std::optional<Posting> buildRevenueCatchUp(const RevenueCatchUp &e)
{
    Posting p;
    p.entityId = e.entityId;
    p.date = e.date;
    p.sourceType = QStringLiteral("revenue_recognition");
    p.sourceId = e.sourceId;
    p.purpose = QStringLiteral("recognise");
    p.description = QStringLiteral("Revenue recognised %1").arg(e.sourceId);
    p.createdBy = e.postedBy;
    addSigned(p, QStringLiteral("revenue"), e.revenue, e.revenueFunctional, false, e.projectId,
              e.clientId, {});
    addSigned(p, QStringLiteral("unbilled_receivable"), e.unbilled, e.unbilledFunctional, true,
              e.projectId, e.clientId, QStringLiteral("Contract asset"));
    addSigned(p, QStringLiteral("deferred_revenue"), e.deferred, e.deferredFunctional, false,
              e.projectId, e.clientId, QStringLiteral("Contract liability"));
    addSigned(p, QStringLiteral("contract_loss"), e.lossProvision, e.lossProvisionFunctional, true,
              e.projectId, e.clientId, QStringLiteral("Onerous contract"));
    addSigned(p, QStringLiteral("loss_provision"), e.lossProvision, e.lossProvisionFunctional,
              false, e.projectId, e.clientId, QStringLiteral("Onerous contract"));
    if (p.lines.isEmpty())
        return std::nullopt;

    // With functional amounts given, what the contract-currency lines leave between the sides is
    // the exchange difference on the position they cleared.
    bool allFunctional = true;
    qint64 balance = 0;
    std::optional<Currency> functional;
    for (const PostingLine &l : p.lines) {
        if (!l.functional) {
            allFunctional = false;
            break;
        }
        functional = l.functional->currency();
        balance += l.debit.isValid() && !l.debit.isZero() ? l.functional->minorUnits()
                                                          : -l.functional->minorUnits();
    }
    if (allFunctional && balance != 0) {
        const Money fx = Money::fromMinor(std::llabs(balance), *functional).valueOr(Money());
        addSigned(p,
                  balance > 0 ? QStringLiteral("fx_gain_realised")
                              : QStringLiteral("fx_loss_realised"),
                  balance > 0 ? fx : fx.negated(), fx, false, e.projectId, e.clientId,
                  QStringLiteral("Exchange difference on the contract position"));
    }
    if (p.lines.size() < 2)
        throw ApiError::invalidField(QStringLiteral("lines"), "too_few",
                                     QStringLiteral("a revenue entry needs two lines"));
    return p;
}

} // namespace keel::posting_rules
