#include "analytics_dimensions.h"

#include "http/http_types.h"
#include "metric_definition.h"

namespace keel {

DimensionSql dimensionSql(const QString &dimension, const QString &alias)
{
    const QString a = alias + u'.';
    if (dimension == QLatin1String(Dimension::Month))
        return {QStringLiteral("to_char(%1month, 'YYYY-MM')").arg(a),
                QStringLiteral("to_char(%1month, 'Mon YYYY')").arg(a),
                {}};
    if (dimension == QLatin1String(Dimension::Entity))
        return {QStringLiteral("dim_le.code"), QStringLiteral("dim_le.name"),
                QStringLiteral(" LEFT JOIN legal_entities dim_le ON dim_le.id = %1legal_entity_id")
                    .arg(a)};
    if (dimension == QLatin1String(Dimension::Practice))
        return {QStringLiteral("coalesce(%1practice_id::text, 'none')").arg(a),
                QStringLiteral("coalesce(dim_pr.name, 'No practice')"),
                QStringLiteral(" LEFT JOIN practices dim_pr ON dim_pr.id = %1practice_id").arg(a)};
    if (dimension == QLatin1String(Dimension::Client))
        return {QStringLiteral("%1client_id::text").arg(a), QStringLiteral("dim_ac.name"),
                QStringLiteral(" LEFT JOIN accounts dim_ac ON dim_ac.id = %1client_id").arg(a)};
    if (dimension == QLatin1String(Dimension::Project))
        return {QStringLiteral("%1project_id::text").arg(a), QStringLiteral("dim_pj.name"),
                QStringLiteral(" LEFT JOIN projects dim_pj ON dim_pj.id = %1project_id").arg(a)};
    if (dimension == QLatin1String(Dimension::Person))
        return {QStringLiteral("%1employee_id::text").arg(a), QStringLiteral("dim_us.display_name"),
                QStringLiteral(" LEFT JOIN employees dim_em ON dim_em.id = %1employee_id"
                               " LEFT JOIN users dim_us ON dim_us.id = dim_em.user_id")
                    .arg(a)};
    return {};
}

SqlFragment sliceCondition(const MetricContext &context, const QStringList &columns,
                           const QString &alias)
{
    const AnalyticsFilter &f = context.filter;
    const QString a = alias + u'.';
    SqlFragment out;
    out.sql =
        QStringLiteral("%1legal_entity_id = ANY(?::bigint[]) AND %1month BETWEEN ? AND ?").arg(a);
    out.binds = {context.entityArray(), f.from, f.to};
    const auto add = [&](qint64 id, const char *dimension, const QString &column) {
        if (id == 0)
            return;
        if (!columns.contains(QLatin1String(dimension)))
            throw ApiError::invalidField(QString::fromLatin1(dimension),
                                         QStringLiteral("not_applicable"),
                                         QStringLiteral("This metric cannot be filtered by %1.")
                                             .arg(QLatin1String(dimension)));
        if (id < 0) { // "none": records without one
            out.sql += QStringLiteral(" AND %1%2 IS NULL").arg(a, column);
            return;
        }
        out.sql += QStringLiteral(" AND %1%2 = ?").arg(a, column);
        out.binds.append(id);
    };
    add(f.practiceId, Dimension::Practice, QStringLiteral("practice_id"));
    add(f.clientId, Dimension::Client, QStringLiteral("client_id"));
    add(f.projectId, Dimension::Project, QStringLiteral("project_id"));
    add(f.personId, Dimension::Person, QStringLiteral("employee_id"));
    if (f.managerUserId != 0) {
        if (!columns.contains(QLatin1String("manager")))
            throw ApiError::invalidField(QStringLiteral("manager"),
                                         QStringLiteral("not_applicable"),
                                         QStringLiteral("This metric cannot be filtered by "
                                                        "project manager."));
        out.sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM projects slice_pj WHERE "
                                  "slice_pj.id = %1project_id AND "
                                  "slice_pj.project_manager_id = ?)")
                       .arg(a);
        out.binds.append(f.managerUserId);
    }
    return out;
}

} // namespace keel
