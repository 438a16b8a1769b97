#pragma once

// SQL of staffing suggestions: one set-based query scores every active person in scope against
// a resource request (factors and weights in staffing_weights.h).

#include "capacity_store.h"
#include "db/database.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace keel {

struct StaffingRequest
{
    qint64 id = 0;
    QString entity;
    qint64 entityId = 0;
    qint64 jobRoleId = 0;
    QString jobRole, jobRoleName;
    QString hoursPerWeek;
    QDate start, end;
    QString kind, status;
    QString locationCountry, locationCity;
    QString neededHours;               // hours per week × working days in the range / 5
    QList<QPair<QString, int>> skills; // skill code, minimum level
};

enum StaffingFactor
{
    SkillFactor,
    CapacityFactor,
    UtilisationFactor,
    CostFactor,
    LocationFactor
};
inline constexpr int kStaffingFactors = 5;

struct StaffingCandidate
{
    qint64 employeeId = 0;
    QString name, entity, country, city, jobRole, practice;
    QString available, booked, free, target, utilisation; // hours; utilisation/target in %
    QString skillDetail; // "JAVA 4/3, SQL -/2": level held / minimum asked
    QString costCurrency, costRate, standardCost;
    QString values[kStaffingFactors];
    QString points[kStaffingFactors];
    QString score;
};

class StaffingStore
{
public:
    explicit StaffingStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<StaffingRequest> request(qint64 id) const;
    // Every active person of the scope, scored, unordered.
    QList<StaffingCandidate> candidates(const StaffingRequest &request,
                                        const EntityScope &scope) const;

private:
    DbConfig m_config;
};

} // namespace keel
