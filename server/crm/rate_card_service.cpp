#include "rate_card_service.h"

#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "permissions.h"
#include "sales_store.h"

#include <QJsonArray>

namespace keel {

namespace {
QString labelOf(RateTable t)
{
    switch (t) {
    case RateTable::RateCard:
        return QStringLiteral("rate card rate");
    case RateTable::ClientOverride:
        return QStringLiteral("client rate");
    case RateTable::JobRoleCost:
        break;
    }
    return QStringLiteral("standard cost rate");
}

QString period(QDate from, const QVariant &to)
{
    return QStringLiteral("%1 to %2")
        .arg(formatDate(from), to.isNull() ? QStringLiteral("open end") : formatDate(to.toDate()));
}
} // namespace

QJsonObject RateInput::toJson(qint64 id) const
{
    QJsonObject o{{"id", idToJson(id)},
                  {"currency", currency},
                  {"job_role", jobRole},
                  {rateField, rate.toString(2)},
                  {"valid_from", dateToJson(validFrom)},
                  {"valid_to", dateToJson(validTo)},
                  {"version", 1}};
    if (rateField == QLatin1String("hourly_rate") && ownerCode.toLongLong() > 0 &&
        ownerCode == QString::number(ownerId))
        o.insert("account", idToJson(ownerId));
    else
        o.insert("legal_entity", ownerCode);
    return o;
}

crm::RateValues RateInput::values() const
{
    return {ownerId, currency, jobRoleId, rate, validFrom, validTo};
}

RateInput readRateInput(QSqlDatabase db, const QJsonObject &body, const QString &rateField,
                        bool forAccount)
{
    JsonReader in(body);
    RateInput r;
    r.rateField = rateField;
    if (forAccount) {
        r.ownerId = in.requiredInt64(QStringLiteral("account"));
        r.ownerCode = QString::number(r.ownerId);
    } else {
        r.ownerCode = in.requiredString(QStringLiteral("legal_entity"));
    }
    r.currency = crm::readCurrency(in, QStringLiteral("currency"));
    r.jobRole = in.requiredString(QStringLiteral("job_role"));
    r.rate = in.requiredDecimal(rateField);
    r.validFrom = in.requiredDate(QStringLiteral("valid_from"));
    r.validTo = in.optionalDate(QStringLiteral("valid_to")).value_or(QDate());
    if (in.ok()) {
        if (forAccount) {
            if (!crm::accountExists(db, r.ownerId))
                in.addError(QStringLiteral("account"), "unknown",
                            QStringLiteral("no such account"));
        } else if (const auto id = crm::entityIdByCode(db, r.ownerCode)) {
            r.ownerId = *id;
        } else {
            in.addError(QStringLiteral("legal_entity"), "unknown",
                        QStringLiteral("no legal entity has this code"));
        }
        if (const auto id = crm::jobRoleIdByCode(db, r.jobRole))
            r.jobRoleId = *id;
        else
            in.addError(QStringLiteral("job_role"), "unknown",
                        QStringLiteral("no job role has this code"));
        if (r.rate.isNegative())
            in.addError(rateField, FieldErrorCode::InvalidValue,
                        QStringLiteral("cannot be negative"));
        if (r.validTo.isValid() && r.validTo < r.validFrom)
            in.addError(QStringLiteral("valid_to"), FieldErrorCode::InvalidValue,
                        QStringLiteral("before valid_from"));
    }
    crm::throwIfInvalid(in);
    return r;
}

qint64 insertEffectiveRate(QSqlDatabase db, RateTable table, const RateInput &in)
{
    const crm::RateCardStore store(db);
    if (const auto id = store.insertRate(table, in.values()))
        return *id;
    // Exclusion violation: name the rate it collides with.
    const QString label = labelOf(table);
    QString message = QStringLiteral("overlaps another %1 of the same validity key").arg(label);
    if (const auto c = store.overlappingRate(table, in.values()))
        message = QStringLiteral("overlaps %1 %2 (%3 %4 %5 %6, valid %7)")
                      .arg(label, c->id, in.jobRole, in.ownerCode, in.currency, c->rate.toString(2),
                           period(c->validFrom, c->validTo));
    throw ApiError::invalid(
        {{QStringLiteral("valid_from"), QStringLiteral("overlap"), message}},
        QStringLiteral("The validity %1 %2.")
            .arg(period(in.validFrom, in.validTo.isValid() ? QVariant(in.validTo) : QVariant()),
                 message));
}

QSqlDatabase RateCardService::db() const
{
    return db::connection(m_config);
}

namespace {
QJsonObject rateById(QSqlDatabase db, qint64 id, bool forUpdate = false)
{
    const auto row = crm::RateCardStore(db).rate(id, forUpdate);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no rate card rate %1.").arg(id));
    return *row;
}
} // namespace

QJsonObject RateCardService::list(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    crm::RateFilter filter;
    filter.after = request.query.queryItemValue(QStringLiteral("after")).toLongLong();
    filter.legalEntity = request.query.queryItemValue(QStringLiteral("legal_entity"));
    filter.currency = request.query.queryItemValue(QStringLiteral("currency"));
    filter.jobRole = request.query.queryItemValue(QStringLiteral("job_role"));
    const QString on = request.query.queryItemValue(QStringLiteral("on"));
    if (!on.isEmpty()) {
        const auto day = parseDate(on);
        if (!day)
            throw ApiError::invalidField(QStringLiteral("on"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a date YYYY-MM-DD"));
        filter.on = *day;
    }
    filter.entities = entities;
    const QJsonArray items = crm::RateCardStore(db()).listRates(filter, 500);
    QJsonObject page{{"items", items}};
    if (items.size() == 500)
        page.insert("next_after", items.last().toObject().value("id"));
    return page;
}

QJsonObject RateCardService::create(const Request &request, const QJsonObject &body) const
{
    const RateInput in = readRateInput(db(), body, QStringLiteral("hourly_rate"), false);
    crm::requireEntity(request, Permission::RateCardsManage, in.ownerCode);
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::RateCard, in);
    crm::RateCardStore(db()).setCreatedBy(id, request.caller().user.id);
    const QJsonObject after = rateById(db(), id);
    crm::audit(db(), request, QStringLiteral("rate_card_rate.create"),
               QStringLiteral("rate_card_rate"), id, {}, after);
    tx.commit();
    return after;
}

QJsonObject RateCardService::update(const Request &request, qint64 id,
                                    const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QJsonObject before = rateById(db(), id, true);
    crm::requireEntity(request, Permission::RateCardsManage,
                       before.value("legal_entity").toString());
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const Decimal rate =
        in.optionalDecimal(QStringLiteral("hourly_rate"))
            .value_or(crm::decimalFromText(before.value("hourly_rate").toString()));
    const QDate from = in.optionalDate(QStringLiteral("valid_from"))
                           .value_or(parseDate(before.value("valid_from").toString()).value());
    QDate to;
    if (body.contains(QStringLiteral("valid_to")))
        to = in.optionalDate(QStringLiteral("valid_to")).value_or(QDate());
    else if (!before.value("valid_to").isNull())
        to = parseDate(before.value("valid_to").toString()).value();
    if (rate.isNegative())
        in.addError(QStringLiteral("hourly_rate"), FieldErrorCode::InvalidValue,
                    QStringLiteral("cannot be negative"));
    if (to.isValid() && to < from)
        in.addError(QStringLiteral("valid_to"), FieldErrorCode::InvalidValue,
                    QStringLiteral("before valid_from"));
    crm::throwIfInvalid(in);
    // Re-insert under the same key check: delete + insert would lose the id, so update in a
    // savepoint and translate an exclusion violation the same way.
    RateInput r;
    r.ownerCode = before.value("legal_entity").toString();
    r.ownerId = crm::entityIdByCode(db(), r.ownerCode).value_or(0);
    r.currency = before.value("currency").toString();
    r.jobRole = before.value("job_role").toString();
    r.jobRoleId = crm::jobRoleIdByCode(db(), r.jobRole).value_or(0);
    r.rate = rate;
    r.rateField = QStringLiteral("hourly_rate");
    r.validFrom = from;
    r.validTo = to;
    const crm::RateCardStore store(db());
    if (!store.updateRate(id, rate, from, to)) {
        // Temporarily out of the way, then the insert path names the conflict.
        store.deleteRate(id);
        insertEffectiveRate(db(), RateTable::RateCard, r); // throws the 422
    }
    const QJsonObject after = rateById(db(), id);
    crm::audit(db(), request, QStringLiteral("rate_card_rate.update"),
               QStringLiteral("rate_card_rate"), id, before, after);
    tx.commit();
    return after;
}

QJsonObject RateCardService::listOverrides(const Request &request) const
{
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    crm::RateFilter filter;
    filter.after = request.query.queryItemValue(QStringLiteral("after")).toLongLong();
    const QString account = request.query.queryItemValue(QStringLiteral("account"));
    if (!account.isEmpty())
        filter.accountId = account.toLongLong();
    filter.currency = request.query.queryItemValue(QStringLiteral("currency"));
    filter.entities = entities;
    return {{"items", crm::RateCardStore(db()).listOverrides(filter, 500)}};
}

QJsonObject RateCardService::createOverride(const Request &request, const QJsonObject &body) const
{
    const RateInput in = readRateInput(db(), body, QStringLiteral("hourly_rate"), true);
    crm::requireEntity(request, Permission::RateCardsManage,
                       crm::accountEntityCode(db(), in.ownerId));
    db::Transaction tx(db());
    const qint64 id = insertEffectiveRate(db(), RateTable::ClientOverride, in);
    const QJsonObject after = in.toJson(id);
    crm::audit(db(), request, QStringLiteral("client_rate.create"),
               QStringLiteral("client_rate_override"), id, {}, after);
    tx.commit();
    return after;
}

} // namespace keel
