#include "project_service.h"

#include "audit/audit_log.h"
#include "delivery_service.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "money.h"
#include "project_access.h"
#include "workflow/state_machine.h"

#include <QRegularExpression>

namespace keel {

using namespace project_access;

namespace {

const StateMachine &projectMachine()
{
    static const StateMachine m{QStringLiteral("project"),
                                {"planned", "active", "on_hold", "closed"},
                                QStringLiteral("planned"),
                                {{"planned", "activate", "active"},
                                 {"active", "hold", "on_hold"},
                                 {"on_hold", "resume", "active"},
                                 {"active", "close", "closed"},
                                 {"on_hold", "close", "closed"}}};
    return m;
}

const StateMachine &milestoneMachine()
{
    static const StateMachine m{QStringLiteral("milestone"),
                                {"pending", "completed", "accepted", "billable"},
                                QStringLiteral("pending"),
                                {{"pending", "complete", "completed"},
                                 {"completed", "accept", "accepted"},
                                 {"accepted", "bill", "billable"}}};
    return m;
}

int minorUnitsOf(const QString &currency)
{
    return Currency::fromCode(currency).valueOr(Currency()).minorUnits();
}

void check(const JsonReader &in)
{
    if (!in.ok())
        throw ApiError::invalid(in.errors());
}

// Hours: a decimal with at most 2 places, not negative.
std::optional<QString> hoursField(JsonReader &in, const QString &name, bool required)
{
    const auto d =
        required ? std::optional<Decimal>(in.requiredDecimal(name)) : in.optionalDecimal(name);
    if (!d || !in.ok())
        return std::nullopt;
    if (d->isNegative() || d->rounded(2) != *d) {
        in.addError(name, "invalid_value", QStringLiteral("hours: not negative, 2 decimals"));
        return std::nullopt;
    }
    return d->toString();
}

// Money in the project's currency.
std::optional<QString> amountField(JsonReader &in, const QString &name, bool required,
                                   const QString &currency, bool allowNegative)
{
    const auto m = required ? std::optional<Money>(in.requiredMoney(name)) : in.optionalMoney(name);
    if (!m || !in.ok())
        return std::nullopt;
    if (m->currency().code() != currency) {
        in.addError(name, "currency_mismatch",
                    QStringLiteral("the project's currency is %1").arg(currency));
        return std::nullopt;
    }
    if (!allowNegative && m->isNegative()) {
        in.addError(name, "invalid_value", QStringLiteral("not negative"));
        return std::nullopt;
    }
    return m->toString();
}

QString nameField(JsonReader &in, const QString &name, bool required, int maxLength = 200)
{
    const auto s =
        required ? std::optional<QString>(in.requiredString(name)) : in.optionalString(name);
    if (!s)
        return {};
    const QString t = s->trimmed();
    if (t.isEmpty() || t.size() > maxLength)
        in.addError(name, "invalid_value", QStringLiteral("1 to %1 characters").arg(maxLength));
    return t;
}

void audit(const Request &request, QSqlDatabase db, const QString &action, const QString &type,
           qint64 id, const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e = AuditEntry::from(request, action, type, QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

bool periodEnded(const QString &period)
{
    const QDate first = QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
    return QDate::currentDate() > first.addMonths(1).addDays(-1);
}

// A project's child row for an edit: 404 when it is missing or its project is not visible,
// 403 unless the caller manages the project, 412 when `version` is stale.
ProjectRow editable(const ProjectStore &store, const Request &request,
                    const std::optional<ChildRow> &child, const char *noun, qint64 id,
                    const QJsonObject &body)
{
    if (!child)
        throw ApiError::notFound(
            QStringLiteral("There is no %1 %2.").arg(QString::fromLatin1(noun)).arg(id));
    const ProjectRow row = visibleProject(store, request, child->projectId, false);
    requireManage(request, row);
    requireVersion(request, body, child->version);
    return row;
}

} // namespace

ProjectService::ProjectService(DbConfig config, const DeliveryService &delivery)
    : m_store(std::move(config)), m_delivery(delivery)
{}

void ProjectService::registerStateMachines()
{
    StateMachineRegistry::add(projectMachine());
    StateMachineRegistry::add(milestoneMachine());
}

// --- projects ---------------------------------------------------------------------------------

QJsonObject ProjectService::create(const Request &request, const QJsonObject &body) const
{
    const Principal &caller = request.caller();
    JsonReader in(body);
    const QString entity = in.requiredString(QStringLiteral("legal_entity"));
    const qint64 accountId = in.requiredInt64(QStringLiteral("account_id"));
    const QString name = nameField(in, QStringLiteral("name"), true);
    const QDate start = in.requiredDate(QStringLiteral("start_date"));
    const QDate end = in.requiredDate(QStringLiteral("end_date"));
    const auto practice = in.optionalString(QStringLiteral("practice"));
    const auto pmId = in.optionalInt64(QStringLiteral("project_manager_id"));
    const auto offeringId = in.optionalInt64(QStringLiteral("offering_id"));
    const auto currency = in.optionalString(QStringLiteral("currency"));
    check(in);

    NewProject p;
    const auto entityId = m_store.entityId(entity);
    if (!entityId)
        throw ApiError::invalidField(QStringLiteral("legal_entity"), "unknown",
                                     QStringLiteral("no legal entity has this code"));
    const bool executive = holdsRole(caller, QString::fromLatin1(Role::Executive), entity);
    const bool pm = holdsRole(caller, QString::fromLatin1(Role::ProjectManager), entity);
    if (!executive && !pm)
        throw ApiError::forbidden(
            QStringLiteral("Projects of %1 are created by its project managers.").arg(entity));
    p.legalEntityId = *entityId;
    const auto account = m_store.account(accountId);
    if (!account || account->first != *entityId)
        in.addError(QStringLiteral("account_id"), "unknown",
                    QStringLiteral("no account of %1 has this id").arg(entity));
    p.accountId = accountId;
    p.currency = currency ? *currency : (account ? account->second : QString());
    if (!Currency::fromCode(p.currency))
        in.addError(QStringLiteral("currency"), "invalid_value",
                    QStringLiteral("an ISO 4217 code"));
    if (end < start)
        in.addError(QStringLiteral("end_date"), "before_start",
                    QStringLiteral("on or after the start date"));
    if (practice && !practice->isEmpty()) {
        if (const auto id = m_store.practiceId(*practice))
            p.practiceId = *id;
        else
            in.addError(QStringLiteral("practice"), "unknown",
                        QStringLiteral("no practice has this code"));
    }
    p.projectManagerId = pmId ? *pmId : (pm ? caller.user.id : 0);
    if (!p.projectManagerId)
        in.addError(QStringLiteral("project_manager_id"), "required",
                    QStringLiteral("the project's manager"));
    else if (!m_store.userHoldsRole(p.projectManagerId, QString::fromLatin1(Role::ProjectManager),
                                    *entityId))
        in.addError(QStringLiteral("project_manager_id"), "not_a_project_manager",
                    QStringLiteral("a project manager of %1").arg(entity));
    else if (!executive && p.projectManagerId != caller.user.id)
        in.addError(QStringLiteral("project_manager_id"), "not_allowed",
                    QStringLiteral("a project manager creates projects they manage"));
    if (offeringId) {
        if (m_store.offeringExists(*offeringId))
            p.offeringId = *offeringId;
        else
            in.addError(QStringLiteral("offering_id"), "unknown",
                        QStringLiteral("no offering has this id"));
    }
    check(in);
    p.name = name;
    p.startDate = start;
    p.endDate = end;
    p.createdBy = caller.user.id;

    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const qint64 id = m_store.insertProject(p);
    if (p.offeringId)
        m_store.applyOfferingTemplate(id, p.offeringId, minorUnitsOf(p.currency));
    else
        m_store.insertEmptyBudget(id, caller.user.id);
    const QJsonObject out = m_delivery.projectJson(id);
    audit(request, d, QStringLiteral("project.create"), QStringLiteral("project"), id, {}, out);
    tx.commit();
    return out;
}

QJsonObject ProjectService::update(const Request &request, qint64 id, const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, id, true);
    requireManage(request, row);
    requireVersion(request, body, row.version);
    JsonReader in(body);
    QVariantMap cols;
    if (in.has(QStringLiteral("name")))
        cols.insert(QStringLiteral("name"), nameField(in, QStringLiteral("name"), true));
    QDate start = row.startDate, end = row.endDate;
    if (const auto s = in.optionalDate(QStringLiteral("start_date")))
        cols.insert(QStringLiteral("start_date"), start = *s);
    if (const auto e = in.optionalDate(QStringLiteral("end_date")))
        cols.insert(QStringLiteral("end_date"), end = *e);
    if (const auto pr = in.optionalString(QStringLiteral("practice"))) {
        if (const auto pid = m_store.practiceId(*pr))
            cols.insert(QStringLiteral("practice_id"), *pid);
        else
            in.addError(QStringLiteral("practice"), "unknown",
                        QStringLiteral("no practice has this code"));
    }
    if (const auto pm = in.optionalInt64(QStringLiteral("project_manager_id"))) {
        if (!m_store.userHoldsRole(*pm, QString::fromLatin1(Role::ProjectManager),
                                   row.legalEntityId))
            in.addError(QStringLiteral("project_manager_id"), "not_a_project_manager",
                        QStringLiteral("a project manager of %1").arg(row.entity));
        else
            cols.insert(QStringLiteral("project_manager_id"), *pm);
    }
    if (body.contains(QStringLiteral("status")))
        in.addError(QStringLiteral("status"), "read_only",
                    QStringLiteral("change the status with POST …/transition"));
    if (end < start)
        in.addError(QStringLiteral("end_date"), "before_start",
                    QStringLiteral("on or after the start date"));
    check(in);
    const QJsonObject before = m_delivery.projectHeader(id);
    m_store.updateProject(id, cols);
    const QJsonObject after = m_delivery.projectHeader(id);
    audit(request, d, QStringLiteral("project.update"), QStringLiteral("project"), id, before,
          after);
    tx.commit();
    return after;
}

QJsonObject ProjectService::transition(const Request &request, qint64 id,
                                       const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, id, true);
    requireManage(request, row);
    JsonReader in(body);
    const QString action = in.requiredString(QStringLiteral("action"));
    check(in);
    if (!projectMachine().actionsFrom(QStringLiteral("planned")).contains(action) &&
        !projectMachine().actionsFrom(QStringLiteral("active")).contains(action) &&
        !projectMachine().actionsFrom(QStringLiteral("on_hold")).contains(action))
        throw ApiError::invalidField(QStringLiteral("action"), "invalid_value",
                                     QStringLiteral("one of: activate, hold, resume, close"));
    requireVersion(request, body, row.version);
    const QString to = projectMachine().next(row.status, action);
    m_store.updateProject(id, {{QStringLiteral("status"), to}});
    const QJsonObject after = m_delivery.projectHeader(id);
    audit(request, d, QStringLiteral("project.") + action, QStringLiteral("project"), id,
          {{"status", row.status}, {"version", row.version}}, after);
    tx.commit();
    return after;
}

// --- phases and tasks --------------------------------------------------------------------------

QJsonObject ProjectService::addPhase(const Request &request, qint64 projectId,
                                     const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, projectId, true);
    requireManage(request, row);
    JsonReader in(body);
    const QString name = nameField(in, QStringLiteral("name"), true);
    const QDate start = in.optionalDate(QStringLiteral("start_date")).value_or(QDate());
    const QDate end = in.optionalDate(QStringLiteral("end_date")).value_or(QDate());
    if (start.isValid() && end.isValid() && end < start)
        in.addError(QStringLiteral("end_date"), "before_start",
                    QStringLiteral("on or after the start date"));
    check(in);
    if (row.status == QLatin1String("closed"))
        throw ApiError::conflict(QStringLiteral("Project %1 is closed.").arg(projectId));
    const qint64 id = m_store.insertPhase(projectId, name, start, end);
    const QJsonObject out = m_store.phase(id, false)->json;
    audit(request, d, QStringLiteral("project_phase.create"), QStringLiteral("project_phase"), id,
          {}, out);
    tx.commit();
    return out;
}

QJsonObject ProjectService::updatePhase(const Request &request, qint64 id,
                                        const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto phase = m_store.phase(id, true);
    const ProjectRow row = editable(m_store, request, phase, "phase", id, body);
    JsonReader in(body);
    QVariantMap cols;
    if (in.has(QStringLiteral("name")))
        cols.insert(QStringLiteral("name"), nameField(in, QStringLiteral("name"), true));
    if (const auto s = in.optionalDate(QStringLiteral("start_date")))
        cols.insert(QStringLiteral("start_date"), *s);
    if (const auto e = in.optionalDate(QStringLiteral("end_date")))
        cols.insert(QStringLiteral("end_date"), *e);
    if (const auto st = in.optionalString(QStringLiteral("status"))) {
        if (*st != QLatin1String("open") && *st != QLatin1String("closed"))
            in.addError(QStringLiteral("status"), "invalid_value",
                        QStringLiteral("open or closed"));
        cols.insert(QStringLiteral("status"), *st);
    }
    check(in);
    try {
        m_store.updateChild(QStringLiteral("project_phases"), id, cols);
    } catch (const DbError &e) {
        if (!e.isCheckViolation())
            throw;
        throw ApiError::invalidField(QStringLiteral("end_date"), "before_start",
                                     QStringLiteral("on or after the start date"));
    }
    const QJsonObject after = m_store.phase(id, false)->json;
    audit(request, d, QStringLiteral("project_phase.update"), QStringLiteral("project_phase"), id,
          phase->json, after);
    tx.commit();
    return after;
}

QJsonObject ProjectService::addTask(const Request &request, qint64 projectId,
                                    const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, projectId, true);
    requireManage(request, row);
    JsonReader in(body);
    const QString name = nameField(in, QStringLiteral("name"), true);
    const QString hours = hoursField(in, QStringLiteral("budget_hours"), true).value_or("0");
    const bool billable = in.optionalBool(QStringLiteral("billable")).value_or(true);
    const qint64 phaseId = in.optionalInt64(QStringLiteral("phase_id")).value_or(0);
    const qint64 roleId = in.optionalInt64(QStringLiteral("job_role_id")).value_or(0);
    if (phaseId) {
        const auto ph = m_store.phase(phaseId, false);
        if (!ph || ph->projectId != projectId)
            in.addError(QStringLiteral("phase_id"), "unknown",
                        QStringLiteral("no phase of this project has this id"));
        else if (ph->state == QLatin1String("closed"))
            in.addError(QStringLiteral("phase_id"), "closed",
                        QStringLiteral("the phase is closed"));
    }
    if (roleId && !m_store.jobRoleExists(roleId))
        in.addError(QStringLiteral("job_role_id"), "unknown",
                    QStringLiteral("no job role has this id"));
    check(in);
    if (row.status == QLatin1String("closed"))
        throw ApiError::conflict(QStringLiteral("Project %1 is closed.").arg(projectId));
    const qint64 id = m_store.insertTask(projectId, phaseId, name, roleId, hours, billable);
    const QJsonObject out = m_store.task(id, false)->json;
    audit(request, d, QStringLiteral("project_task.create"), QStringLiteral("project_task"), id, {},
          out);
    tx.commit();
    return out;
}

QJsonObject ProjectService::updateTask(const Request &request, qint64 id,
                                       const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto task = m_store.task(id, true);
    const ProjectRow row = editable(m_store, request, task, "task", id, body);
    JsonReader in(body);
    QVariantMap cols;
    if (in.has(QStringLiteral("name")))
        cols.insert(QStringLiteral("name"), nameField(in, QStringLiteral("name"), true));
    if (const auto h = hoursField(in, QStringLiteral("budget_hours"), false))
        cols.insert(QStringLiteral("budget_hours"), *h);
    if (const auto h = hoursField(in, QStringLiteral("etc_hours"), false))
        cols.insert(QStringLiteral("etc_hours"), *h);
    if (const auto c = amountField(in, QStringLiteral("etc_cost"), false, row.currency, false))
        cols.insert(QStringLiteral("etc_cost"), *c);
    if (const auto b = in.optionalBool(QStringLiteral("billable")))
        cols.insert(QStringLiteral("billable"), *b);
    if (const auto st = in.optionalString(QStringLiteral("status"))) {
        if (*st != QLatin1String("open") && *st != QLatin1String("closed"))
            in.addError(QStringLiteral("status"), "invalid_value",
                        QStringLiteral("open or closed"));
        cols.insert(QStringLiteral("status"), *st);
        // A closed task has nothing left to do.
        if (*st == QLatin1String("closed")) {
            cols.insert(QStringLiteral("etc_hours"), QStringLiteral("0"));
            cols.insert(QStringLiteral("etc_cost"), QStringLiteral("0"));
        }
    }
    check(in);
    m_store.updateChild(QStringLiteral("project_tasks"), id, cols);
    const QJsonObject after = m_store.task(id, false)->json;
    audit(request, d, QStringLiteral("project_task.update"), QStringLiteral("project_task"), id,
          task->json, after);
    tx.commit();
    return after;
}

// --- milestones --------------------------------------------------------------------------------

QJsonObject ProjectService::addMilestone(const Request &request, qint64 projectId,
                                         const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, projectId, true);
    requireManage(request, row);
    JsonReader in(body);
    const QString name = nameField(in, QStringLiteral("name"), true);
    const auto amount = amountField(in, QStringLiteral("amount"), true, row.currency, false);
    const QDate planned = in.requiredDate(QStringLiteral("planned_date"));
    check(in);
    const qint64 id = m_store.insertMilestone(projectId, name, *amount, row.currency, planned);
    const QJsonObject out = m_store.milestone(id, false)->json;
    audit(request, d, QStringLiteral("project_milestone.create"),
          QStringLiteral("project_milestone"), id, {}, out);
    tx.commit();
    return out;
}

QJsonObject ProjectService::updateMilestone(const Request &request, qint64 id,
                                            const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto ms = m_store.milestone(id, true);
    const ProjectRow row = editable(m_store, request, ms, "milestone", id, body);
    JsonReader in(body);
    QVariantMap cols;
    if (in.has(QStringLiteral("name")))
        cols.insert(QStringLiteral("name"), nameField(in, QStringLiteral("name"), true));
    if (const auto a = amountField(in, QStringLiteral("amount"), false, row.currency, false))
        cols.insert(QStringLiteral("amount"), *a);
    if (const auto p = in.optionalDate(QStringLiteral("planned_date")))
        cols.insert(QStringLiteral("planned_date"), *p);
    check(in);
    if (ms->state != QLatin1String("pending"))
        throw ApiError::conflict(
            QStringLiteral("Milestone %1 is %2; only a pending milestone is edited.")
                .arg(id)
                .arg(ms->state));
    m_store.updateChild(QStringLiteral("project_milestones"), id, cols);
    const QJsonObject after = m_store.milestone(id, false)->json;
    audit(request, d, QStringLiteral("project_milestone.update"),
          QStringLiteral("project_milestone"), id, ms->json, after);
    tx.commit();
    return after;
}

QJsonObject ProjectService::transitionMilestone(const Request &request, qint64 id,
                                                const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto ms = m_store.milestone(id, true);
    if (!ms)
        throw ApiError::notFound(QStringLiteral("There is no milestone %1.").arg(id));
    const ProjectRow row = visibleProject(m_store, request, ms->projectId, false);
    JsonReader in(body);
    const QString action = in.requiredString(QStringLiteral("action"));
    const auto date = in.optionalDate(QStringLiteral("date"));
    check(in);
    static const QStringList actions{"complete", "accept", "bill"};
    if (!actions.contains(action))
        throw ApiError::invalidField(QStringLiteral("action"), "invalid_value",
                                     QStringLiteral("one of: complete, accept, bill"));
    // Completion is the PM's; client acceptance and billing readiness are recorded by the PM
    // or finance.
    if (action == QLatin1String("complete"))
        requireManage(request, row);
    else
        requireManageOrFinance(request, row);
    requireVersion(request, body, ms->version);
    const QString to = milestoneMachine().next(ms->state, action);
    const QDate when = date.value_or(QDate::currentDate());
    QVariantMap cols{{QStringLiteral("state"), to}};
    const qint64 user = request.caller().user.id;
    if (action == QLatin1String("complete")) {
        cols.insert(QStringLiteral("actual_date"), when);
        cols.insert(QStringLiteral("completed_by"), user);
    } else if (action == QLatin1String("accept")) {
        const QDate completed =
            QDate::fromString(ms->json.value("actual_date").toString(), Qt::ISODate);
        if (completed.isValid() && when < completed)
            throw ApiError::invalidField(QStringLiteral("date"), "before_completion",
                                         QStringLiteral("on or after the completion date"));
        cols.insert(QStringLiteral("accepted_date"), when);
        cols.insert(QStringLiteral("accepted_by"), user);
    } else {
        cols.insert(QStringLiteral("billable_by"), user);
    }
    m_store.updateChild(QStringLiteral("project_milestones"), id, cols);
    const QJsonObject after = m_store.milestone(id, false)->json;
    audit(request, d, QStringLiteral("project_milestone.") + action,
          QStringLiteral("project_milestone"), id, ms->json, after);
    tx.commit();
    return after;
}

// --- budget and estimate -----------------------------------------------------------------------

QJsonObject ProjectService::budgetVersions(const Request &request, qint64 projectId,
                                           const PageRequest &page) const
{
    visibleProject(m_store, request, projectId, false);
    QJsonObject out = page.page(m_store.budgetVersions(projectId, int(page.after), page.limit));
    out.insert("current_version", m_store.currentBudgetVersion(projectId));
    return out;
}

QJsonObject ProjectService::estimate(const Request &request, qint64 projectId) const
{
    visibleProject(m_store, request, projectId, false);
    QJsonObject out = m_store.estimate(projectId);
    out.insert("project_id", idToJson(projectId));
    return out;
}

// --- status reports ----------------------------------------------------------------------------

QJsonObject ProjectService::addStatusReport(const Request &request, qint64 projectId,
                                            const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow row = visibleProject(m_store, request, projectId, true);
    requireManage(request, row);
    JsonReader in(body);
    const QString period = in.requiredString(QStringLiteral("period"));
    const QString rag = in.requiredString(QStringLiteral("rag"));
    const QString narrative = nameField(in, QStringLiteral("narrative"), true, 20000);
    static const QRegularExpression periodRe(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    if (in.has(QStringLiteral("period")) && !periodRe.match(period).hasMatch())
        in.addError(QStringLiteral("period"), "invalid_value", QStringLiteral("YYYY-MM"));
    static const QStringList rags{"red", "amber", "green"};
    if (in.has(QStringLiteral("rag")) && !rags.contains(rag))
        in.addError(QStringLiteral("rag"), "invalid_value",
                    QStringLiteral("one of: red, amber, green"));
    check(in);
    const auto id =
        m_store.insertStatusReport(projectId, period, rag, narrative, request.caller().user.id);
    if (!id)
        throw ApiError::conflict(
            QStringLiteral("Project %1 has a status report for %2 already; edit that one.")
                .arg(projectId)
                .arg(period));
    const QJsonObject out = m_store.statusReport(*id, false)->json;
    audit(request, d, QStringLiteral("status_report.create"), QStringLiteral("status_report"), *id,
          {}, out);
    tx.commit();
    return out;
}

QJsonObject ProjectService::updateStatusReport(const Request &request, qint64 id,
                                               const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto report = m_store.statusReport(id, true);
    const ProjectRow row = editable(m_store, request, report, "status report", id, body);
    JsonReader in(body);
    QVariantMap cols;
    if (const auto rag = in.optionalString(QStringLiteral("rag"))) {
        static const QStringList rags{"red", "amber", "green"};
        if (!rags.contains(*rag))
            in.addError(QStringLiteral("rag"), "invalid_value",
                        QStringLiteral("one of: red, amber, green"));
        cols.insert(QStringLiteral("rag"), *rag);
    }
    if (in.has(QStringLiteral("narrative")))
        cols.insert(QStringLiteral("narrative"),
                    nameField(in, QStringLiteral("narrative"), true, 20000));
    if (body.contains(QStringLiteral("period")))
        in.addError(QStringLiteral("period"), "read_only",
                    QStringLiteral("a report stays in its period"));
    check(in);
    const QString period = report->json.value("period").toString();
    if (periodEnded(period))
        throw ApiError::conflict(
            QStringLiteral("The period %1 has ended; its status report is final.").arg(period));
    m_store.updateChild(QStringLiteral("project_status_reports"), id, cols);
    const QJsonObject after = m_store.statusReport(id, false)->json;
    audit(request, d, QStringLiteral("status_report.update"), QStringLiteral("status_report"), id,
          report->json, after);
    tx.commit();
    return after;
}

QJsonObject ProjectService::statusReports(const Request &request, qint64 projectId,
                                          const PageRequest &page) const
{
    visibleProject(m_store, request, projectId, false);
    return page.page(m_store.statusReports(projectId, page.after, page.limit));
}

} // namespace keel
