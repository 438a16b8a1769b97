#include "change_request_service.h"

#include "audit/audit_log.h"
#include "crm/contract_service.h"
#include "events/domain_events.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "money.h"
#include "project_access.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

namespace keel {

using namespace project_access;

namespace {

const QString kType = QStringLiteral("change_request");

const StateMachine &machine()
{
    static const StateMachine m{
        kType,
        {"submitted", "approved", "rejected"},
        QStringLiteral("submitted"),
        {{"submitted", "approve", "approved"}, {"submitted", "reject", "rejected"}}};
    return m;
}

int minorUnitsOf(const QString &currency)
{
    return Currency::fromCode(currency).valueOr(Currency()).minorUnits();
}

} // namespace

ChangeRequestService::ChangeRequestService(DbConfig config, const DomainEvents &events,
                                           WorkflowService &workflow)
    : m_store(config), m_contracts(config), m_events(events), m_workflow(workflow)
{}

void ChangeRequestService::registerStateMachines()
{
    StateMachineRegistry::add(machine());
}

void ChangeRequestService::registerApprovalHandlers(WorkflowService &workflow) const
{
    workflow.registerHandler(
        kType,
        {[this](QSqlDatabase, const Request &request, const QString &documentId) {
             approved(request, documentId.toLongLong());
         },
         [this](QSqlDatabase, const Request &request, const QString &documentId,
                const QString &comment) { rejected(request, documentId.toLongLong(), comment); }});
}

QJsonObject ChangeRequestService::submit(const Request &request, qint64 projectId,
                                         const QJsonObject &body) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const ProjectRow project = visibleProject(m_store, request, projectId, true);
    requireManage(request, project);
    if (project.status == QLatin1String("closed"))
        throw ApiError::conflict(QStringLiteral("Project %1 is closed.").arg(projectId));

    JsonReader in(body);
    const auto reasonText = in.requiredString(QStringLiteral("reason"));
    const QString reason = reasonText.trimmed();
    if (in.has(QStringLiteral("reason")) && reason.size() > 2000)
        in.addError(QStringLiteral("reason"), "invalid_value",
                    QStringLiteral("at most 2000 characters"));
    const QDate newStart = in.optionalDate(QStringLiteral("new_start_date")).value_or(QDate());
    const QDate newEnd = in.optionalDate(QStringLiteral("new_end_date")).value_or(QDate());
    const QDate start = newStart.isValid() ? newStart : project.startDate;
    const QDate end = newEnd.isValid() ? newEnd : project.endDate;
    if (end < start)
        in.addError(QStringLiteral("new_end_date"), "before_start",
                    QStringLiteral("the project would end before it starts"));
    const QJsonArray linesJson = in.requiredArray(QStringLiteral("lines"));
    if (in.has(QStringLiteral("lines")) && linesJson.isEmpty())
        in.addError(QStringLiteral("lines"), "required", QStringLiteral("at least one line"));

    const Currency currency = Currency::fromCode(project.currency).valueOr(Currency());
    QList<ChangeRequestLine> lines;
    Decimal totalHours;
    Money totalValue = Money::zero(currency);
    for (int i = 0; i < linesJson.size(); ++i) {
        JsonReader l = in.child(QStringLiteral("lines/%1").arg(i), linesJson[i].toObject());
        ChangeRequestLine line;
        line.jobRoleId = l.requiredInt64(QStringLiteral("job_role_id"));
        line.phaseId = l.optionalInt64(QStringLiteral("phase_id")).value_or(0);
        const Decimal hours = l.requiredDecimal(QStringLiteral("delta_hours"));
        const Money value = l.requiredMoney(QStringLiteral("delta_value"));
        if (l.ok()) {
            if (hours.rounded(2) != hours)
                l.addError(QStringLiteral("delta_hours"), "invalid_value",
                           QStringLiteral("at most 2 decimals"));
            if (value.currency().code() != project.currency)
                l.addError(QStringLiteral("delta_value"), "currency_mismatch",
                           QStringLiteral("the project's currency is %1").arg(project.currency));
            if (!m_store.jobRoleExists(line.jobRoleId))
                l.addError(QStringLiteral("job_role_id"), "unknown",
                           QStringLiteral("no job role has this id"));
            if (line.phaseId) {
                const auto ph = m_store.phase(line.phaseId, false);
                if (!ph || ph->projectId != projectId)
                    l.addError(QStringLiteral("phase_id"), "unknown",
                               QStringLiteral("no phase of this project has this id"));
            }
        }
        if (l.ok()) {
            // The budget may not go below zero hours for the role (× phase).
            const Decimal current =
                Decimal::parse(m_store.budgetHours(projectId, line.jobRoleId, line.phaseId))
                    .valueOr(Decimal());
            const auto after = current.add(hours);
            if (!after || after->isNegative())
                l.addError(
                    QStringLiteral("delta_hours"), "below_zero",
                    QStringLiteral("the budget has %1 h for this role").arg(current.toString()));
            const auto sumHours = totalHours.add(hours);
            const auto sumValue = totalValue.add(value);
            if (!sumHours || !sumValue)
                l.addError(QStringLiteral("delta_value"), "out_of_range",
                           QStringLiteral("too large"));
            else {
                totalHours = *sumHours;
                totalValue = *sumValue;
            }
        }
        in.addErrors(l.errors());
        line.deltaHours = hours.toString();
        line.deltaValue = value.toString();
        lines.append(line);
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    const qint64 id =
        m_store.insertChangeRequest(projectId, reason, totalValue.toString(), totalHours.toString(),
                                    newStart, newEnd, request.caller().user.id);
    for (int i = 0; i < lines.size(); ++i)
        m_store.insertChangeRequestLine(id, i + 1, lines[i],
                                        m_store.deltaCost(projectId, lines[i].jobRoleId,
                                                          lines[i].deltaHours,
                                                          minorUnitsOf(project.currency)));

    ApprovalSubject subject;
    subject.documentType = kType;
    subject.documentId = QString::number(id);
    subject.legalEntity = project.entity;
    subject.practice = project.practice;
    subject.submitterId = request.caller().user.id;
    subject.title = QStringLiteral("Change request %1 on %2").arg(id).arg(project.name);
    subject.facts = {{"amount", totalValue.abs().toString()}};
    const qint64 approvalId = m_workflow.submit(d, request, subject);
    m_store.setChangeRequest(
        id, {{QStringLiteral("approval_request_id"),
              approvalId ? QVariant(approvalId) : QVariant(QMetaType::fromType<qint64>())}});
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("change_request.submit"), kType,
                                        QString::number(id));
    audit.after = m_store.changeRequest(id, false)->json;
    appendAudit(d, audit);
    if (!approvalId) // no policy applies: approved as submitted
        approved(request, id);
    tx.commit();
    return m_store.changeRequest(id, false)->json;
}

void ChangeRequestService::approved(const Request &request, qint64 id) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto cr = m_store.changeRequest(id, true);
    if (!cr)
        throw ApiError::notFound(QStringLiteral("There is no change request %1.").arg(id));
    const QString to = machine().next(cr->state, QStringLiteral("approve"));
    const auto project = m_store.project(cr->projectId, true);
    int newVersion = 0;
    try {
        newVersion = m_store.rebaseline(cr->projectId, id, request.caller().user.id);
        m_store.applyChange(cr->projectId, id);
    } catch (const DbError &e) {
        if (!e.isCheckViolation())
            throw;
        throw ApiError::conflict(
            QStringLiteral("Change request %1 no longer fits the project's budget or dates (an "
                           "earlier change reduced them); reject it and submit a new one.")
                .arg(id));
    }
    m_store.setChangeRequest(id, {{QStringLiteral("status"), to},
                                  {QStringLiteral("budget_version"), newVersion},
                                  {QStringLiteral("decided_at"), QDateTime::currentDateTimeUtc()}});
    const QJsonObject after = m_store.changeRequest(id, false)->json;
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("change_request.approve"), kType,
                                        QString::number(id));
    audit.before = cr->json;
    audit.after = after;
    appendAudit(d, audit);
    QSqlQuery c = db::query(d, QStringLiteral("SELECT contract_id FROM projects WHERE id = ?"),
                            {cr->projectId});
    c.next();
    if (!c.value(0).isNull()) {
        const QJsonObject dv = after.value("delta_value").toObject();
        const auto delta =
            Money::parse(dv.value("amount").toString(), dv.value("currency").toString());
        if (!delta)
            throw ApiError::conflict(
                QStringLiteral("Change request %1 has no usable delta value.").arg(id));
        ContractService::amendFromChangeRequest(m_contracts, request, c.value(0).toLongLong(),
                                                *delta,
                                                QStringLiteral("Change request %1: %2")
                                                    .arg(id)
                                                    .arg(cr->json.value("reason").toString()),
                                                QStringLiteral("change_request:%1").arg(id));
    }
    m_events.publish(
        d, request,
        {QStringLiteral("project.change_approved"),
         {{"project_id", idToJson(cr->projectId)},
          {"change_request_id", idToJson(id)},
          {"contract_id", c.value(0).isNull() ? QJsonValue() : idToJson(c.value(0).toLongLong())},
          {"delta_value", after.value("delta_value")},
          {"budget_version", newVersion}}});
    Q_UNUSED(project);
    tx.commit();
}

void ChangeRequestService::rejected(const Request &request, qint64 id, const QString &comment) const
{
    QSqlDatabase d = m_store.db();
    db::Transaction tx(d);
    const auto cr = m_store.changeRequest(id, true);
    if (!cr)
        throw ApiError::notFound(QStringLiteral("There is no change request %1.").arg(id));
    const QString to = machine().next(cr->state, QStringLiteral("reject"));
    m_store.setChangeRequest(id, {{QStringLiteral("status"), to},
                                  {QStringLiteral("decision_comment"), comment},
                                  {QStringLiteral("decided_at"), QDateTime::currentDateTimeUtc()}});
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("change_request.reject"), kType,
                                        QString::number(id));
    audit.before = cr->json;
    audit.after = m_store.changeRequest(id, false)->json;
    appendAudit(d, audit);
    tx.commit();
}

QJsonObject ChangeRequestService::get(const Request &request, qint64 id) const
{
    const auto cr = m_store.changeRequest(id, false);
    if (!cr)
        throw ApiError::notFound(QStringLiteral("There is no change request %1.").arg(id));
    const auto project = m_store.project(cr->projectId, false);
    if (!project || !mayRead(request.caller(), project->entity))
        throw ApiError::notFound(QStringLiteral("There is no change request %1.").arg(id));
    QJsonObject out = cr->json;
    if (const auto st = m_workflow.stateOf(m_store.db(), kType, QString::number(id))) {
        QJsonArray steps;
        for (const ApprovalStep &s : st->steps)
            steps.append(QJsonObject{{"order", s.order}, {"role", s.role}, {"reason", s.reason}});
        out.insert("approval", QJsonObject{{"id", idToJson(st->requestId)},
                                           {"status", st->status},
                                           {"current_step", st->currentStep},
                                           {"current_role", st->currentRole},
                                           {"steps", steps}});
    }
    return out;
}

QJsonObject ChangeRequestService::list(const Request &request, qint64 projectId,
                                       const PageRequest &page) const
{
    visibleProject(m_store, request, projectId, false);
    return page.page(m_store.changeRequests(projectId, page.after, page.limit));
}

} // namespace keel
