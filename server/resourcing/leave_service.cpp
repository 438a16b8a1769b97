#include "leave_service.h"

#include "audit/audit_log.h"
#include "employee_access.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "workflow/state_machine.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {

const StateMachine &leaveMachine()
{
    static const StateMachine m{
        QStringLiteral("leave"),
        {QStringLiteral("requested"), QStringLiteral("approved"), QStringLiteral("rejected"),
         QStringLiteral("cancelled")},
        QStringLiteral("requested"),
        {{QStringLiteral("requested"), QStringLiteral("approve"), QStringLiteral("approved")},
         {QStringLiteral("requested"), QStringLiteral("reject"), QStringLiteral("rejected")},
         {QStringLiteral("requested"), QStringLiteral("cancel"), QStringLiteral("cancelled")},
         {QStringLiteral("approved"), QStringLiteral("cancel"), QStringLiteral("cancelled")}}};
    return m;
}

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

QDate queryDate(const Request &request, const QString &name)
{
    const QString v = request.query.queryItemValue(name);
    if (v.isEmpty())
        return {};
    const auto d = parseDate(v);
    if (!d)
        throw ApiError::invalidField(name, FieldErrorCode::InvalidValue,
                                     QStringLiteral("a date YYYY-MM-DD"));
    return *d;
}

} // namespace

LeaveService::LeaveService(DbConfig config) : m_store(std::move(config)) {}

void LeaveService::registerStateMachines()
{
    StateMachineRegistry::add(leaveMachine());
}

QJsonObject LeaveService::list(const Request &request, const PageRequest &page) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    LeaveFilter f;
    f.visibleSql = caller.visibleEmployeesSql(f.visibleBinds);
    const QString employee = request.query.queryItemValue(QStringLiteral("employee_id"));
    if (!employee.isEmpty()) {
        bool ok = false;
        f.employeeId = employee.toLongLong(&ok);
        if (!ok || f.employeeId <= 0)
            throw ApiError::invalidField(QStringLiteral("employee_id"),
                                         FieldErrorCode::InvalidValue, QStringLiteral("an id"));
    }
    f.status = request.query.queryItemValue(QStringLiteral("status"));
    if (!f.status.isEmpty() && !leaveMachine().states.contains(f.status))
        throw ApiError::invalidField(QStringLiteral("status"), FieldErrorCode::InvalidValue,
                                     leaveMachine().states.join(QStringLiteral(", ")));
    f.from = queryDate(request, QStringLiteral("from"));
    f.to = queryDate(request, QStringLiteral("to"));
    return page.page(m_store.list(f, page.after, page.limit));
}

QJsonObject LeaveService::create(const Request &request, const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    JsonReader in(body);
    const qint64 employeeId =
        in.optionalInt64(QStringLiteral("employee_id")).value_or(caller.employeeId);
    const QDate start = in.requiredDate(QStringLiteral("start_date"));
    const QDate end = in.requiredDate(QStringLiteral("end_date"));
    const auto hours = in.optionalDecimal(QStringLiteral("hours_per_day"));
    const QString type =
        in.optionalString(QStringLiteral("leave_type")).value_or(QStringLiteral("vacation"));
    const QString note = in.optionalString(QStringLiteral("note")).value_or(QString());
    static const QStringList types{"vacation", "sick", "parental", "training", "unpaid", "other"};
    if (!types.contains(type))
        in.addError(QStringLiteral("leave_type"), FieldErrorCode::InvalidValue,
                    types.join(QStringLiteral(", ")));
    if (in.ok() && end < start)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after start_date"));
    if (in.ok() && start.daysTo(end) > 366)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most a year after start_date"));
    if (hours &&
        (!hours->isPositive() || *hours > Decimal::fromInt(24) || hours->rounded(2) != *hours))
        in.addError(QStringLiteral("hours_per_day"), FieldErrorCode::InvalidValue,
                    QStringLiteral("more than 0, at most 24, 2 decimals"));
    if (note.size() > 2000)
        in.addError(QStringLiteral("note"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 2000 characters"));
    if (!employeeId)
        in.addError(QStringLiteral("employee_id"), FieldErrorCode::Required,
                    QStringLiteral("you have no employee record; name the employee"));
    throwIfInvalid(in);
    db::Transaction tx(m_store.db());
    if (employeeId != caller.employeeId) {
        QSqlQuery q = db::query(m_store.db(),
                                QStringLiteral("SELECT le.code FROM employees e JOIN "
                                               "legal_entities le ON le.id = e.legal_entity_id "
                                               "WHERE e.id = ?"),
                                {employeeId});
        if (!q.next() || !caller.reads(q.value(0).toString()))
            throw ApiError::invalidField(QStringLiteral("employee_id"),
                                         FieldErrorCode::InvalidValue,
                                         QStringLiteral("no employee %1").arg(employeeId));
        if (!caller.manages(q.value(0).toString()))
            throw ApiError::forbidden(
                QStringLiteral("Only resource managers record leave for others."));
    }
    const qint64 id = m_store.insert(employeeId, start, end, hours ? hours->toString(2) : QString(),
                                     type, note, caller.userId);
    const auto row = m_store.leave(id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("leave.create"),
                                        QStringLiteral("leave"), QString::number(id));
    audit.after = row->json;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return row->json;
}

QJsonObject LeaveService::transition(const Request &request, qint64 id, const QString &action,
                                     const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    db::Transaction tx(m_store.db());
    const auto row = m_store.leave(id, true);
    const bool own = row && row->userId == caller.userId;
    if (!row || !(own || caller.reads(row->entity)))
        throw ApiError::notFound(QStringLiteral("There is no leave %1.").arg(id));
    requireVersion(request, body, row->json.value("version").toInt());
    const QString from = row->json.value("status").toString();
    if (action == QLatin1String("cancel")) {
        if (!own && !caller.manages(row->entity))
            throw ApiError::forbidden(
                QStringLiteral("Leave is cancelled by the employee or a resource manager."));
    } else {
        if (own)
            throw ApiError::forbidden(QStringLiteral("No one approves their own leave."));
        if (!caller.manages(row->entity))
            throw ApiError::forbidden(
                QStringLiteral("Only a resource manager of %1 decides leave.").arg(row->entity));
    }
    const QString to = leaveMachine().next(from, action);
    m_store.setStatus(id, to);
    const auto after = m_store.leave(id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("leave.") + action,
                                        QStringLiteral("leave"), QString::number(id));
    audit.before = row->json;
    audit.after = after->json;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return after->json;
}

QJsonObject LeaveService::holidays(const Request &request, const PageRequest &page) const
{
    const QString country = request.query.queryItemValue(QStringLiteral("country"));
    return page.page(m_store.holidays(country, queryDate(request, QStringLiteral("from")),
                                      queryDate(request, QStringLiteral("to")), page.after,
                                      page.limit));
}

QJsonObject LeaveService::createHoliday(const Request &request, const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    if (!caller.isResourceManager())
        throw ApiError::forbidden(QStringLiteral("Resource managers maintain holiday calendars."));
    JsonReader in(body);
    const QString country = in.requiredString(QStringLiteral("country"));
    const QDate date = in.requiredDate(QStringLiteral("date"));
    const QString name = in.requiredString(QStringLiteral("name"));
    static const QRegularExpression countryRe(QStringLiteral("^[A-Z]{2}$"));
    if (!country.isEmpty() && !countryRe.match(country).hasMatch())
        in.addError(QStringLiteral("country"), FieldErrorCode::InvalidValue,
                    QStringLiteral("an ISO 3166 country code such as GB"));
    if (name.size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    throwIfInvalid(in);
    db::Transaction tx(m_store.db());
    const auto id = m_store.insertHoliday(country, date, name);
    if (!id)
        throw ApiError::invalidField(
            QStringLiteral("date"), QStringLiteral("duplicate"),
            QStringLiteral("%1 already has a holiday on %2").arg(country, formatDate(date)));
    const QJsonObject after = *m_store.holiday(*id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("holiday.create"),
                                        QStringLiteral("holiday"), QString::number(*id));
    audit.after = after;
    appendAudit(m_store.db(), audit);
    tx.commit();
    return after;
}

} // namespace keel
