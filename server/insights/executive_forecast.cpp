#include "executive_forecast.h"

#include "executive_forecast_store.h"
#include "insights_model_store.h"
#include "insights_scope.h"
#include "opportunity_score.h"

#include "analytics/revenue_live_forecast.h"
#include "db/database.h"
#include "http/http_types.h"
#include "http/router.h"
#include "permissions.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace keel {

namespace {

const QString kModel = QStringLiteral("executive_forecast");

QDate monthOf(QDate d)
{
    return QDate(d.year(), d.month(), 1);
}

// The inputs every answer shares: the model's fit, the live schedules brought up to date, the
// scoring model's probabilities of the open deals (none yet: the reps' own are used).
executive_forecast_store::Inputs inputsFor(QSqlDatabase db, const InsightsScope &scope, QDate today,
                                           const InsightsModelRecord &model)
{
    executive_forecast_store::Inputs in;
    in.entityIds = scope.entityIds;
    in.currency = scope.currency;
    in.firstMonth = monthOf(today);
    in.fit = ExecutiveForecastFit::fromJson(model.parameters);
    revenue_analytics::refreshLiveForecast(db, scope.entityIds, in.firstMonth.addMonths(11));
    for (const OpportunityWinProbability &p :
         opportunityWinProbabilities(db, scope.entityIds, today))
        in.modelProbability.insert(p.opportunityId, QString::number(p.probability, 'f', 4));
    return in;
}

QString monthKey(QDate m)
{
    return m.toString(QStringLiteral("yyyy-MM"));
}

QString fraction(double v)
{
    return QString::number(v, 'f', 4);
}

QString percent(double v)
{
    return QString::number(std::lround(v * 100));
}

QString signedPercent(double v)
{
    return (v >= 0 ? QStringLiteral("+") : QString()) + percent(v);
}

QJsonObject factor(const QString &code, const QString &value, const QString &comparedWith,
                   const QString &text)
{
    return {{QStringLiteral("factor"), code},
            {QStringLiteral("value"), value},
            {QStringLiteral("compared_with"), comparedWith},
            {QStringLiteral("text"), text}};
}

// What the forecast rests on, each with its numbers and a sentence (the client phrases them in
// German from the code and the numbers).
QJsonArray forecastFactors(const ExecutiveForecastFit &fit, bool modelProbabilities)
{
    constexpr std::size_t h = 3;
    return {
        factor(QStringLiteral("tm_ratio"), fraction(fit.tmRatio), QStringLiteral("1.0000"),
               QStringLiteral("T&M work has been recognised at %1 times what the schedules "
                              "planned (%2 contract-months); the run-rate adds the difference.")
                   .arg(QString::number(fit.tmRatio, 'f', 2))
                   .arg(fit.tmMonths)),
        factor(QStringLiteral("signature_to_start_days"), QString::number(fit.lagDays), {},
               QStringLiteral("Contracts start %1 days after signature (median of %2): a deal's "
                              "revenue begins that long after its expected close.")
                   .arg(fit.lagDays)
                   .arg(fit.contracts)),
        factor(QStringLiteral("duration_months"), QString::number(fit.defaultDuration, 'f', 1), {},
               QStringLiteral("Won work runs %1 months (median contract; per service line where "
                              "it has three contracts or more), spread evenly.")
                   .arg(QString::number(fit.defaultDuration, 'f', 1))),
        factor(QStringLiteral("pipeline_realisation"), fraction(fit.pipelineRealisation[h]),
               QStringLiteral("1.0000"),
               QStringLiteral("Of the weighted pipeline placed three months ahead, %1 % arrived "
                              "as revenue in the latest forecasts; the pipeline counts at that "
                              "share.")
                   .arg(percent(fit.pipelineRealisation[h]))),
        factor(QStringLiteral("probability_source"),
               modelProbabilities ? QStringLiteral("model") : QStringLiteral("rep"), {},
               modelProbabilities
                   ? QStringLiteral("Deals are weighted with the scoring model's probability.")
                   : QStringLiteral("No scoring model yet: deals are weighted with the rep's "
                                    "probability.")),
        factor(QStringLiteral("range"),
               fraction(fit.p10[h]) + QStringLiteral(" ") + fraction(fit.p90[h]), {},
               QStringLiteral("In the backtest, recognised revenue came within %1 % to %2 % of 8 "
                              "in 10 three-month forecasts; each month's range uses its "
                              "horizon's.")
                   .arg(signedPercent(fit.p10[h]), signedPercent(fit.p90[h]))),
    };
}

} // namespace

QJsonObject executiveForecastJson(QSqlDatabase db, const InsightsScope &scope, QDate today)
{
    const InsightsModelRecord model = requireInsightsModel(db, kModel);
    const executive_forecast_store::Inputs in = inputsFor(db, scope, today, model);
    QList<executive_forecast_store::CapacityRow> shortfalls;
    const auto rows = executive_forecast_store::months(db, in, shortfalls);
    QJsonArray months, capacity;
    for (const auto &m : rows)
        months.append(QJsonObject{{QStringLiteral("month"), monthKey(m.month)},
                                  {QStringLiteral("backlog"), m.backlog},
                                  {QStringLiteral("pipeline"), m.pipeline},
                                  {QStringLiteral("run_rate"), m.runRate},
                                  {QStringLiteral("expected"), m.expected},
                                  {QStringLiteral("p10"), m.p10},
                                  {QStringLiteral("p90"), m.p90},
                                  {QStringLiteral("required_hours"), m.requiredHours},
                                  {QStringLiteral("available_hours"), m.availableHours},
                                  {QStringLiteral("capacity_ok"), m.capacityOk}});
    for (const auto &c : shortfalls)
        capacity.append(QJsonObject{{QStringLiteral("month"), monthKey(c.month)},
                                    {QStringLiteral("role"), c.role},
                                    {QStringLiteral("role_name"), c.roleName},
                                    {QStringLiteral("required_hours"), c.required},
                                    {QStringLiteral("available_hours"), c.available},
                                    {QStringLiteral("shortfall_hours"), c.shortfall}});
    return {{QStringLiteral("currency"), scope.currency},
            {QStringLiteral("months"), months},
            {QStringLiteral("capacity"), capacity},
            {QStringLiteral("factors"), forecastFactors(in.fit, !in.modelProbability.isEmpty())},
            {QStringLiteral("model"), insightsModelJson(model)}};
}

QJsonObject executiveForecastRecordsJson(QSqlDatabase db, const InsightsScope &scope, QDate today,
                                         const QString &month, const QString &part)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(month);
    const QDate first = monthOf(today);
    const QDate m =
        match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!m.isValid())
        throw ApiError::invalidField(QStringLiteral("month"), QStringLiteral("invalid"),
                                     QStringLiteral("month must be YYYY-MM."));
    if (m < first || m > first.addMonths(11))
        throw ApiError::invalidField(QStringLiteral("month"), QStringLiteral("out_of_range"),
                                     QStringLiteral("The forecast covers %1 to %2.")
                                         .arg(monthKey(first), monthKey(first.addMonths(11))));
    const QString p = part.isEmpty() ? QStringLiteral("backlog") : part;
    if (p != QLatin1String("backlog") && p != QLatin1String("pipeline") &&
        p != QLatin1String("run_rate"))
        throw ApiError::invalidField(QStringLiteral("part"), QStringLiteral("invalid"),
                                     QStringLiteral("part must be backlog, pipeline or run_rate."));
    const InsightsModelRecord model = requireInsightsModel(db, kModel);
    const executive_forecast_store::Inputs in = inputsFor(db, scope, today, model);
    QString total;
    QJsonArray items;
    for (const auto &r : executive_forecast_store::records(db, in, m, p, total))
        items.append(
            QJsonObject{{QStringLiteral("kind"), r.kind},
                        {QStringLiteral("id"), QString::number(r.id)},
                        {QStringLiteral("name"), r.name},
                        {QStringLiteral("account"), r.account},
                        {QStringLiteral("amount"), r.amount},
                        {QStringLiteral("currency"), scope.currency},
                        {QStringLiteral("probability"),
                         r.probability.isEmpty() ? QJsonValue() : QJsonValue(r.probability)}});
    return {{QStringLiteral("month"), monthKey(m)},
            {QStringLiteral("part"), p},
            {QStringLiteral("currency"), scope.currency},
            {QStringLiteral("items"), items},
            {QStringLiteral("total"), total},
            {QStringLiteral("model"), insightsModelJson(model)}};
}

void registerExecutiveForecastRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    const QString base = QStringLiteral("/api/v1/insights/forecast");
    router.add({"GET", base, InsightsUse, Scope::LegalEntity,
                "Revenue forecast for the 12 months from the current one: backlog, pipeline, "
                "T&M run-rate, expected with P10-P90, and the capacity check (?entity=)",
                [database](Request &r) {
                    QSqlDatabase db = db::connection(database);
                    const InsightsScope scope = insightsScope(db, r);
                    return Reply::json(executiveForecastJson(db, scope, QDate::currentDate()));
                }});
    router.add({"GET", base + "/{month}/records", InsightsUse, Scope::LegalEntity,
                "The contracts or deals behind one month's part of the forecast "
                "(?entity=&part=backlog|pipeline|run_rate); total equals the month's part",
                [database](Request &r) {
                    QSqlDatabase db = db::connection(database);
                    const InsightsScope scope = insightsScope(db, r);
                    return Reply::json(executiveForecastRecordsJson(
                        db, scope, QDate::currentDate(), r.params.value(QStringLiteral("month")),
                        r.query.queryItemValue(QStringLiteral("part"))));
                }});
}

} // namespace keel
