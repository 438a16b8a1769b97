#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace keel {

struct ResourceRequestInput
{
    qint64 legalEntityId = 0;
    qint64 projectId = 0;
    qint64 opportunityId = 0;
    qint64 jobRoleId = 0;
    QString hoursPerWeek;
    QDate start, end;
    QString kind;
    QString probability;
    QString locationCountry, locationCity, note;
    QStringList skillNames;
    QList<QPair<qint64, int>> skills; // skill id, min level
    qint64 createdBy = 0;
};

struct ResourceRequestFilter
{
    QString visibleSql; // condition on r (resource_requests), le, p (projects)
    QVariantList visibleBinds;
    QString status, kind, role;
    qint64 projectId = 0, opportunityId = 0;
};

// The facts of a project or opportunity a request or assignment is made for.
struct DemandSource
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString entity;
    QDate start, end;     // project dates (opportunity: expected start, no end)
    qint64 managerId = 0; // project manager / opportunity owner
    QString probability;  // opportunity
    bool open = true;     // opportunity is open / project not closed
    QString status;
};

class ResourceRequestStore
{
public:
    explicit ResourceRequestStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<DemandSource> project(qint64 id) const;
    std::optional<DemandSource> opportunity(qint64 id) const;

    qint64 insert(const ResourceRequestInput &in) const;
    // JSON plus entity code.
    std::optional<QPair<QJsonObject, QString>> request(qint64 id, bool lock = false) const;
    QJsonArray list(const ResourceRequestFilter &filter, qint64 after, int limit) const;
    // Marks the request filled once its assignments cover its hours per week.
    void updateFilled(qint64 id) const;

private:
    DbConfig m_config;
};

} // namespace keel
