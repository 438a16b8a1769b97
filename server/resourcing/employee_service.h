#pragma once

#include "employee_access.h"
#include "employee_store.h"

#include <QJsonObject>

namespace keel {

struct PageRequest;
struct Request;

// Employees (one per user), their cost rate history, skills and certifications, and the skills
// taxonomy. Resource managers change the people of their legal entities; people maintain their
// own skills and certifications; project managers read the people on their projects.
class EmployeeService
{
public:
    explicit EmployeeService(DbConfig config);

    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject me(const Request &request) const;
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject costRates(const Request &request, qint64 id) const;
    QJsonObject addCostRate(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject setSkill(const Request &request, qint64 id, const QString &skill,
                         const QJsonObject &body) const;
    void removeSkill(const Request &request, qint64 id, const QString &skill) const;
    QJsonObject addCertification(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject skills(const Request &request, const PageRequest &page) const;
    QJsonObject createSkill(const Request &request, const QJsonObject &body) const;

    const EmployeeStore &store() const { return m_store; }

private:
    // The employee (404 when the caller may not read it) and its entity code.
    QPair<QJsonObject, QString> readable(const ResourcingCaller &caller, qint64 id) const;
    // The employee for a change by a resource manager of its entity (403 otherwise).
    QPair<QJsonObject, QString> managed(const ResourcingCaller &caller, qint64 id) const;
    QJsonObject detail(const ResourcingCaller &caller, qint64 id) const;
    qint64 skillId(const QString &skill, const QString &field) const;

    EmployeeStore m_store;
};

} // namespace keel
