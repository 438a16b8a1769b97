#include "revenue_snapshot_routes.h"

#include "db/database.h"
#include "forecast_snapshot.h"
#include "http/router.h"
#include "permissions.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace keel {

namespace {

qint64 entityOf(const QJsonObject &body)
{
    const QJsonValue v = body.value(QStringLiteral("legal_entity_id"));
    bool ok = v.isDouble();
    const qint64 id = v.isString() ? v.toString().toLongLong(&ok) : v.toInteger(0);
    if (!ok || id <= 0)
        throw ApiError::invalidField(QStringLiteral("legal_entity_id"),
                                     QStringLiteral("invalid_id"),
                                     QStringLiteral("legal_entity_id is an entity id."));
    return id;
}

QDate monthOf(const QJsonObject &body)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(body.value(QStringLiteral("month")).toString());
    const QDate month =
        match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!month.isValid())
        throw ApiError::invalidField(QStringLiteral("month"), QStringLiteral("invalid_month"),
                                     QStringLiteral("A month is YYYY-MM, e.g. 2026-03."));
    const QDate today = QDate::currentDate();
    if (month > QDate(today.year(), today.month(), 1))
        throw ApiError::invalidField(QStringLiteral("month"), QStringLiteral("future_month"),
                                     QStringLiteral("A month's snapshot is taken once it began."));
    return month;
}

QJsonObject takeSnapshot(const DbConfig &config, const Request &request)
{
    const QJsonObject body = request.jsonObject();
    const qint64 entityId = entityOf(body);
    const QDate month = monthOf(body);
    QSqlDatabase db = db::connection(config);
    QSqlQuery q =
        db::query(db, QStringLiteral("SELECT code FROM legal_entities WHERE id = ?"), {entityId});
    if (!q.next())
        throw ApiError::invalidField(QStringLiteral("legal_entity_id"), QStringLiteral("not_found"),
                                     QStringLiteral("There is no entity %1.").arg(entityId));
    const QStringList granted =
        request.caller().entitiesFor(QString::fromLatin1(Permission::RevenueManage));
    if (!granted.contains(QStringLiteral("*")) && !granted.contains(q.value(0).toString()))
        throw ApiError::forbidden(
            QStringLiteral("You do not manage revenue of entity %1.").arg(entityId));
    const bool existed = revenueForecastSnapshotTaken(db, entityId, month);
    const int rows = takeRevenueForecastSnapshot(db, entityId, month);
    QSqlQuery t = db::query(db,
                            QStringLiteral("SELECT row_count, to_char(taken_at AT TIME ZONE "
                                           "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM "
                                           "revenue_forecast_snapshot_takes WHERE "
                                           "legal_entity_id = ? AND snapshot_month = ?"),
                            {entityId, month});
    t.next();
    return {{"legal_entity_id", QString::number(entityId)},
            {"month", month.toString(QStringLiteral("yyyy-MM"))},
            {"taken", !existed},
            {"rows_written", rows},
            {"row_count", t.value(0).toInt()},
            {"taken_at", t.value(1).toString()}};
}

} // namespace

void registerForecastSnapshotRoutes(Router &router, const DbConfig &database)
{
    router.add({"POST", QStringLiteral("/api/v1/analytics/forecast-snapshots"),
                Permission::RevenueManage, Scope::LegalEntity,
                "Take an entity's revenue forecast snapshot of a month {legal_entity_id, month: "
                "YYYY-MM} (idempotent: an existing one is kept)",
                [database](Request &r) { return Reply::json(takeSnapshot(database, r)); }});
}

} // namespace keel
