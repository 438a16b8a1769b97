#include "opportunity_service.h"

#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "opportunity_store.h"
#include "permissions.h"
#include "sales_store.h"

#include <QJsonArray>

namespace keel {

namespace {

// Reads an opportunity draft from JSON (the same shape GET returns).
OpportunityDraft readDraft(JsonReader &in)
{
    OpportunityDraft d;
    d.accountId = in.requiredInt64(QStringLiteral("account"));
    d.legalEntity = in.requiredString(QStringLiteral("legal_entity"));
    d.name = in.requiredString(QStringLiteral("name"));
    d.ownerId = in.optionalInt64(QStringLiteral("owner")).value_or(0);
    d.practice = in.optionalString(QStringLiteral("practice")).value_or(QString());
    d.offeringId = in.optionalInt64(QStringLiteral("offering")).value_or(0);
    for (const QJsonValue &v :
         in.optionalArray(QStringLiteral("service_lines")).value_or(QJsonArray()))
        d.serviceLines.append(v.toString());
    d.stage = in.optionalString(QStringLiteral("stage")).value_or(QString());
    d.probability = in.optionalDecimal(QStringLiteral("probability"));
    d.expectedValue = in.optionalMoney(QStringLiteral("expected_value"));
    d.expectedClose = in.optionalDate(QStringLiteral("expected_close")).value_or(QDate());
    d.expectedStart = in.optionalDate(QStringLiteral("expected_start")).value_or(QDate());
    const QJsonArray effort = in.optionalArray(QStringLiteral("effort")).value_or(QJsonArray());
    for (int i = 0; i < effort.size(); ++i) {
        JsonReader e = in.child(QStringLiteral("effort/%1").arg(i), effort[i].toObject());
        RoleEffort r{e.requiredString(QStringLiteral("job_role")),
                     e.requiredDecimal(QStringLiteral("hours"))};
        in.addErrors(e.errors());
        d.effort.append(r);
    }
    for (const QJsonValue &v :
         in.optionalArray(QStringLiteral("required_skills")).value_or(QJsonArray()))
        d.requiredSkills.append(v.toString().trimmed());
    d.targetMarginPct = in.optionalDecimal(QStringLiteral("target_margin_pct"));
    d.competitor = in.optionalString(QStringLiteral("competitor")).value_or(QString());
    d.description = in.optionalString(QStringLiteral("description")).value_or(QString());
    return d;
}

struct Resolved
{
    qint64 entityId = 0;
    qint64 ownerId = 0;
    qint64 practiceId = 0;
    QList<qint64> serviceLineIds;
    QList<QPair<qint64, Decimal>> effort;
    Money value;
};

// Validates everything except the stage; throws 422 / 403.
Resolved resolve(QSqlDatabase db, const Request &request, const OpportunityDraft &d, JsonReader &in)
{
    Resolved r;
    if (d.name.trimmed().size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    if (d.accountId > 0) {
        const auto mergedInto = crm::OpportunityStore(db).accountMergedInto(d.accountId);
        if (!mergedInto)
            in.addError(QStringLiteral("account"), "unknown", QStringLiteral("no such account"));
        else if (*mergedInto != 0)
            in.addError(QStringLiteral("account"), "merged",
                        QStringLiteral("the account was merged into %1").arg(*mergedInto));
    }
    if (!d.legalEntity.isEmpty()) {
        if (const auto id = crm::entityIdByCode(db, d.legalEntity))
            r.entityId = *id;
        else
            in.addError(QStringLiteral("legal_entity"), "unknown",
                        QStringLiteral("no legal entity has this code"));
    }
    r.ownerId = d.ownerId > 0 ? d.ownerId : request.caller().user.id;
    if (d.ownerId > 0 && !crm::userExists(db, d.ownerId))
        in.addError(QStringLiteral("owner"), "unknown", QStringLiteral("no such user"));
    if (!d.practice.isEmpty()) {
        if (const auto id = crm::practiceIdByCode(db, d.practice))
            r.practiceId = *id;
        else
            in.addError(QStringLiteral("practice"), "unknown", QStringLiteral("no such practice"));
    }
    if (d.offeringId > 0 && !crm::offeringExists(db, d.offeringId))
        in.addError(QStringLiteral("offering"), "unknown", QStringLiteral("no such offering"));
    for (int i = 0; i < d.serviceLines.size(); ++i) {
        if (const auto line = crm::serviceLineIdByCode(db, d.serviceLines[i]))
            r.serviceLineIds.append(*line);
        else
            in.addError(QStringLiteral("service_lines/%1").arg(i), "unknown",
                        QStringLiteral("no such service line"));
    }
    QSet<qint64> seenRoles;
    for (int i = 0; i < d.effort.size(); ++i) {
        const auto id = crm::jobRoleIdByCode(db, d.effort[i].jobRole);
        if (!id && !d.effort[i].jobRole.isEmpty())
            in.addError(QStringLiteral("effort/%1/job_role").arg(i), "unknown",
                        QStringLiteral("no such job role"));
        else if (id && seenRoles.contains(*id))
            in.addError(QStringLiteral("effort/%1/job_role").arg(i), "duplicate",
                        QStringLiteral("this job role is listed twice"));
        if (d.effort[i].hours.isNegative() || d.effort[i].hours.mantissa() % 10000 != 0 ||
            d.effort[i].hours > Decimal::fromInt(10'000'000))
            in.addError(QStringLiteral("effort/%1/hours").arg(i), FieldErrorCode::InvalidValue,
                        QStringLiteral("0 or more, at most 2 decimals"));
        if (id) {
            seenRoles.insert(*id);
            r.effort.append({*id, d.effort[i].hours});
        }
    }
    if (d.effort.isEmpty() && d.offeringId > 0)
        r.effort = crm::OpportunityStore(db).offeringEffort(d.offeringId);
    if (d.probability && !crm::isPercent2(*d.probability, false))
        in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
    if (d.targetMarginPct && !crm::isPercent2(*d.targetMarginPct, true))
        in.addError(QStringLiteral("target_margin_pct"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from -100 to 100 with at most 2 decimals"));
    if (d.expectedValue) {
        r.value = *d.expectedValue;
        if (r.value.isNegative())
            in.addError(QStringLiteral("expected_value"), FieldErrorCode::InvalidValue,
                        QStringLiteral("cannot be negative"));
    } else {
        in.addError(QStringLiteral("expected_value"), FieldErrorCode::Required,
                    QStringLiteral("amount and currency are needed"));
    }
    if (d.expectedClose.isValid() && d.expectedStart.isValid() &&
        d.expectedStart < d.expectedClose.addYears(-5))
        in.addError(QStringLiteral("expected_start"), FieldErrorCode::InvalidValue,
                    QStringLiteral("implausibly early"));
    if (d.competitor.size() > 200)
        in.addError(QStringLiteral("competitor"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    crm::throwIfInvalid(in);
    crm::requireEntity(request, Permission::SalesUse, d.legalEntity);
    return r;
}

crm::OpportunityFields fieldsOf(const OpportunityDraft &d, const Resolved &r,
                                const Decimal &probability)
{
    crm::OpportunityFields f;
    f.entityId = r.entityId;
    f.accountId = d.accountId;
    f.ownerId = r.ownerId;
    f.practiceId = r.practiceId;
    f.offeringId = d.offeringId;
    f.name = d.name.trimmed();
    f.description = d.description;
    f.probability = probability;
    f.value = r.value;
    f.expectedClose = d.expectedClose;
    f.expectedStart = d.expectedStart;
    f.requiredSkills = d.requiredSkills;
    f.targetMarginPct = d.targetMarginPct;
    f.competitor = d.competitor;
    return f;
}

QJsonObject loadOpportunity(QSqlDatabase db, const Request &request, qint64 id, bool forUpdate)
{
    const auto o = crm::OpportunityStore(db).opportunity(id, forUpdate);
    if (!o || !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse),
                                 o->value("legal_entity").toString()))
        throw ApiError::notFound(QStringLiteral("There is no opportunity %1.").arg(id));
    return *o;
}

// --- list / board filters -------------------------------------------------------------------

crm::OpportunityFilter filterFrom(const Request &request)
{
    crm::OpportunityFilter f;
    const auto param = [&](const char *name) {
        return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded)
            .trimmed();
    };
    f.entities = crm::entitiesFor(request, Permission::SalesUse);
    const auto idParam = [&](const char *name) -> std::optional<qint64> {
        const QString v = param(name);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (!ok || id <= 0)
            throw ApiError::invalidField(QString::fromLatin1(name), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a record id"));
        return id;
    };
    f.ownerId = idParam("owner");
    f.accountId = idParam("account");
    f.practice = param("practice");
    f.stages = param("stage");
    f.entity = param("entity");
    for (const char *name : {"close_from", "close_to"}) {
        const QString v = param(name);
        if (v.isEmpty())
            continue;
        const auto day = parseDate(v);
        if (!day)
            throw ApiError::invalidField(QString::fromLatin1(name), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a date YYYY-MM-DD"));
        (qstrcmp(name, "close_from") == 0 ? f.closeFrom : f.closeTo) = *day;
    }
    f.text = param("q");
    const QString open = param("open_only");
    f.openOnly = open == QLatin1String("true") || open == QLatin1String("1");
    return f;
}

crm::OpportunitySort sortOf(const QString &sort)
{
    if (sort.isEmpty() || sort == QLatin1String("expected_close"))
        return crm::OpportunitySort::ExpectedClose;
    if (sort == QLatin1String("value"))
        return crm::OpportunitySort::Value;
    if (sort == QLatin1String("probability"))
        return crm::OpportunitySort::Probability;
    if (sort == QLatin1String("updated"))
        return crm::OpportunitySort::Updated;
    throw ApiError::invalidField(
        QStringLiteral("sort"), FieldErrorCode::InvalidValue,
        QStringLiteral("one of: expected_close, value, probability, updated"));
}

} // namespace

OpportunityService::OpportunityService(DbConfig config) : m_config(std::move(config)) {}

QSqlDatabase OpportunityService::db() const
{
    return db::connection(m_config);
}

qint64 OpportunityService::createInTransaction(QSqlDatabase db, const Request &request,
                                               const OpportunityDraft &d)
{
    JsonReader in{QJsonObject()};
    if (d.accountId <= 0)
        in.addError(QStringLiteral("account"), FieldErrorCode::Required,
                    QStringLiteral("required"));
    if (d.legalEntity.isEmpty())
        in.addError(QStringLiteral("legal_entity"), FieldErrorCode::Required,
                    QStringLiteral("required"));
    if (d.name.trimmed().isEmpty())
        in.addError(QStringLiteral("name"), FieldErrorCode::Required, QStringLiteral("required"));
    const crm::OpportunityStore store(db);
    const std::optional<crm::StageInfo> stage =
        d.stage.isEmpty() ? store.firstOpenStage() : store.activeStage(d.stage);
    if (!stage)
        in.addError(QStringLiteral("stage"), "unknown",
                    QStringLiteral("no active stage has the code %1").arg(d.stage));
    else if (stage->lost)
        in.addError(QStringLiteral("stage"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a new opportunity cannot start lost"));
    const Resolved r = resolve(db, request, d, in);
    const Decimal probability = d.probability.value_or(stage->defaultProbability);
    const qint64 id = store.insert(fieldsOf(d, r, probability), *stage, request.caller().user.id);
    store.replaceChildren(id, r.serviceLineIds, r.effort);
    store.insertHistory(id, 0, stage->id, probability, {}, request.caller().user.id);
    crm::audit(db, request, QStringLiteral("opportunity.create"), QStringLiteral("opportunity"), id,
               {}, loadOpportunity(db, request, id, false));
    return id;
}

QJsonObject OpportunityService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const OpportunityDraft d = readDraft(in);
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const qint64 id = createInTransaction(db(), request, d);
    const QJsonObject out = loadOpportunity(db(), request, id, false);
    tx.commit();
    return out;
}

QJsonObject OpportunityService::get(const Request &request, qint64 id) const
{
    return loadOpportunity(db(), request, id, false);
}

QJsonObject OpportunityService::update(const Request &request, qint64 id,
                                       const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QJsonObject before = loadOpportunity(db(), request, id, true);
    requireVersion(request, body, before.value("version").toInt());
    if (body.contains(QStringLiteral("stage")) &&
        body.value(QStringLiteral("stage")).toString() != before.value("stage").toString())
        throw ApiError::invalidField(QStringLiteral("stage"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("change the stage with POST .../stage"));
    QJsonObject merged = before;
    for (auto it = body.begin(); it != body.end(); ++it)
        merged.insert(it.key(), it.value());
    JsonReader in(merged);
    OpportunityDraft d = readDraft(in);
    crm::throwIfInvalid(in);
    const Resolved r = resolve(db(), request, d, in);
    const crm::OpportunityStore store(db());
    store.update(id, fieldsOf(d, r, d.probability.value_or(Decimal())));
    store.replaceChildren(id, r.serviceLineIds, r.effort);
    const QJsonObject after = loadOpportunity(db(), request, id, false);
    crm::audit(db(), request, QStringLiteral("opportunity.update"), QStringLiteral("opportunity"),
               id, before, after);
    tx.commit();
    return after;
}

QJsonObject OpportunityService::changeStage(const Request &request, qint64 id,
                                            const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("stage"));
    const QString lossReason =
        in.optionalString(QStringLiteral("loss_reason")).value_or(QString()).trimmed();
    const auto probability = in.optionalDecimal(QStringLiteral("probability"));
    if (probability && !crm::isPercent2(*probability, false))
        in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const QJsonObject before = loadOpportunity(db(), request, id, true);
    requireVersion(request, body, before.value("version").toInt());
    const crm::OpportunityStore store(db());
    const auto stage = store.activeStage(code);
    if (!stage)
        throw ApiError::invalidField(QStringLiteral("stage"), QStringLiteral("unknown"),
                                     QStringLiteral("no active stage has the code %1").arg(code));
    if (stage->lost && lossReason.isEmpty())
        throw ApiError::invalidField(QStringLiteral("loss_reason"), FieldErrorCode::Required,
                                     QStringLiteral("say why the opportunity was lost"));
    if (lossReason.size() > 2000)
        throw ApiError::invalidField(QStringLiteral("loss_reason"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("at most 2000 characters"));
    const Decimal p = probability.value_or(stage->defaultProbability);
    const qint64 fromStage = store.stageOf(id);
    const QString reason = stage->lost ? lossReason : QString();
    store.setStage(id, *stage, p, reason);
    store.insertHistory(id, fromStage, stage->id, p, reason, request.caller().user.id);
    const QJsonObject after = loadOpportunity(db(), request, id, false);
    crm::audit(db(), request, QStringLiteral("opportunity.stage"), QStringLiteral("opportunity"),
               id, {{"stage", before.value("stage")}, {"probability", before.value("probability")}},
               {{"stage", after.value("stage")},
                {"probability", after.value("probability")},
                {"loss_reason", after.value("loss_reason")}});
    tx.commit();
    return after;
}

QJsonObject OpportunityService::history(const Request &request, qint64 id) const
{
    loadOpportunity(db(), request, id, false); // 404 outside scope
    return {{"items", crm::OpportunityStore(db()).history(id, 500)}};
}

QJsonObject OpportunityService::list(const Request &request) const
{
    int limit = 50;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                         QStringLiteral("a number from 1 to 500"));
    }
    const crm::OpportunitySort sort = sortOf(request.query.queryItemValue(QStringLiteral("sort")));
    const QString dir = request.query.queryItemValue(QStringLiteral("dir"));
    if (!dir.isEmpty() && dir != QLatin1String("asc") && dir != QLatin1String("desc"))
        throw ApiError::invalidField(QStringLiteral("dir"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("asc or desc"));
    const bool desc = dir == QLatin1String("desc");
    const crm::OpportunityFilter f = filterFrom(request);
    std::optional<QString> afterKey;
    qint64 afterId = 0;
    const QString after = request.query.queryItemValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        // The cursor is base64url("<sort key as text>\x1f<id>") of the last row seen.
        const QByteArray raw =
            QByteArray::fromBase64(after.toLatin1(), QByteArray::Base64UrlEncoding);
        const int sep = raw.lastIndexOf('\x1f');
        bool ok = sep > 0;
        afterId = ok ? raw.mid(sep + 1).toLongLong(&ok) : 0;
        if (!ok)
            throw ApiError::invalidField(QStringLiteral("after"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a cursor from next_after"));
        afterKey = QString::fromUtf8(raw.left(sep));
    }
    crm::OpportunityPage rows;
    try {
        rows = crm::OpportunityStore(db()).list(f, sort, desc, afterKey, afterId, limit);
    } catch (const DbError &e) {
        if (e.sqlState().startsWith(QLatin1String("22"))) // bad cursor text for the key type
            throw ApiError::invalidField(
                QStringLiteral("after"), FieldErrorCode::InvalidValue,
                QStringLiteral("a cursor from next_after with the same sort"));
        throw;
    }
    QJsonObject page{{"items", rows.items}};
    if (rows.items.size() == limit)
        page.insert(
            "next_after",
            QString::fromLatin1(
                (rows.lastKey.toUtf8() + '\x1f' + QByteArray::number(rows.lastId))
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    return page;
}

QJsonObject OpportunityService::board(const Request &request) const
{
    const crm::OpportunityStore store(db());
    // Per stage and currency: count, value, and Σ value × probability (rounded once, below).
    const QList<crm::BoardTotal> rows = store.boardTotals(filterFrom(request));
    QHash<qint64, QList<QJsonObject>> totals;
    QHash<qint64, int> counts;
    for (const crm::BoardTotal &row : rows) {
        const qint64 stage = row.stageId;
        const QString currency = row.currency;
        const Money value = crm::moneyFromText(row.value, currency);
        // value (≤ 3 places) × probability (2 places) / 100: exact in Decimal, rounded once.
        const Decimal product = crm::decimalFromText(row.valueTimesPct);
        const Decimal weightedExact = product.divide(Decimal::fromInt(100)).valueOr(Decimal());
        const auto c = Currency::fromCode(currency);
        const Money weighted = c ? Money::fromDecimal(weightedExact, *c).valueOr(Money()) : Money();
        counts[stage] += row.count;
        totals[stage].append(QJsonObject{{"currency", currency},
                                         {"count", row.count},
                                         {"value", moneyToJson(value)},
                                         {"weighted_value", moneyToJson(weighted)}});
    }
    QJsonArray stages;
    for (const QJsonObject &s : store.activeStages()) {
        const qint64 id = s.value("id").toString().toLongLong();
        QJsonArray t;
        for (const QJsonObject &o : totals.value(id))
            t.append(o);
        stages.append(QJsonObject{{"stage", s.value("stage")},
                                  {"name", s.value("name")},
                                  {"default_probability", s.value("default_probability")},
                                  {"is_won", s.value("is_won")},
                                  {"is_lost", s.value("is_lost")},
                                  {"count", counts.value(id)},
                                  {"totals", t}});
    }
    return {{"stages", stages}};
}

} // namespace keel
