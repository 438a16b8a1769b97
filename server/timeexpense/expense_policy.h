#pragma once

#include "money.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

// A category's policy in the entity's functional currency.
struct ExpensePolicy
{
    QString categoryName;
    QString capKind; // none, per_item, per_day
    std::optional<Money> cap;
    Money receiptRequiredAbove;
};

// What an expense breaches, in words for the approver and the employee; empty = within policy.
// `sameDayOthers`: the employee's other expenses of the category on that day (per_day caps).
QString capBreach(const ExpensePolicy &policy, const Money &amount, const Money &sameDayOthers,
                  const QString &date);
// Checked when the expense is submitted (a receipt may be attached after capture).
QString receiptBreach(const ExpensePolicy &policy, const Money &amount, bool hasReceipt);
// The breaches joined into one sentence list, or empty.
QString joinBreaches(const QStringList &breaches);

} // namespace keel
