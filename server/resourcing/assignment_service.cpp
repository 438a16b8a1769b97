#include "assignment_service.h"

#include "audit/audit_log.h"
#include "employee_access.h"
#include "http/concurrency.h"
#include "http/paging.h"
#include "json_codec.h"

#include <QJsonDocument>

namespace keel {

using namespace resourcing;

namespace {

void throwIfInvalid(const JsonReader &reader)
{
    if (!reader.ok())
        throw ApiError::invalid(reader.errors());
}

QString isoWeek(QDate d)
{
    int year = 0;
    const int week = d.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

QJsonObject weekJson(const WeekLoad &w)
{
    const Decimal total = Decimal::parse(w.totalHours).valueOr(Decimal());
    const Decimal cap = Decimal::parse(w.capacityHours).valueOr(Decimal());
    return {{"week", isoWeek(w.weekStart)},
            {"week_start", dateToJson(w.weekStart)},
            {"capacity_hours", Decimal::parse(w.capacityHours).valueOr(Decimal()).toString(2)},
            {"assigned_hours", Decimal::parse(w.assignedHours).valueOr(Decimal()).toString(2)},
            {"new_hours", Decimal::parse(w.newHours).valueOr(Decimal()).toString(2)},
            {"total_hours", total.toString(2)},
            {"over_by_hours", total.subtract(cap).valueOr(Decimal()).toString(2)}};
}

Problem overallocationProblem(const QString &detail, const QJsonArray &weeks)
{
    Problem p;
    p.status = 409;
    p.type = problemTypeUri(ErrorType::Conflict);
    p.title = QStringLiteral("Over-allocation");
    p.detail = detail;
    for (const QJsonValue &v : weeks) {
        const QJsonObject w = v.toObject();
        p.errors.append(
            {QStringLiteral("weeks/") + w.value("week_start").toString(),
             QStringLiteral("overallocated"),
             QStringLiteral("%1: %2 h assigned + %3 h new = %4 h, %5 h available")
                 .arg(w.value("week").toString(), w.value("assigned_hours").toString(),
                      w.value("new_hours").toString(), w.value("total_hours").toString(),
                      w.value("capacity_hours").toString())});
    }
    return p;
}

std::optional<qint64> queryId(const Request &request, const QString &name)
{
    const QString v = request.query.queryItemValue(name);
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 id = v.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(name, FieldErrorCode::InvalidValue, QStringLiteral("an id"));
    return id;
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

void readHours(JsonReader &in, AssignmentRow &row, bool required)
{
    const auto hours =
        required ? std::optional<Decimal>(in.requiredDecimal(QStringLiteral("hours_per_week")))
                 : in.optionalDecimal(QStringLiteral("hours_per_week"));
    if (!hours || !in.has(QStringLiteral("hours_per_week")))
        return;
    if (!hours->isPositive() || *hours > Decimal::fromInt(80) || hours->rounded(2) != *hours)
        in.addError(QStringLiteral("hours_per_week"), FieldErrorCode::InvalidValue,
                    QStringLiteral("more than 0, at most 80, 2 decimals"));
    row.hoursPerWeek = hours->toString(2);
}

// Assignments the caller may read: employees they may read, and assignments on their projects.
QString visibleAssignmentsSql(const ResourcingCaller &caller, QVariantList &binds)
{
    QString sql = caller.visibleEmployeesSql(binds);
    if (caller.isProjectManager()) {
        sql = QStringLiteral("(") + sql + QStringLiteral(" OR p.project_manager_id = ?)");
        binds << caller.userId;
    }
    return sql;
}

} // namespace

OverallocationError::OverallocationError(const QString &detail, QJsonArray weeks)
    : ApiError(overallocationProblem(detail, weeks)), m_weeks(std::move(weeks))
{}

Reply OverallocationError::reply() const
{
    QJsonObject body = problem().toJson();
    body.insert("overallocation", m_weeks);
    return Reply{
        409, "application/problem+json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

AssignmentService::AssignmentService(DbConfig config)
    : m_store(config), m_requests(config), m_planner(std::move(config))
{}

QJsonArray AssignmentService::check(const Request &request, AssignmentRow &row, qint64 excludeId,
                                    bool confirm) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    const auto entity = m_store.lockEmployee(row.employeeId);
    if (!entity)
        throw ApiError::invalidField(QStringLiteral("employee_id"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("no employee %1").arg(row.employeeId));
    if (row.requestId) {
        const auto facts = m_store.requestFacts(row.requestId);
        if (!facts || (row.projectId && facts->projectId != row.projectId) ||
            (row.opportunityId && facts->opportunityId != row.opportunityId))
            throw ApiError::invalidField(
                QStringLiteral("request_id"), FieldErrorCode::InvalidValue,
                QStringLiteral("no request %1 for this project or opportunity").arg(row.requestId));
        if (facts->status == QLatin1String("cancelled"))
            throw ApiError::conflict(QStringLiteral("Request %1 is cancelled.").arg(row.requestId));
        row.projectId = facts->projectId;
        row.opportunityId = facts->opportunityId;
        if (row.kind.isEmpty())
            row.kind = facts->kind;
        if (row.probability.isEmpty() && row.kind == QLatin1String("soft"))
            row.probability = facts->probability;
    }
    if ((row.projectId != 0) == (row.opportunityId != 0))
        throw ApiError::invalidField(QStringLiteral("project_id"), FieldErrorCode::Required,
                                     QStringLiteral("exactly one of project_id or opportunity_id"));
    if (row.kind.isEmpty())
        row.kind = row.projectId ? QStringLiteral("hard") : QStringLiteral("soft");
    if (row.projectId) {
        const auto p = m_requests.project(row.projectId);
        const bool pm = p && caller.isProjectManager() && p->managerId == caller.userId;
        if (!p || !(pm || caller.reads(p->entity)))
            throw ApiError::invalidField(QStringLiteral("project_id"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("no project %1").arg(row.projectId));
        if (!pm && !caller.manages(*entity))
            throw ApiError::forbidden(QStringLiteral(
                "People are staffed by the project's manager or a resource manager of their "
                "legal entity."));
        if (!p->open)
            throw ApiError::conflict(QStringLiteral("The project is closed."));
        if (row.start < p->start || row.end > p->end) {
            const QString message =
                QStringLiteral("the assignment (%1 to %2) must lie within the project's dates "
                               "(%3 to %4)")
                    .arg(formatDate(row.start), formatDate(row.end), formatDate(p->start),
                         formatDate(p->end));
            QList<FieldError> errors;
            if (row.start < p->start)
                errors.append(
                    {QStringLiteral("start_date"), QStringLiteral("outside_project"), message});
            if (row.end > p->end)
                errors.append(
                    {QStringLiteral("end_date"), QStringLiteral("outside_project"), message});
            throw ApiError::invalid(errors, QStringLiteral("The assignment is outside the "
                                                           "project's dates."));
        }
        if (row.taskId && !m_store.taskOfProject(row.taskId, row.projectId))
            throw ApiError::invalidField(
                QStringLiteral("task_id"), FieldErrorCode::InvalidValue,
                QStringLiteral("no task %1 on project %2").arg(row.taskId).arg(row.projectId));
        if (row.kind == QLatin1String("soft") && row.probability.isEmpty())
            row.probability = QStringLiteral("100");
    } else {
        if (row.kind != QLatin1String("soft"))
            throw ApiError::invalidField(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("an opportunity is staffed softly"));
        if (row.taskId)
            throw ApiError::invalidField(QStringLiteral("task_id"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("tasks belong to projects"));
        const auto o = m_requests.opportunity(row.opportunityId);
        if (!o || !caller.reads(o->entity))
            throw ApiError::invalidField(
                QStringLiteral("opportunity_id"), FieldErrorCode::InvalidValue,
                QStringLiteral("no opportunity %1").arg(row.opportunityId));
        if (!caller.manages(*entity))
            throw ApiError::forbidden(
                QStringLiteral("Soft bookings on opportunities are made by resource managers."));
        if (row.probability.isEmpty())
            row.probability = o->probability;
    }
    if (row.kind == QLatin1String("hard"))
        row.probability = QStringLiteral("100");

    QJsonArray over;
    for (const WeekLoad &w :
         m_planner.weekLoads(row.employeeId, row.start, row.end, row.hoursPerWeek, excludeId))
        if (w.over)
            over.append(weekJson(w));
    row.overallocated = !over.isEmpty();
    row.confirmedBy = 0;
    if (over.isEmpty())
        return over;
    if (!confirm)
        throw OverallocationError(
            QStringLiteral("Employee %1 would be over-allocated in %2 week(s); a resource manager "
                           "may confirm with \"confirm_overallocation\": true.")
                .arg(row.employeeId)
                .arg(over.size()),
            over);
    if (!caller.manages(*entity))
        throw ApiError::forbidden(
            QStringLiteral("Only a resource manager of %1 confirms an over-allocation.")
                .arg(*entity));
    row.confirmedBy = caller.userId;
    return over;
}

QJsonObject AssignmentService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    AssignmentRow row;
    row.employeeId = in.requiredInt64(QStringLiteral("employee_id"));
    row.projectId = in.optionalInt64(QStringLiteral("project_id")).value_or(0);
    row.opportunityId = in.optionalInt64(QStringLiteral("opportunity_id")).value_or(0);
    row.taskId = in.optionalInt64(QStringLiteral("task_id")).value_or(0);
    row.requestId = in.optionalInt64(QStringLiteral("request_id")).value_or(0);
    row.start = in.requiredDate(QStringLiteral("start_date"));
    row.end = in.requiredDate(QStringLiteral("end_date"));
    readHours(in, row, true);
    row.kind = in.optionalString(QStringLiteral("kind")).value_or(QString());
    if (!row.kind.isEmpty() && row.kind != QLatin1String("soft") &&
        row.kind != QLatin1String("hard"))
        in.addError(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                    QStringLiteral("soft or hard"));
    if (const auto p = in.optionalDecimal(QStringLiteral("probability"))) {
        if (p->isNegative() || *p > Decimal::fromInt(100) || p->rounded(2) != *p)
            in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                        QStringLiteral("0 to 100, 2 decimals"));
        row.probability = p->toString(2);
    }
    const bool confirm = in.optionalBool(QStringLiteral("confirm_overallocation")).value_or(false);
    if (row.start.isValid() && row.end.isValid() && row.end < row.start)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after start_date"));
    if (row.start.isValid() && row.end.isValid() && row.start.daysTo(row.end) > 3 * 366)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most three years after start_date"));
    throwIfInvalid(in);

    db::Transaction tx(m_store.db());
    const QJsonArray over = check(request, row, 0, confirm);
    row.createdBy = request.caller().user.id;
    const qint64 id = m_store.insert(row);
    if (row.requestId)
        m_requests.updateFilled(row.requestId);
    QJsonObject after = m_store.assignment(id)->first;
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("assignment.create"),
                                        QStringLiteral("assignment"), QString::number(id));
    audit.after = after;
    if (!over.isEmpty())
        audit.after.insert("overallocation", over);
    appendAudit(m_store.db(), audit);
    tx.commit();
    if (!over.isEmpty())
        after.insert("overallocation", over);
    return after;
}

QJsonObject AssignmentService::update(const Request &request, qint64 id,
                                      const QJsonObject &body) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    db::Transaction tx(m_store.db());
    const auto before = m_store.assignment(id, true);
    QVariantList binds;
    if (!before)
        throw ApiError::notFound(QStringLiteral("There is no assignment %1.").arg(id));
    requireVersion(request, body, before->first.value("version").toInt());
    const QJsonObject &b = before->first;
    AssignmentRow row;
    row.employeeId = b.value("employee_id").toString().toLongLong();
    row.projectId = b.value("project_id").toString().toLongLong();
    row.opportunityId = b.value("opportunity_id").toString().toLongLong();
    row.requestId = b.value("request_id").toString().toLongLong();
    row.taskId = b.value("task_id").toString().toLongLong();
    row.start = parseDate(b.value("start_date").toString()).valueOr(QDate());
    row.end = parseDate(b.value("end_date").toString()).valueOr(QDate());
    row.hoursPerWeek = b.value("hours_per_week").toString();
    row.kind = b.value("kind").toString();
    row.probability = b.value("probability").toString();
    JsonReader in(body);
    if (const auto d = in.optionalDate(QStringLiteral("start_date")))
        row.start = *d;
    if (const auto d = in.optionalDate(QStringLiteral("end_date")))
        row.end = *d;
    readHours(in, row, false);
    if (const auto k = in.optionalString(QStringLiteral("kind"))) {
        if (*k != QLatin1String("soft") && *k != QLatin1String("hard"))
            in.addError(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                        QStringLiteral("soft or hard"));
        row.kind = *k;
    }
    if (body.contains(QStringLiteral("task_id")))
        row.taskId = in.optionalInt64(QStringLiteral("task_id")).value_or(0);
    if (const auto p = in.optionalDecimal(QStringLiteral("probability"))) {
        if (p->isNegative() || *p > Decimal::fromInt(100) || p->rounded(2) != *p)
            in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                        QStringLiteral("0 to 100, 2 decimals"));
        row.probability = p->toString(2);
    }
    const bool confirm = in.optionalBool(QStringLiteral("confirm_overallocation")).value_or(false);
    if (row.end < row.start)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("on or after start_date"));
    throwIfInvalid(in);
    // Readers who may not see it get 404; check() then decides who may change it.
    binds.clear();
    AssignmentFilter f;
    f.visibleSql = QStringLiteral("a.id = ? AND ") + visibleAssignmentsSql(caller, f.visibleBinds);
    f.visibleBinds.prepend(id);
    if (m_store.list(f, 0, 1).isEmpty())
        throw ApiError::notFound(QStringLiteral("There is no assignment %1.").arg(id));
    const QJsonArray over = check(request, row, id, confirm);
    m_store.update(id, row);
    if (row.requestId)
        m_requests.updateFilled(row.requestId);
    QJsonObject after = m_store.assignment(id)->first;
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("assignment.update"),
                                        QStringLiteral("assignment"), QString::number(id));
    audit.before = b;
    audit.after = after;
    if (!over.isEmpty())
        audit.after.insert("overallocation", over);
    appendAudit(m_store.db(), audit);
    tx.commit();
    if (!over.isEmpty())
        after.insert("overallocation", over);
    return after;
}

void AssignmentService::remove(const Request &request, qint64 id) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    db::Transaction tx(m_store.db());
    const auto before = m_store.assignment(id, true);
    if (!before)
        throw ApiError::notFound(QStringLiteral("There is no assignment %1.").arg(id));
    const bool pm =
        caller.isProjectManager() &&
        before->first.value("project_manager_id").toString() == QString::number(caller.userId);
    if (!pm && !caller.manages(before->second)) {
        if (!caller.reads(before->second))
            throw ApiError::notFound(QStringLiteral("There is no assignment %1.").arg(id));
        throw ApiError::forbidden(QStringLiteral(
            "Assignments are removed by the project's manager or a resource manager."));
    }
    requireVersion(request, {}, before->first.value("version").toInt());
    m_store.remove(id);
    const qint64 requestId = before->first.value("request_id").toString().toLongLong();
    if (requestId)
        m_requests.updateFilled(requestId);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("assignment.delete"),
                                        QStringLiteral("assignment"), QString::number(id));
    audit.before = before->first;
    appendAudit(m_store.db(), audit);
    tx.commit();
}

QJsonObject AssignmentService::list(const Request &request, const PageRequest &page) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    AssignmentFilter f;
    f.visibleSql = visibleAssignmentsSql(caller, f.visibleBinds);
    f.employeeId = queryId(request, QStringLiteral("employee_id")).value_or(0);
    f.projectId = queryId(request, QStringLiteral("project_id")).value_or(0);
    f.requestId = queryId(request, QStringLiteral("request_id")).value_or(0);
    f.kind = request.query.queryItemValue(QStringLiteral("kind"));
    if (!f.kind.isEmpty() && f.kind != QLatin1String("soft") && f.kind != QLatin1String("hard"))
        throw ApiError::invalidField(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("soft or hard"));
    f.from = queryDate(request, QStringLiteral("from"));
    f.to = queryDate(request, QStringLiteral("to"));
    return page.page(m_store.list(f, page.after, page.limit));
}

QJsonObject AssignmentService::get(const Request &request, qint64 id) const
{
    const ResourcingCaller caller = ResourcingCaller::of(m_store.db(), request);
    AssignmentFilter f;
    f.visibleSql = QStringLiteral("a.id = ? AND ") + visibleAssignmentsSql(caller, f.visibleBinds);
    f.visibleBinds.prepend(id);
    const QJsonArray rows = m_store.list(f, 0, 1);
    if (rows.isEmpty())
        throw ApiError::notFound(QStringLiteral("There is no assignment %1.").arg(id));
    return rows.first().toObject();
}

} // namespace keel
