#include "opportunity_score_service.h"

#include "http/http_types.h"
#include "http/paging.h"
#include "insights_model_store.h"
#include "insights_scope.h"
#include "insights_stats.h"
#include "money.h"
#include "opportunity_score_model.h"
#include "opportunity_score_store.h"
#include "rounding.h"

#include <QJsonArray>

#include <algorithm>

namespace keel {

namespace {

constexpr double kRiskGap = 0.20;
constexpr int kListFactors = 5;
const QString kModel = QStringLiteral("opportunity_score");

struct OpportunityScoreItem
{
    OpportunityScoreRow row;
    OpportunityScore score;
    Money value;
    Money weightedRep, weightedModel;
    int repBp = 0, modelBp = 0; // basis points: probabilities as they are printed
    bool atRisk = false;
};

// value × basis points ÷ 10,000, rounded half away from zero to the currency's minor unit: the
// weighted values are exact money, and a list's total is the sum of its rows.
Money weigh(const Money &value, int bp)
{
    const Int128 minor = divideRoundHalfAwayFromZero(Int128(value.minorUnits()) * bp, 10000);
    return Money::fromMinor(qint64(minor), value.currency()).value();
}

QString bpText(int bp)
{
    return QStringLiteral("%1.%2").arg(bp / 10000).arg(bp % 10000, 4, 10, QLatin1Char('0'));
}

qint64 ownerFilter(const Request &request)
{
    const QString owner = request.query.queryItemValue(QStringLiteral("owner"));
    if (owner.isEmpty())
        return 0;
    if (owner == QLatin1String("me"))
        return request.caller().user.id;
    bool ok = false;
    const qint64 id = owner.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(QStringLiteral("owner"), QStringLiteral("invalid"),
                                     QStringLiteral("owner must be 'me' or a user id."));
    return id;
}

std::vector<OpportunityScoreItem> scoredItems(QSqlDatabase db, const InsightsScope &scope,
                                              const InsightsModelRecord &model, qint64 owner,
                                              qint64 opportunityId)
{
    const Currency currency = Currency::fromCode(scope.currency).value();
    const OpportunityScoreParams params = OpportunityScoreParams::fromJson(model.parameters);
    const QHash<qint64, QString> lines = serviceLineNames(db);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    std::vector<OpportunityScoreItem> items;
    for (OpportunityScoreRow &row :
         openOpportunityRows(db, scope.entityIds, scope.currency, currency.minorUnits(), today,
                             owner, opportunityId)) {
        if (row.value.isEmpty())
            throw ApiError::invalidField(
                QStringLiteral("entity"), QStringLiteral("no_fx_rate"),
                QStringLiteral("No exchange rate %1→%2 on or before %3.")
                    .arg(row.currency, scope.currency, today.toString(Qt::ISODate)));
        OpportunityScoreItem item;
        item.score = scoreOpportunity(params, row.point, lines);
        item.value = Money::parse(row.value, currency).value();
        item.repBp = qRound(row.repProbability.toDouble() * 100);
        item.modelBp = qRound(item.score.probability * 10000);
        item.weightedRep = weigh(item.value, item.repBp);
        item.weightedModel = weigh(item.value, item.modelBp);
        item.row = std::move(row);
        items.push_back(std::move(item));
    }
    std::vector<double> values;
    for (const auto &i : items)
        values.push_back(double(i.value.minorUnits()));
    const double median = stats::median(values);
    for (auto &i : items)
        i.atRisk =
            i.modelBp <= i.repBp - int(kRiskGap * 10000) && double(i.value.minorUnits()) >= median;
    return items;
}

QJsonObject itemJson(const OpportunityScoreItem &i, int factors)
{
    QJsonArray f;
    for (const OpportunityFactor &factor : i.score.factors) {
        if (f.size() >= factors)
            break;
        f.append(factor.toJson());
    }
    const OpportunityScoreRow &r = i.row;
    return {{"opportunity_id", QString::number(r.point.opportunityId)},
            {"name", r.name},
            {"account_id", QString::number(r.point.accountId)},
            {"account", r.account},
            {"entity_id", QString::number(r.point.entityId)},
            {"stage", r.point.stage},
            {"stage_name", r.point.stageName},
            {"days_in_stage", r.point.ageDays},
            {"owner_id", QString::number(r.ownerId)},
            {"owner", r.owner},
            {"value", i.value.toString()},
            {"currency", i.value.currency().code()},
            {"deal_currency", r.currency},
            {"expected_close", r.expectedClose.isValid()
                                   ? QJsonValue(r.expectedClose.toString(Qt::ISODate))
                                   : QJsonValue()},
            {"rep_probability", bpText(i.repBp)},
            {"model_probability", bpText(i.modelBp)},
            {"weighted_rep", i.weightedRep.toString()},
            {"weighted_model", i.weightedModel.toString()},
            {"at_risk", i.atRisk},
            {"factors", f}};
}

} // namespace

QJsonObject opportunityScoreList(QSqlDatabase db, const Request &request)
{
    const QString sort = request.query.queryItemValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("risk") && sort != QLatin1String("value") &&
        sort != QLatin1String("model"))
        throw ApiError::invalidField(QStringLiteral("sort"), QStringLiteral("invalid"),
                                     QStringLiteral("sort must be risk, value or model."));
    const PageRequest page = PageRequest::from(request);
    const qint64 owner = ownerFilter(request);
    const InsightsScope scope = insightsScope(db, request);
    const InsightsModelRecord model = requireInsightsModel(db, kModel);

    std::vector<OpportunityScoreItem> items = scoredItems(db, scope, model, owner, 0);
    // risk (default): the deals at risk first, then by the weighted value the model takes off
    // the rep's; value: largest first; model: most likely first. Ties by id, so pages are stable.
    const auto key = [&](const OpportunityScoreItem &i) -> std::pair<qint64, qint64> {
        if (sort == QLatin1String("value"))
            return {0, i.value.minorUnits()};
        if (sort == QLatin1String("model"))
            return {0, i.modelBp};
        return {i.atRisk ? 1 : 0, i.weightedRep.minorUnits() - i.weightedModel.minorUnits()};
    };
    std::sort(items.begin(), items.end(), [&](const auto &a, const auto &b) {
        const auto ka = key(a), kb = key(b);
        if (ka != kb)
            return ka > kb;
        return a.row.point.opportunityId < b.row.point.opportunityId;
    });

    const Currency currency = Currency::fromCode(scope.currency).value();
    Money rep = Money::zero(currency), weighted = Money::zero(currency);
    for (const auto &i : items) {
        rep = rep.add(i.weightedRep).value();
        weighted = weighted.add(i.weightedModel).value();
    }
    std::size_t from = 0;
    if (page.after != 0) {
        const auto at = std::find_if(items.begin(), items.end(), [&](const auto &i) {
            return i.row.point.opportunityId == page.after;
        });
        if (at == items.end())
            throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("unknown"),
                                         QStringLiteral("after names no deal of this list."));
        from = std::size_t(at - items.begin()) + 1;
    }
    QJsonArray out;
    std::size_t i = from;
    for (; i < items.size() && out.size() < page.limit; ++i)
        out.append(itemJson(items[i], kListFactors));
    return {{"items", out},
            {"totals", QJsonObject{{"weighted_rep", rep.toString()},
                                   {"weighted_model", weighted.toString()},
                                   {"count", int(items.size())},
                                   {"currency", scope.currency}}},
            {"next", i < items.size()
                         ? QJsonValue(QString::number(items[i - 1].row.point.opportunityId))
                         : QJsonValue()},
            {"model", insightsModelJson(model)}};
}

QJsonObject opportunityScoreOne(QSqlDatabase db, const Request &request, qint64 id)
{
    const InsightsScope scope = insightsScope(db, request);
    const InsightsModelRecord model = requireInsightsModel(db, kModel);
    const std::vector<OpportunityScoreItem> items = scoredItems(db, scope, model, 0, id);
    if (items.empty())
        throw ApiError::notFound(QStringLiteral("No open opportunity %1 in your scope.").arg(id));
    QJsonObject item = itemJson(items.front(), int(items.front().score.factors.size()));
    item.insert("currency_of_answer", scope.currency);
    item.insert("model", insightsModelJson(model));
    return item;
}

} // namespace keel
