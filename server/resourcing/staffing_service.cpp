#include "staffing_service.h"

#include "decimal.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"
#include "staffing_weights.h"

#include <QJsonArray>

#include <algorithm>

namespace keel {

namespace {

Decimal dec(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

QString fixed(const QString &text, int places)
{
    return dec(text).toString(places);
}

QString percent(const QString &value)
{
    return dec(dec(value).multiply(Decimal::fromInt(100)).valueOr(Decimal()).toString())
        .rounded(1)
        .toString();
}

QString explainSkill(const StaffingRequest &r, const StaffingCandidate &c)
{
    if (r.skills.isEmpty())
        return QStringLiteral("The request requires no skills: full marks.");
    return QStringLiteral("Level held / minimum asked: %1. Each skill at or above its minimum "
                          "scores 0.5 + 0.1 × level, below it 0.1 × level; average %2.")
        .arg(c.skillDetail, fixed(c.values[SkillFactor], 2));
}

QString explainCapacity(const StaffingRequest &r, const StaffingCandidate &c)
{
    return QStringLiteral("%1 h free of %2 h available between %3 and %4 (%5 h booked); the "
                          "request needs %6 h: %7% covered.")
        .arg(fixed(c.free, 2), fixed(c.available, 2), formatDate(r.start), formatDate(r.end),
             fixed(c.booked, 2), fixed(r.neededHours, 2), percent(c.values[CapacityFactor]));
}

QString explainUtilisation(const StaffingCandidate &c)
{
    if (c.utilisation.isEmpty())
        return QStringLiteral("No available hours in the range (holidays or leave): no room.");
    const bool below = dec(c.utilisation) < dec(c.target);
    return QStringLiteral("Booked %1% of available hours in the range against a target of "
                          "%2%: %3.")
        .arg(fixed(c.utilisation, 1), fixed(c.target, 0),
             below ? QStringLiteral("below target, room to grow")
                   : QStringLiteral("at or above target"));
}

QString explainCost(const StaffingRequest &r, const StaffingCandidate &c)
{
    if (c.costRate.isEmpty())
        return QStringLiteral("No cost rate on %1: neutral.").arg(formatDate(r.start));
    if (c.standardCost.isEmpty())
        return QStringLiteral("Cost %1 %2/h; no standard cost of %3 in %2: neutral.")
            .arg(fixed(c.costRate, 2), c.costCurrency, r.jobRoleName);
    const bool cheaper = dec(c.costRate) <= dec(c.standardCost);
    return QStringLiteral("Cost %1 %2/h against the %3 standard cost of %4 %2/h: %5.")
        .arg(fixed(c.costRate, 2), c.costCurrency, r.jobRoleName, fixed(c.standardCost, 2),
             cheaper ? QStringLiteral("at or below standard") : QStringLiteral("above standard"));
}

QString explainLocation(const StaffingRequest &r, const StaffingCandidate &c)
{
    if (r.locationCountry.isEmpty())
        return QStringLiteral("No location constraint; works in %1.").arg(c.country);
    if (c.country != r.locationCountry)
        return QStringLiteral("Works in %1; the request asks for %2.")
            .arg(c.country, r.locationCountry);
    if (!r.locationCity.isEmpty() && c.city != r.locationCity)
        return QStringLiteral("Works in %1 (%2), the request asks for %3: same country.")
            .arg(c.country, c.city.isEmpty() ? QStringLiteral("no city") : c.city, r.locationCity);
    return QStringLiteral("Works in %1, where the request asks.").arg(c.country);
}

} // namespace

QJsonObject StaffingService::suggestions(const Request &request) const
{
    const qint64 id = request.idParam(QStringLiteral("id"));
    const QStringList grant =
        request.caller().entitiesFor(QString::fromLatin1(Permission::ResourcingUse));
    EntityScope scope;
    scope.all = grant.contains(QStringLiteral("*"));
    scope.entities = grant;
    const auto r = m_store.request(id);
    if (!r || (!scope.all && !grant.contains(r->entity)))
        throw ApiError::notFound(QStringLiteral("No resource request %1.").arg(id));

    int limit = staffing::kDefaultCandidates;
    if (const QString v = request.query.queryItemValue(QStringLiteral("limit")); !v.isEmpty()) {
        bool ok = false;
        limit = v.toInt(&ok);
        if (!ok || limit < 1 || limit > staffing::kMaxCandidates)
            throw ApiError::invalidField(
                QStringLiteral("limit"), QString::fromLatin1(FieldErrorCode::InvalidValue),
                QStringLiteral("a whole number from 1 to %1").arg(staffing::kMaxCandidates));
    }

    QList<StaffingCandidate> all = m_store.candidates(*r, scope);
    const qsizetype considered = all.size();
    // Light ranking: score, then more free hours, then the lower id (stable answers).
    struct Key
    {
        Decimal score, free;
        qint64 id;
    };
    QList<QPair<Key, qsizetype>> keys;
    keys.reserve(all.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        keys.append({Key{dec(all[i].score), dec(all[i].free), all[i].employeeId}, i});
    const qsizetype top = std::min<qsizetype>(limit, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + top, keys.end(),
                      [](const auto &a, const auto &b) {
                          if (a.first.score != b.first.score)
                              return a.first.score > b.first.score;
                          if (a.first.free != b.first.free)
                              return a.first.free > b.first.free;
                          return a.first.id < b.first.id;
                      });

    static const char *const names[kStaffingFactors] = {"skill", "capacity", "utilisation", "cost",
                                                        "location"};
    static const char *const weights[kStaffingFactors] = {
        staffing::kSkillWeight, staffing::kCapacityWeight, staffing::kUtilisationWeight,
        staffing::kCostWeight, staffing::kLocationWeight};

    QJsonArray candidates;
    for (qsizetype k = 0; k < top; ++k) {
        const StaffingCandidate &c = all.at(keys.at(k).second);
        const QString explanations[kStaffingFactors] = {explainSkill(*r, c), explainCapacity(*r, c),
                                                        explainUtilisation(c), explainCost(*r, c),
                                                        explainLocation(*r, c)};
        QJsonArray factors;
        for (int f = 0; f < kStaffingFactors; ++f)
            factors.append(QJsonObject{{"factor", QString::fromLatin1(names[f])},
                                       {"value", fixed(c.values[f], 4)},
                                       {"weight", QString::fromLatin1(weights[f])},
                                       {"points", fixed(c.points[f], 2)},
                                       {"explanation", explanations[f]}});
        candidates.append(
            QJsonObject{{"rank", int(k + 1)},
                        {"employee_id", idToJson(c.employeeId)},
                        {"name", c.name},
                        {"legal_entity", c.entity},
                        {"country", c.country},
                        {"job_role", c.jobRole},
                        {"practice", c.practice.isEmpty() ? QJsonValue() : QJsonValue(c.practice)},
                        {"score", fixed(c.score, 2)},
                        {"available_hours", fixed(c.available, 2)},
                        {"booked_hours", fixed(c.booked, 2)},
                        {"free_hours", fixed(c.free, 2)},
                        {"factors", factors}});
    }

    QJsonArray skills;
    for (const auto &s : r->skills)
        skills.append(QJsonObject{{"skill", s.first}, {"min_level", s.second}});
    QJsonObject weightsJson;
    for (int f = 0; f < kStaffingFactors; ++f)
        weightsJson.insert(QString::fromLatin1(names[f]), QString::fromLatin1(weights[f]));
    return {{"request", QJsonObject{{"id", idToJson(r->id)},
                                    {"legal_entity", r->entity},
                                    {"job_role", r->jobRole},
                                    {"kind", r->kind},
                                    {"status", r->status},
                                    {"start_date", dateToJson(r->start)},
                                    {"end_date", dateToJson(r->end)},
                                    {"hours_per_week", fixed(r->hoursPerWeek, 2)},
                                    {"needed_hours", fixed(r->neededHours, 2)},
                                    {"location_country", r->locationCountry.isEmpty()
                                                             ? QJsonValue()
                                                             : QJsonValue(r->locationCountry)},
                                    {"skills", skills}}},
            {"weights", weightsJson},
            {"considered", int(considered)},
            {"candidates", candidates}};
}

} // namespace keel
