#include "margin_risk.h"

#include "db/database.h"
#include "db/pg_array.h"
#include "http/http_types.h"
#include "http/router.h"
#include "insights_model.h"
#include "insights_model_store.h"
#include "insights_scope.h"
#include "margin_risk_store.h"
#include "margin_risk_train.h"
#include "permissions.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>

namespace keel {

namespace {

const QString MarginRiskName = QStringLiteral("margin_risk");

qint64 managerOf(const Request &request)
{
    const QString value = request.query.queryItemValue(QStringLiteral("manager"));
    if (value.isEmpty())
        return 0;
    if (value == QLatin1String("me"))
        return request.caller().user.id;
    bool ok = false;
    const qint64 id = value.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(QStringLiteral("manager"), QStringLiteral("invalid"),
                                     QStringLiteral("manager must be 'me' or a user id."));
    return id;
}

bool allOf(const Request &request)
{
    const QString value = request.query.queryItemValue(QStringLiteral("all"));
    if (value.isEmpty() || value == QLatin1String("false"))
        return false;
    if (value == QLatin1String("true"))
        return true;
    throw ApiError::invalidField(QStringLiteral("all"), QStringLiteral("invalid"),
                                 QStringLiteral("all must be true or false."));
}

// Without ?as_of=, the day of the latest approved time (at most today): approval trails the work
// by a week, and a week not yet approved must not read as a week without work.
QDate asOfOf(QSqlDatabase db, const Request &request, const QList<qint64> &entityIds)
{
    const QString value = request.query.queryItemValue(QStringLiteral("as_of"));
    if (!value.isEmpty()) {
        const QDate d = QDate::fromString(value, Qt::ISODate);
        if (!d.isValid())
            throw ApiError::invalidField(QStringLiteral("as_of"), QStringLiteral("invalid"),
                                         QStringLiteral("as_of must be a date (YYYY-MM-DD)."));
        return d;
    }
    db::PgArray ids;
    for (const qint64 id : entityIds)
        ids.add(id);
    // Per entity, the latest day walking (legal_entity_id, work_date) backwards: a max() over
    // the entities' ~300k entries took 0.2 s of the answer at scale 1.
    QSqlQuery q =
        db::query(db,
                  "SELECT max(l.work_date) FROM unnest(?::bigint[]) e(id) CROSS JOIN "
                  "LATERAL (SELECT te.work_date FROM time_entries te WHERE "
                  "te.legal_entity_id = e.id AND te.status IN ('approved', 'invoiced') "
                  "AND te.work_date <= current_date ORDER BY te.work_date DESC LIMIT 1) l",
                  {ids.literal()});
    return q.next() && !q.value(0).isNull() ? q.value(0).toDate() : QDate::currentDate();
}

QJsonObject itemJson(const MarginRiskProjectRow &row, const MarginRiskAssessment &a)
{
    QJsonArray evidence;
    for (const MarginRiskEvidence &e : a.evidence)
        evidence.append(QJsonObject{{"kind", e.kind},
                                    {"text", e.text},
                                    {"value", e.value},
                                    {"compared_with", e.comparedWith}});
    return {{"project_id", row.projectId},
            {"code", row.code},
            {"name", row.name},
            {"account", row.account},
            {"manager", row.manager},
            {"currency", row.features.currency},
            {"contract_value", row.contractValue},
            {"target_margin", row.targetMargin},
            {"forecast_margin", row.forecastMargin},
            {"expected_margin", row.expectedMargin},
            {"budget_spent_pct", row.budgetSpent},
            {"percent_complete", marginRiskRatio(row.features.elapsed)},
            {"flagged", a.flagged},
            {"severity",
             a.flagged ? QJsonValue(a.high ? QStringLiteral("high") : QStringLiteral("medium"))
                       : QJsonValue()},
            {"evidence", evidence}};
}

} // namespace

QJsonObject marginRiskItems(QSqlDatabase db, const QList<qint64> &entityIds, qint64 managerUserId,
                            QDate asOf, bool all)
{
    const InsightsModelRecord model = requireInsightsModel(db, MarginRiskName);
    const MarginRiskParameters params = MarginRiskParameters::fromJson(model.parameters);
    struct Scored
    {
        const MarginRiskProjectRow *row;
        MarginRiskAssessment assessment;
    };
    const std::vector<MarginRiskProjectRow> rows =
        marginRiskProjects(db, entityIds, managerUserId, asOf, params);
    std::vector<Scored> scored;
    for (const MarginRiskProjectRow &row : rows) {
        MarginRiskAssessment a = assessMarginRisk(row.features, params);
        if (a.flagged || all)
            scored.push_back({&row, std::move(a)});
    }
    // High first, then medium, then the unflagged; within each, the furthest below target.
    std::stable_sort(scored.begin(), scored.end(), [](const Scored &x, const Scored &y) {
        const int rx = x.assessment.flagged ? (x.assessment.high ? 0 : 1) : 2;
        const int ry = y.assessment.flagged ? (y.assessment.high ? 0 : 1) : 2;
        if (rx != ry)
            return rx < ry;
        return x.assessment.forecastMargin - x.assessment.targetMargin <
               y.assessment.forecastMargin - y.assessment.targetMargin;
    });
    QJsonArray items;
    for (const Scored &s : scored)
        items.append(itemJson(*s.row, s.assessment));
    return {{"items", items},
            {"as_of", asOf.toString(Qt::ISODate)},
            {"model", insightsModelJson(model)}};
}

QJsonObject marginRiskAnswer(QSqlDatabase db, const Request &request)
{
    const InsightsScope scope = insightsScope(db, request);
    const qint64 manager = managerOf(request);
    const bool all = allOf(request);
    const QDate asOf = asOfOf(db, request, scope.entityIds);
    return marginRiskItems(db, scope.entityIds, manager, asOf, all);
}

InsightsModelSpec marginRiskModel()
{
    InsightsModelSpec spec;
    spec.name = MarginRiskName;
    spec.title = QStringLiteral("Margin-risk alerts");
    spec.description = QStringLiteral(
        "Active projects whose margin at completion, projected from how fast they burn their "
        "cost budget against their schedule, falls below the budget's planned margin.");
    spec.train = trainMarginRisk;
    return spec;
}

void registerMarginRiskRoutes(Router &router, const DbConfig &database)
{
    router.add({"GET", QStringLiteral("/api/v1/insights/margin-risk"), Permission::InsightsUse,
                Scope::LegalEntity,
                "Projects whose forecast margin falls below target, with the evidence and the "
                "expected margin (?entity=&manager=me|<user id>&all=true&as_of=)",
                [database](Request &r) {
                    return Reply::json(marginRiskAnswer(db::connection(database), r));
                }});
}

} // namespace keel
