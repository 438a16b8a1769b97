#include "employee_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

std::optional<QString> decimalInRange(JsonReader &in, const QString &name, int max)
{
    const auto d = in.optionalDecimal(name);
    if (!d)
        return std::nullopt;
    if (d->isNegative() || *d > Decimal::fromInt(max) || d->rounded(2) != *d) {
        in.addError(name, FieldErrorCode::InvalidValue,
                    QStringLiteral("between 0 and %1, at most 2 decimals").arg(max));
        return std::nullopt;
    }
    return d->toString(2);
}

// Reads the changeable employee fields present in `body`.
EmployeeFields readFields(QSqlDatabase db, JsonReader &in)
{
    EmployeeFields f;
    static const QRegularExpression country(QStringLiteral("^[A-Z]{2}$"));
    if (const auto c = in.optionalString(QStringLiteral("country"))) {
        if (!country.match(*c).hasMatch())
            in.addError(QStringLiteral("country"), FieldErrorCode::InvalidValue,
                        QStringLiteral("an ISO 3166 country code such as GB"));
        f.country = *c;
    }
    if (in.has(QStringLiteral("city")) || in.object().contains(QStringLiteral("city")))
        f.city = in.optionalString(QStringLiteral("city")).value_or(QString());
    if (f.city && f.city->isEmpty())
        f.city = QString(); // null
    if (in.object().contains(QStringLiteral("grade"))) {
        f.grade = in.optionalString(QStringLiteral("grade")).value_or(QString());
        if (f.grade->size() > 20)
            in.addError(QStringLiteral("grade"), FieldErrorCode::InvalidValue,
                        QStringLiteral("at most 20 characters"));
        if (f.grade->isEmpty())
            f.grade = QString();
    }
    if (const auto p = in.optionalString(QStringLiteral("practice"))) {
        if (!idByCode(db, QStringLiteral("practices"), *p))
            in.addError(QStringLiteral("practice"), FieldErrorCode::InvalidValue,
                        QStringLiteral("no practice %1").arg(*p));
        f.practice = *p;
    }
    if (const auto r = in.optionalString(QStringLiteral("job_role"))) {
        if (!idByCode(db, QStringLiteral("job_roles"), *r))
            in.addError(QStringLiteral("job_role"), FieldErrorCode::InvalidValue,
                        QStringLiteral("no job role %1").arg(*r));
        f.jobRole = *r;
    }
    if (in.object().contains(QStringLiteral("manager_id"))) {
        const qint64 m = in.optionalInt64(QStringLiteral("manager_id")).value_or(0);
        if (m && !db::query(db, QStringLiteral("SELECT 1 FROM employees WHERE id = ?"), {m}).next())
            in.addError(QStringLiteral("manager_id"), FieldErrorCode::InvalidValue,
                        QStringLiteral("no employee %1").arg(m));
        f.managerId = m;
    }
    f.weeklyCapacity = decimalInRange(in, QStringLiteral("weekly_capacity_hours"), 80);
    f.utilisationTarget = decimalInRange(in, QStringLiteral("utilisation_target_pct"), 100);
    if (in.object().contains(QStringLiteral("bill_rate"))) {
        if (const auto m = in.optionalMoney(QStringLiteral("bill_rate"))) {
            if (m->isNegative())
                in.addError(QStringLiteral("bill_rate"), FieldErrorCode::InvalidValue,
                            QStringLiteral("not negative"));
            f.billRate = m->toString();
            f.billRateCurrency = m->currency().code();
        } else {
            f.billRate = QString();
            f.billRateCurrency = QString();
        }
    }
    f.active = in.optionalBool(QStringLiteral("active"));
    return f;
}

} // namespace

EmployeeService::EmployeeService(DbConfig config) : m_store(std::move(config)) {}

QPair<QJsonObject, QString> EmployeeService::readable(const ResourcingCaller &caller,
                                                      qint64 id) const
{
    QVariantList binds{id};
    const QString sql =
        QStringLiteral("SELECT 1 FROM employees e JOIN legal_entities le ON le.id = "
                       "e.legal_entity_id WHERE e.id = ? AND ") +
        caller.visibleEmployeesSql(binds);
    if (!db::query(m_store.db(), sql, binds).next())
        throw ApiError::notFound(QStringLiteral("There is no employee %1.").arg(id));
    return *m_store.employee(id);
}

QPair<QJsonObject, QString> EmployeeService::managed(const ResourcingCaller &caller,
                                                     qint64 id) const
{
    const auto e = m_store.employee(id, true);
    if (!e)
        throw ApiError::notFound(QStringLiteral("There is no employee %1.").arg(id));
    if (!caller.manages(e->second)) {
        readable(caller, id); // 404 for those who may not even see the person
        throw ApiError::forbidden(
            QStringLiteral("Only a resource manager of %1 changes this employee.").arg(e->second));
    }
    return *e;
}

QJsonObject EmployeeService::detail(const ResourcingCaller &caller, qint64 id) const
{
    const auto e = readable(caller, id);
    QJsonObject o = e.first;
    o.insert("skills", m_store.skillsOf(id));
    o.insert("certifications", m_store.certifications(id));
    // Cost is for resource managers and executives only.
    if (caller.reads(e.second))
        o.insert("cost_rates", m_store.costRates(id));
    return o;
}

QJsonObject EmployeeService::list(const Request &request, const PageRequest &page) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    EmployeeFilter f;
    f.visibleSql = caller.visibleEmployeesSql(f.visibleBinds);
    const QUrlQuery &q = request.query;
    f.practice = q.queryItemValue(QStringLiteral("practice"));
    f.role = q.queryItemValue(QStringLiteral("role"));
    f.country = q.queryItemValue(QStringLiteral("country"));
    f.skill = q.queryItemValue(QStringLiteral("skill"));
    f.legalEntity = q.queryItemValue(QStringLiteral("legal_entity"));
    f.q = q.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    const QString level = q.queryItemValue(QStringLiteral("min_level"));
    if (!level.isEmpty()) {
        bool ok = false;
        f.minSkillLevel = level.toInt(&ok);
        if (!ok || f.minSkillLevel < 1 || f.minSkillLevel > 5)
            throw ApiError::invalidField(QStringLiteral("min_level"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("1 to 5"));
    }
    const QString manager = q.queryItemValue(QStringLiteral("manager_id"));
    if (!manager.isEmpty()) {
        bool ok = false;
        f.managerId = manager.toLongLong(&ok);
        if (!ok || f.managerId <= 0)
            throw ApiError::invalidField(QStringLiteral("manager_id"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("an id"));
    }
    return page.page(m_store.list(f, page.after, page.limit));
}

QJsonObject EmployeeService::get(const Request &request, qint64 id) const
{
    return detail(ResourcingCaller::of(m_store.db(), request), id);
}

QJsonObject EmployeeService::me(const Request &request) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    if (!caller.employeeId)
        throw ApiError::notFound(QStringLiteral("You have no employee record."));
    return detail(caller, caller.employeeId);
}

QJsonObject EmployeeService::create(const Request &request, const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    const qint64 userId = in.requiredInt64(QStringLiteral("user_id"));
    if (!in.has(QStringLiteral("job_role")))
        in.addError(QStringLiteral("job_role"), FieldErrorCode::Required,
                    QStringLiteral("a job role code"));
    EmployeeFields f = readFields(m_store.db(), in);
    throwIfInvalid(in);
    const auto home = m_store.userHome(userId);
    if (!home)
        throw ApiError::invalidField(QStringLiteral("user_id"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("no user %1").arg(userId));
    if (!caller.manages(home->entity))
        throw ApiError::forbidden(
            QStringLiteral("Only a resource manager of %1 adds its employees.").arg(home->entity));
    if (!f.country)
        f.country = home->country;
    if (!f.practice && !home->practice.isEmpty())
        f.practice = home->practice;
    db::Transaction tx(m_store.db());
    if (m_store.employeeOfUser(userId))
        throw ApiError::conflict(
            QStringLiteral("User %1 already has an employee record.").arg(userId));
    const qint64 id = m_store.insert(userId, home->entityId, f);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("employee.create"),
                                        QStringLiteral("employee"), QString::number(id));
    const QJsonObject after = m_store.employee(id)->first;
    audit.after = after;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return after;
}

QJsonObject EmployeeService::update(const Request &request, qint64 id,
                                    const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    db::Transaction tx(m_store.db());
    const auto before = managed(caller, id);
    requireVersion(request, body, before.first.value("version").toInt());
    JsonReader in(body);
    const EmployeeFields f = readFields(m_store.db(), in);
    if (f.managerId && *f.managerId == id)
        in.addError(QStringLiteral("manager_id"), FieldErrorCode::InvalidValue,
                    QStringLiteral("not the employee themself"));
    throwIfInvalid(in);
    m_store.update(id, f);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("employee.update"),
                                        QStringLiteral("employee"), QString::number(id));
    audit.before = before.first;
    audit.after = m_store.employee(id)->first;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return detail(caller, id);
}

QJsonObject EmployeeService::costRates(const Request &request, qint64 id) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    const auto e = readable(caller, id);
    if (!caller.reads(e.second))
        throw ApiError::forbidden(QStringLiteral("Cost rates are for resource managers."));
    return {{"items", m_store.costRates(id)}};
}

QJsonObject EmployeeService::addCostRate(const Request &request, qint64 id,
                                         const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    const Money cost = in.requiredMoney(QStringLiteral("hourly_cost"));
    const QDate from = in.requiredDate(QStringLiteral("valid_from"));
    const QDate to = in.optionalDate(QStringLiteral("valid_to")).value_or(QDate());
    if (in.ok() && cost.isNegative())
        in.addError(QStringLiteral("hourly_cost"), FieldErrorCode::InvalidValue,
                    QStringLiteral("not negative"));
    if (in.ok() && to.isValid() && to < from)
        in.addError(QStringLiteral("valid_to"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after valid_from"));
    throwIfInvalid(in);
    db::Transaction tx(m_store.db());
    managed(caller, id);
    const qint64 rateId =
        m_store.insertCostRate(id, cost.currency().code(), cost.toString(), from, to);
    AuditEntry audit =
        AuditEntry::from(request, QStringLiteral("employee_cost_rate.create"),
                         QStringLiteral("employee_cost_rate"), QString::number(rateId));
    audit.after = QJsonObject{{"employee_id", idToJson(id)},
                              {"hourly_cost", moneyToJson(cost)},
                              {"valid_from", dateToJson(from)},
                              {"valid_to", to.isValid() ? dateToJson(to) : QJsonValue()}};
    appendAudit(m_store.db(), audit);
    tx.commit();
    QJsonObject out = audit.after;
    out.insert("id", idToJson(rateId));
    out.insert("version", 1);
    return out;
}

qint64 EmployeeService::skillId(const QString &skill, const QString &field) const
{
    const auto ids = m_store.skillIds({skill});
    if (ids.isEmpty())
        throw ApiError::invalidField(field, QStringLiteral("unknown_skill"),
                                     QStringLiteral("no skill %1 in the taxonomy").arg(skill));
    return ids.first();
}

QJsonObject EmployeeService::setSkill(const Request &request, qint64 id, const QString &skill,
                                      const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    const qint64 level = in.requiredInt64(QStringLiteral("level"));
    if (in.ok() && (level < 1 || level > 5))
        in.addError(QStringLiteral("level"), FieldErrorCode::InvalidValue,
                    QStringLiteral("1 to 5"));
    throwIfInvalid(in);
    const qint64 sid = skillId(skill, QStringLiteral("skill"));
    db::Transaction tx(m_store.db());
    if (caller.employeeId != id)
        managed(caller, id);
    const QJsonArray before = m_store.skillsOf(id);
    m_store.setSkill(id, sid, int(level));
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("employee_skill.set"),
                                        QStringLiteral("employee"), QString::number(id));
    audit.before = {{"skills", before}};
    audit.after = {{"skills", m_store.skillsOf(id)}};
    appendAudit(m_store.db(), audit);
    tx.commit();
    return {{"items", audit.after.value("skills")}};
}

void EmployeeService::removeSkill(const Request &request, qint64 id, const QString &skill) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    const qint64 sid = skillId(skill, QStringLiteral("skill"));
    db::Transaction tx(m_store.db());
    if (caller.employeeId != id)
        managed(caller, id);
    const QJsonArray before = m_store.skillsOf(id);
    if (!m_store.removeSkill(id, sid))
        throw ApiError::notFound(QStringLiteral("Employee %1 has no skill %2.").arg(id).arg(skill));
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("employee_skill.remove"),
                                        QStringLiteral("employee"), QString::number(id));
    audit.before = {{"skills", before}};
    audit.after = {{"skills", m_store.skillsOf(id)}};
    appendAudit(m_store.db(), audit);
    tx.commit();
}

QJsonObject EmployeeService::addCertification(const Request &request, qint64 id,
                                              const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString issuer = in.optionalString(QStringLiteral("issuer")).value_or(QString());
    const QString skill = in.optionalString(QStringLiteral("skill")).value_or(QString());
    const QDate issued = in.requiredDate(QStringLiteral("issued_on"));
    const QDate expires = in.optionalDate(QStringLiteral("expires_on")).value_or(QDate());
    if (name.size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    if (in.ok() && expires.isValid() && expires < issued)
        in.addError(QStringLiteral("expires_on"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after issued_on"));
    throwIfInvalid(in);
    const qint64 sid = skill.isEmpty() ? 0 : skillId(skill, QStringLiteral("skill"));
    db::Transaction tx(m_store.db());
    if (caller.employeeId != id)
        managed(caller, id);
    const qint64 cid = m_store.insertCertification(id, name, issuer, sid, issued, expires);
    AuditEntry audit =
        AuditEntry::from(request, QStringLiteral("employee_certification.create"),
                         QStringLiteral("employee_certification"), QString::number(cid));
    QJsonObject after;
    for (const QJsonValue &c : m_store.certifications(id))
        if (c.toObject().value("id").toString() == QString::number(cid))
            after = c.toObject();
    audit.after = after;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return after;
}

QJsonObject EmployeeService::skills(const Request &request, const PageRequest &page) const
{
    return page.page(m_store.skills(request.query.queryItemValue(QStringLiteral("category")),
                                    page.after, page.limit));
}

QJsonObject EmployeeService::createSkill(const Request &request, const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    if (!caller.isResourceManager())
        throw ApiError::forbidden(
            QStringLiteral("Resource managers maintain the skills taxonomy."));
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString category = in.requiredString(QStringLiteral("category"));
    static const QRegularExpression codeRe(QStringLiteral("^[A-Z][A-Z0-9_]{0,39}$"));
    if (!code.isEmpty() && !codeRe.match(code).hasMatch())
        in.addError(QStringLiteral("code"), FieldErrorCode::InvalidValue,
                    QStringLiteral("upper case letters, digits and _"));
    if (name.size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    if (category.size() > 100)
        in.addError(QStringLiteral("category"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 100 characters"));
    throwIfInvalid(in);
    db::Transaction tx(m_store.db());
    if (!m_store.skillIds({code, name}).isEmpty())
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("duplicate"),
                                     QStringLiteral("a skill %1 / %2 exists").arg(code, name));
    const qint64 id = m_store.insertSkill(code, name, category);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("skill.create"),
                                        QStringLiteral("skill"), QString::number(id));
    audit.after = *m_store.skill(id);
    appendAudit(m_store.db(), audit);
    tx.commit();
    return audit.after;
}

} // namespace keel
