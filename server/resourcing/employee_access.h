#pragma once

#include "db/database.h"

#include <QJsonValue>
#include <QStringList>
#include <QVariantList>

namespace keel {

struct Request;

// Who may see and change which people in resourcing, decided once per request:
//  - resource managers see and change everyone in the legal entities of their grant;
//  - executives read everyone in theirs;
//  - project managers read the people assigned to (or requested on) projects they manage, and
//    staff those projects;
//  - everyone reads their own employee record.
struct ResourcingCaller
{
    qint64 userId = 0;
    qint64 employeeId = 0;       // 0 when the caller has no employee record
    QStringList managerEntities; // resource_manager grants: entity codes or {"*"}
    QStringList readEntities;    // resource_manager + executive grants
    QStringList pmEntities;      // project_manager grants

    static ResourcingCaller of(QSqlDatabase db, const Request &request);

    bool isResourceManager() const { return !managerEntities.isEmpty(); }
    bool isProjectManager() const { return !pmEntities.isEmpty(); }
    bool manages(const QString &entity) const { return covers(managerEntities, entity); }
    bool reads(const QString &entity) const { return covers(readEntities, entity); }
    static bool covers(const QStringList &entities, const QString &entity);

    // An SQL condition on employee alias `e` joined with legal_entities alias `le`: the rows
    // this caller may read. Appends its bind values to `binds`.
    QString visibleEmployeesSql(QVariantList &binds) const;
};

// Small shared helpers for the resourcing stores.
namespace resourcing {
QString textArray(const QStringList &items); // PostgreSQL text[] literal
QVariant nullableId(qint64 id);
QVariant nullableText(const QString &text);
QVariant nullableDate(const QDate &date);
QJsonValue optId(const QVariant &v);
QJsonValue optText(const QVariant &v);
QJsonValue optDate(const QVariant &v);
// A numeric amount rounded to the currency's minor unit as a money object; null when NULL.
QJsonValue moneyJson(const QVariant &amount, const QString &currency);
// numeric text → "12.50" (at least `places` decimals); null when NULL.
QJsonValue decimalText(const QVariant &value, int places = 2);
std::optional<qint64> idByCode(QSqlDatabase db, const QString &table, const QString &code);
} // namespace resourcing

} // namespace keel
