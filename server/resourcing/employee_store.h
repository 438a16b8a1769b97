#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace keel {

struct EmployeeFilter
{
    QString visibleSql; // ResourcingCaller::visibleEmployeesSql
    QVariantList visibleBinds;
    QString practice, role, country, skill, legalEntity, q;
    qint64 managerId = 0;
    int minSkillLevel = 1;
};

// Column values of an employee row to insert or change; unset optionals stay as they are.
struct EmployeeFields
{
    std::optional<QString> country, city, grade, practice, jobRole, billRate, billRateCurrency,
        weeklyCapacity, utilisationTarget;
    std::optional<qint64> managerId; // 0 = none
    std::optional<bool> active;
};

// SQL of employees, their cost rates, skills and certifications, and the skills taxonomy.
class EmployeeStore
{
public:
    explicit EmployeeStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // The employee as JSON plus its legal entity code.
    std::optional<QPair<QJsonObject, QString>> employee(qint64 id, bool lock = false) const;
    std::optional<qint64> employeeOfUser(qint64 userId) const;
    QJsonArray list(const EmployeeFilter &filter, qint64 after, int limit) const;
    // The user's legal entity id/code, country and practice code; nullopt when no such user.
    struct UserHome
    {
        qint64 entityId = 0;
        QString entity, country, practice;
    };
    std::optional<UserHome> userHome(qint64 userId) const;
    qint64 insert(qint64 userId, qint64 entityId, const EmployeeFields &f) const;
    void update(qint64 id, const EmployeeFields &f) const;

    QJsonArray costRates(qint64 employeeId) const;
    // Throws ApiError 422 (valid_from: overlap) naming the rate it collides with.
    qint64 insertCostRate(qint64 employeeId, const QString &currency, const QString &hourlyCost,
                          QDate from, QDate to) const;

    QJsonArray skillsOf(qint64 employeeId) const;
    void setSkill(qint64 employeeId, qint64 skillId, int level) const;
    bool removeSkill(qint64 employeeId, qint64 skillId) const;

    QJsonArray certifications(qint64 employeeId) const;
    qint64 insertCertification(qint64 employeeId, const QString &name, const QString &issuer,
                               qint64 skillId, QDate issued, QDate expires) const;

    // Taxonomy.
    QJsonArray skills(const QString &category, qint64 after, int limit) const;
    std::optional<QJsonObject> skill(qint64 id) const;
    qint64 insertSkill(const QString &code, const QString &name, const QString &category) const;
    // code (or name, case-insensitive) → id, for the codes found.
    QMap<QString, qint64> skillIds(const QStringList &codes) const;

private:
    DbConfig m_config;
};

} // namespace keel
