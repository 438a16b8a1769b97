#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace keel {

struct MetricContext;

// How a fact is cut by a standard dimension: key and label expressions over a relation aliased
// `alias` whose columns are named month, legal_entity_id, practice_id, client_id, project_id and
// employee_id, and the LEFT JOINs the labels need (aliases dim_le, dim_pr, dim_ac, dim_pj,
// dim_em, dim_us). Keys: "2026-03", entity code, ids as text ("none" for no practice).
struct DimensionSql
{
    QString key, label, joins;
};
DimensionSql dimensionSql(const QString &dimension, const QString &alias = QStringLiteral("f"));

// SQL text with its positional binds, to splice into a larger statement in order.
struct SqlFragment
{
    QString sql;
    QVariantList binds;
};

// The filter's slice as a condition on such a relation: entities in scope and months always,
// practice, client, project, person and manager when set. `columns` names the dimensions the
// relation has (Dimension::…, plus "manager" when it has project_id joined to projects); a set
// filter on a dimension the relation lacks is 422 with that field and code "not_applicable".
// Months compare the relation's `month` column with filter.from..filter.to.
SqlFragment sliceCondition(const MetricContext &context, const QStringList &columns,
                           const QString &alias = QStringLiteral("f"));

} // namespace keel
