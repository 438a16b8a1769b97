#include "catalogue_service.h"

#include "catalogue_store.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "sales_store.h"

#include <QJsonArray>

namespace keel {

namespace {
QJsonObject stageById(QSqlDatabase db, qint64 id, bool forUpdate = false)
{
    const auto row = crm::CatalogueStore(db).stage(id, forUpdate);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no stage %1.").arg(id));
    return *row;
}

void checkProbability(JsonReader &in, const QString &field, const Decimal &p)
{
    if (!crm::isPercent2(p, false))
        in.addError(field, FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
}
} // namespace

QSqlDatabase CatalogueService::db() const
{
    return db::connection(m_config);
}

QJsonObject CatalogueService::listStages(const Request &) const
{
    return {{"items", crm::CatalogueStore(db()).listStages(200)}};
}

QJsonObject CatalogueService::createStage(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const qint64 order = in.requiredInt64(QStringLiteral("sort_order"));
    const Decimal p = in.requiredDecimal(QStringLiteral("default_probability"));
    const bool won = in.optionalBool(QStringLiteral("is_won")).value_or(false);
    const bool lost = in.optionalBool(QStringLiteral("is_lost")).value_or(false);
    crm::checkCode(in, code);
    checkProbability(in, QStringLiteral("default_probability"), p);
    if (won && lost)
        in.addError(QStringLiteral("is_lost"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a stage cannot be both won and lost"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const crm::CatalogueStore store(db());
    if (const auto taken = store.stageUsing(code, int(order)))
        throw ApiError::invalidField(
            *taken == code ? QStringLiteral("code") : QStringLiteral("sort_order"),
            QStringLiteral("taken"), QStringLiteral("another stage already uses it"));
    const qint64 id = store.insertStage({code, name.trimmed(), int(order), p, won, lost, true});
    const QJsonObject after = stageById(db(), id);
    crm::audit(db(), request, QStringLiteral("opportunity_stage.create"),
               QStringLiteral("opportunity_stage"), id, {}, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::updateStage(const Request &request, qint64 id,
                                          const QJsonObject &body) const
{
    db::Transaction tx(db());
    const crm::CatalogueStore store(db());
    const QJsonObject before = stageById(db(), id, true);
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const QString name =
        in.optionalString(QStringLiteral("name")).value_or(before.value("name").toString());
    const qint64 order =
        in.optionalInt64(QStringLiteral("sort_order")).value_or(before.value("sort_order").toInt());
    const Decimal p =
        in.optionalDecimal(QStringLiteral("default_probability"))
            .value_or(crm::decimalFromText(before.value("default_probability").toString()));
    const bool active =
        in.optionalBool(QStringLiteral("active")).value_or(before.value("active").toBool());
    checkProbability(in, QStringLiteral("default_probability"), p);
    crm::throwIfInvalid(in);
    if (store.sortOrderTaken(int(order), id))
        throw ApiError::invalidField(QStringLiteral("sort_order"), QStringLiteral("taken"),
                                     QStringLiteral("another stage already uses it"));
    crm::StageFields f;
    f.name = name.trimmed();
    f.sortOrder = int(order);
    f.defaultProbability = p;
    f.active = active;
    store.updateStage(id, f);
    const QJsonObject after = stageById(db(), id);
    crm::audit(db(), request, QStringLiteral("opportunity_stage.update"),
               QStringLiteral("opportunity_stage"), id, before, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::listServiceLines(const Request &) const
{
    return {{"items", crm::CatalogueStore(db()).listServiceLines(500)}};
}

QJsonObject CatalogueService::createServiceLine(const Request &request,
                                                const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString practice = in.optionalString(QStringLiteral("practice")).value_or(QString());
    crm::checkCode(in, code);
    std::optional<qint64> practiceId;
    if (!practice.isEmpty() && !(practiceId = crm::practiceIdByCode(db(), practice)))
        in.addError(QStringLiteral("practice"), "unknown", QStringLiteral("no such practice"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    if (crm::serviceLineIdByCode(db(), code))
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("a service line with this code exists"));
    const qint64 id =
        crm::CatalogueStore(db()).insertServiceLine(code, name.trimmed(), practiceId.value_or(0));
    const QJsonObject after{
        {"id", idToJson(id)},     {"code", code},
        {"name", name.trimmed()}, {"practice", practice.isEmpty() ? QJsonValue() : practice},
        {"active", true},         {"version", 1}};
    crm::audit(db(), request, QStringLiteral("service_line.create"), QStringLiteral("service_line"),
               id, {}, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::listOfferings(const Request &request) const
{
    const QList<qint64> ids = crm::CatalogueStore(db()).offeringIds(
        request.query.queryItemValue(QStringLiteral("service_line")), 200);
    QJsonArray items;
    for (qint64 id : ids)
        items.append(offering(id));
    return {{"items", items}};
}

QJsonObject CatalogueService::offering(qint64 id) const
{
    const auto o = crm::CatalogueStore(db()).offering(id);
    if (!o)
        throw ApiError::notFound(QStringLiteral("There is no offering %1.").arg(id));
    return *o;
}

QJsonObject CatalogueService::createOffering(const Request &request, const QJsonObject &body) const
{
    static const QStringList models{"time_and_materials", "fixed_fee", "milestones", "retainer",
                                    "subscription"};
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString line = in.requiredString(QStringLiteral("service_line"));
    const qint64 weeks = in.requiredInt64(QStringLiteral("typical_duration_weeks"));
    const QString model = in.requiredString(QStringLiteral("billing_model"));
    const QString description =
        in.optionalString(QStringLiteral("description")).value_or(QString());
    const QJsonArray effort = in.optionalArray(QStringLiteral("effort")).value_or(QJsonArray());
    const QJsonArray milestones =
        in.optionalArray(QStringLiteral("milestones")).value_or(QJsonArray());
    crm::checkCode(in, code);
    if (!model.isEmpty() && !models.contains(model))
        in.addError(QStringLiteral("billing_model"), FieldErrorCode::InvalidValue,
                    QStringLiteral("one of: %1").arg(models.join(QStringLiteral(", "))));
    if (in.has(QStringLiteral("typical_duration_weeks")) && (weeks < 1 || weeks > 520))
        in.addError(QStringLiteral("typical_duration_weeks"), FieldErrorCode::InvalidValue,
                    QStringLiteral("1 to 520 weeks"));
    qint64 lineId = 0;
    if (const auto sl = crm::serviceLineIdByCode(db(), line))
        lineId = *sl;
    else if (!line.isEmpty())
        in.addError(QStringLiteral("service_line"), "unknown",
                    QStringLiteral("no such service line"));
    QList<QPair<qint64, Decimal>> effortRows;
    for (int i = 0; i < effort.size(); ++i) {
        JsonReader e = in.child(QStringLiteral("effort/%1").arg(i), effort[i].toObject());
        const QString role = e.requiredString(QStringLiteral("job_role"));
        const Decimal hours = e.requiredDecimal(QStringLiteral("hours"));
        const auto roleId = crm::jobRoleIdByCode(db(), role);
        if (!role.isEmpty() && !roleId)
            e.addError(QStringLiteral("job_role"), "unknown", QStringLiteral("no such job role"));
        if (e.has(QStringLiteral("hours")) && (!hours.isPositive() || hours.mantissa() % 10000))
            e.addError(QStringLiteral("hours"), FieldErrorCode::InvalidValue,
                       QStringLiteral("positive, at most 2 decimals"));
        in.addErrors(e.errors());
        if (roleId)
            effortRows.append({*roleId, hours});
    }
    struct Ms
    {
        QString name;
        Decimal pct;
        qint64 week;
    };
    QList<Ms> msRows;
    Decimal pctSum;
    for (int i = 0; i < milestones.size(); ++i) {
        JsonReader m = in.child(QStringLiteral("milestones/%1").arg(i), milestones[i].toObject());
        Ms ms{m.requiredString(QStringLiteral("name")),
              m.requiredDecimal(QStringLiteral("value_pct")),
              m.requiredInt64(QStringLiteral("week_offset"))};
        if (m.has(QStringLiteral("value_pct")) &&
            (!ms.pct.isPositive() || ms.pct > Decimal::fromInt(100)))
            m.addError(QStringLiteral("value_pct"), FieldErrorCode::InvalidValue,
                       QStringLiteral("more than 0, at most 100"));
        if (m.has(QStringLiteral("week_offset")) && (ms.week < 0 || ms.week > 520))
            m.addError(QStringLiteral("week_offset"), FieldErrorCode::InvalidValue,
                       QStringLiteral("0 to 520"));
        in.addErrors(m.errors());
        pctSum = pctSum.add(ms.pct).valueOr(pctSum);
        msRows.append(ms);
    }
    if (!msRows.isEmpty() && in.ok() && pctSum != Decimal::fromInt(100))
        in.addError(QStringLiteral("milestones"), FieldErrorCode::InvalidValue,
                    QStringLiteral("milestone percentages must add up to 100 (they add up to %1)")
                        .arg(pctSum.toString()));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const crm::CatalogueStore store(db());
    if (store.offeringCodeTaken(code))
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("an offering with this code exists"));
    const qint64 id =
        store.insertOffering({lineId, code, name.trimmed(), description, int(weeks), model});
    for (const auto &e : effortRows)
        store.addOfferingEffort(id, e.first, e.second);
    for (int i = 0; i < msRows.size(); ++i)
        store.insertOfferingMilestone(id, i + 1,
                                      {msRows[i].name, msRows[i].pct, int(msRows[i].week)});
    const QJsonObject after = offering(id);
    crm::audit(db(), request, QStringLiteral("offering.create"), QStringLiteral("offering"), id, {},
               after);
    tx.commit();
    return after;
}

} // namespace keel
