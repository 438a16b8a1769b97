#include "expense_policy.h"

#include "expense_values.h"

namespace keel {

using namespace expense_values;

QString capBreach(const ExpensePolicy &policy, const Money &amount, const Money &sameDayOthers,
                  const QString &date)
{
    if (!policy.cap)
        return {};
    if (policy.capKind == QLatin1String("per_item")) {
        if (amount > *policy.cap)
            return QStringLiteral("%1 is above the %2 cap of %3 per item")
                .arg(showMoney(amount), policy.categoryName, showMoney(*policy.cap));
        return {};
    }
    if (policy.capKind == QLatin1String("per_day")) {
        const Money day = amount.add(sameDayOthers).valueOr(amount);
        if (day > *policy.cap)
            return QStringLiteral("%1 of %2 on %3 (with this expense) is above the daily cap "
                                  "of %4")
                .arg(showMoney(day), policy.categoryName, date, showMoney(*policy.cap));
    }
    return {};
}

QString receiptBreach(const ExpensePolicy &policy, const Money &amount, bool hasReceipt)
{
    if (hasReceipt || !(amount > policy.receiptRequiredAbove))
        return {};
    return QStringLiteral("no receipt, which %1 requires above %2")
        .arg(policy.categoryName, showMoney(policy.receiptRequiredAbove));
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
