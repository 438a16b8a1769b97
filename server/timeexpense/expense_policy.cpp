#include "expense_policy.h"

namespace keel {

namespace {
QString show(const Money &m)
{
    return m.toString() + u' ' + m.currency().code();
}
} // namespace

QString capBreach(const ExpensePolicy &policy, const Money &amount, const Money &sameDayOthers,
                  const QString &date)
{
    if (!policy.cap)
        return {};
    if (policy.capKind == QLatin1String("per_item")) {
        if (amount > *policy.cap)
            return QStringLiteral("%1 is above the %2 cap of %3 per item")
                .arg(show(amount), policy.categoryName, show(*policy.cap));
        return {};
    }
    if (policy.capKind == QLatin1String("per_day")) {
        const Money day = amount.add(sameDayOthers).valueOr(amount);
        if (day > *policy.cap)
            return QStringLiteral("%1 of %2 on %3 (with this expense) is above the daily cap "
                                  "of %4")
                .arg(show(day), policy.categoryName, date, show(*policy.cap));
    }
    return {};
}

QString receiptBreach(const ExpensePolicy &policy, const Money &amount, bool hasReceipt)
{
    if (hasReceipt || !(amount > policy.receiptRequiredAbove))
        return {};
    return QStringLiteral("no receipt, which %1 requires above %2")
        .arg(policy.categoryName, show(policy.receiptRequiredAbove));
}

QString joinBreaches(const QStringList &breaches)
{
    QStringList nonEmpty;
    for (const QString &b : breaches)
        if (!b.isEmpty())
            nonEmpty.append(b);
    return nonEmpty.join(QStringLiteral("; "));
}

} // namespace keel
