#pragma once

// The sales rules both the Sales workspace's figures (sales_figures_store.cpp) and the analytics
// metrics (server/analytics/sales_*.cpp) apply, as SQL over the crm tables, so that a deal counts
// the same way on every screen (DESIGN.md section 8: each metric computed in one place).

#include <QString>

namespace keel::sales_rules {

// The value a contract (alias `c`) booked when it was signed: version 1 as signed. A contract
// without its versions (loaded straight into the table) books its current value less what its
// approved change orders added since.
inline QString bookedAtSignature(const QString &c = QStringLiteral("c"))
{
    return QStringLiteral(
               "coalesce((SELECT v.total_value FROM contract_versions v WHERE v.contract_id = "
               "%1.id AND v.contract_version = 1), %1.total_value - coalesce((SELECT "
               "sum(x.value_after - x.value_before) FROM contract_change_orders x WHERE "
               "x.contract_id = %1.id AND x.status = 'approved'), 0))")
        .arg(c);
}

// What an approved change order (alias `co`) adds to the contract's value (negative when it
// reduces it), booked on the day it was approved (UTC).
inline QString changeOrderDelta(const QString &co = QStringLiteral("co"))
{
    return QStringLiteral("(%1.value_after - %1.value_before)").arg(co);
}
inline QString changeOrderBookedOn(const QString &co = QStringLiteral("co"))
{
    return QStringLiteral("((%1.decided_at AT TIME ZONE 'UTC')::date)").arg(co);
}

// A contract books once it is signed: every status but draft.
inline QString contractBooks(const QString &c = QStringLiteral("c"))
{
    return QStringLiteral("(%1.status <> 'draft' AND %1.signature_date IS NOT NULL)").arg(c);
}

// The moment an opportunity (alias `o`) reached its current stage: a LEFT JOIN LATERAL giving
// `hc.at`, and the UTC date the deal closed on when that stage is won or lost.
inline QString closedJoin(const QString &o = QStringLiteral("o"))
{
    return QStringLiteral(
               " LEFT JOIN LATERAL (SELECT max(h.changed_at) AS at FROM opportunity_stage_history "
               "h WHERE h.opportunity_id = %1.id AND h.to_stage_id = %1.stage_id) hc ON true ")
        .arg(o);
}
inline QString closedOn(const QString &o = QStringLiteral("o"))
{
    return QStringLiteral("((coalesce(hc.at, %1.updated_at) AT TIME ZONE 'UTC')::date)").arg(o);
}

// Closed deals are those whose stage (alias `s`) is won or lost; open ones count in neither.
inline QString closedStage(const QString &s = QStringLiteral("s"))
{
    return QStringLiteral("(%1.is_won OR %1.is_lost)").arg(s);
}

// An open opportunity's weighted value in its own currency, exact (× 0.01 rather than / 100:
// numeric multiplication is exact, division is not always).
inline QString weightedValue(const QString &o = QStringLiteral("o"))
{
    return QStringLiteral("(%1.expected_value * %1.probability * 0.01)").arg(o);
}

} // namespace keel::sales_rules
