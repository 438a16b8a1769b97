#include "workflow_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "roles.h"
#include "state_machine.h"
#include "workflow_store.h"

#include <QRegularExpression>

namespace keel {

namespace ws = workflow_store;

namespace {

const QStringList kOperators{">", ">=", "<", "<="};

bool isFactName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    return re.match(s).hasMatch();
}

// A fact of the subject as an exact decimal; 422 (field facts/<name>) when missing or not one.
Decimal factValue(const ApprovalSubject &subject, const QString &name)
{
    const QJsonValue v = subject.facts.value(name);
    const QString field = QStringLiteral("facts/") + name;
    if (!v.isString())
        throw ApiError::invalidField(
            field, v.isUndefined() || v.isNull() ? "required" : "invalid_type",
            QStringLiteral("an approval policy for %1 needs the fact \"%2\" as a decimal string")
                .arg(subject.documentType, name));
    const auto d = Decimal::parse(v.toString());
    if (!d)
        throw ApiError::invalidField(field, "invalid_value",
                                     QStringLiteral("\"%1\" is not a decimal with at most 6 "
                                                    "places")
                                         .arg(v.toString()));
    return d.value();
}

bool holds(const Decimal &a, const QString &op, const Decimal &b)
{
    if (op == QLatin1String(">"))
        return a > b;
    if (op == QLatin1String(">="))
        return a >= b;
    if (op == QLatin1String("<"))
        return a < b;
    return a <= b;
}

bool holdsRoleFor(const Principal &p, const QString &role, const QString &entity)
{
    for (const RoleGrant &g : p.user.roles)
        if (g.role == role && (g.legalEntity.isEmpty() || g.legalEntity == entity))
            return true;
    return false;
}

QStringList grantKeys(const Principal &p)
{
    QStringList keys;
    for (const RoleGrant &g : p.user.roles)
        keys.append(g.role + u'@' +
                    (g.legalEntity.isEmpty() ? QStringLiteral("*") : g.legalEntity));
    return keys;
}

QJsonObject requestSummaryJson(const RequestRow &r)
{
    return {{"id", idToJson(r.id)},
            {"document_type", r.documentType},
            {"document_id", r.documentId},
            {"legal_entity", r.legalEntity},
            {"practice", r.practice.isEmpty() ? QJsonValue() : QJsonValue(r.practice)},
            {"title", r.title},
            {"facts", r.facts},
            {"submitter",
             QJsonObject{{"id", idToJson(r.submitterId)}, {"display_name", r.submitterName}}},
            {"submitted_at", instantToJson(r.submittedAt)},
            {"status", r.status},
            {"current_step", r.currentStep},
            {"decided_at", instantToJson(r.decidedAt)},
            {"version", r.version}};
}

QJsonObject stepJson(const StepRow &s)
{
    QJsonObject o{{"order", s.order},
                  {"role", s.role},
                  {"reason", s.reason},
                  {"status", s.status},
                  {"same_practice", s.samePractice}};
    if (s.decidedBy > 0) {
        o.insert("decision",
                 QJsonObject{{"by", QJsonObject{{"id", idToJson(s.decidedBy)},
                                                {"display_name", s.decidedByName}}},
                             {"at", instantToJson(s.decidedAt)},
                             {"comment", s.comment.isEmpty() ? QJsonValue() : s.comment}});
    }
    return o;
}

} // namespace

WorkflowService::WorkflowService(DbConfig config) : m_config(std::move(config)) {}

QSqlDatabase WorkflowService::db() const
{
    return db::connection(m_config);
}

void WorkflowService::registerHandler(const QString &documentType, ApprovalHandler handler)
{
    QWriteLocker lock(&m_handlersLock);
    m_handlers.insert(documentType, std::move(handler));
}

QList<ApprovalStep> WorkflowService::requiredApprovals(QSqlDatabase db,
                                                       const ApprovalSubject &subject) const
{
    const auto entityId = ws::legalEntityId(db, subject.legalEntity);
    if (!entityId)
        throw ApiError::invalidField(
            QStringLiteral("legal_entity"), "unknown",
            QStringLiteral("no legal entity has the code \"%1\"").arg(subject.legalEntity));
    qint64 practiceId = 0;
    if (!subject.practice.isEmpty()) {
        const auto p = ws::practiceId(db, subject.practice);
        if (!p)
            throw ApiError::invalidField(
                QStringLiteral("practice"), "unknown",
                QStringLiteral("no practice has the code \"%1\"").arg(subject.practice));
        practiceId = *p;
    }
    QList<ApprovalStep> chain;
    for (const PolicyRow &p :
         ws::matchingPolicies(db, subject.documentType, *entityId, practiceId)) {
        const Decimal left = factValue(subject, p.fact);
        const Decimal right =
            p.thresholdValue ? *p.thresholdValue : factValue(subject, p.thresholdFact);
        if (!holds(left, p.op, right))
            continue;
        const QString why =
            QStringLiteral("%1: %2 %3 %4 %5")
                .arg(p.name, p.fact, left.toString(), p.op,
                     p.thresholdValue
                         ? right.toString()
                         : QStringLiteral("%1 %2").arg(p.thresholdFact, right.toString()));
        for (const QString &role : p.roles) {
            auto it = std::find_if(chain.begin(), chain.end(),
                                   [&](const ApprovalStep &s) { return s.role == role; });
            if (it == chain.end()) {
                chain.append({int(chain.size()) + 1, role, why, p.samePractice});
            } else {
                if (!it->reason.contains(why))
                    it->reason += QStringLiteral("; ") + why;
                it->samePractice = it->samePractice || p.samePractice;
            }
        }
    }
    return chain;
}

qint64 WorkflowService::submit(QSqlDatabase db, const Request &request,
                               const ApprovalSubject &subject) const
{
    const QList<ApprovalStep> chain = requiredApprovals(db, subject);
    if (chain.isEmpty())
        return 0;
    RequestRow r;
    r.documentType = subject.documentType;
    r.documentId = subject.documentId;
    r.legalEntityId = *ws::legalEntityId(db, subject.legalEntity);
    r.practice = subject.practice;
    r.submitterId = subject.submitterId;
    r.title = subject.title;
    r.facts = subject.facts;
    if (const auto open = ws::latestRequest(db, subject.documentType, subject.documentId);
        open && open->status == QLatin1String("pending"))
        throw ApiError::conflict(
            QStringLiteral("This %1 is already waiting for approval.").arg(subject.documentType));
    qint64 id = 0;
    try {
        // A savepoint keeps the caller's transaction usable when the unique index refuses.
        db::exec(db, QStringLiteral("SAVEPOINT approval_submit"));
        id = ws::insertRequest(db, r);
        db::exec(db, QStringLiteral("RELEASE SAVEPOINT approval_submit"));
    } catch (const DbError &e) {
        if (!e.isUniqueViolation())
            throw;
        db::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT approval_submit"));
        throw ApiError::conflict(
            QStringLiteral("This %1 is already waiting for approval.").arg(subject.documentType));
    }
    QJsonArray stepsJson;
    for (const ApprovalStep &s : chain) {
        ws::insertStep(db, id, s.order, s.role, s.reason, s.samePractice);
        stepsJson.append(QJsonObject{{"order", s.order},
                                     {"role", s.role},
                                     {"reason", s.reason},
                                     {"same_practice", s.samePractice}});
    }
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("approval.submit"),
                                        QStringLiteral("approval_request"), QString::number(id));
    audit.after = {{"document_type", subject.documentType},
                   {"document_id", subject.documentId},
                   {"legal_entity", subject.legalEntity},
                   {"submitter_id", idToJson(subject.submitterId)},
                   {"facts", subject.facts},
                   {"steps", stepsJson},
                   {"status", "pending"}};
    appendAudit(db, audit);
    return id;
}

std::optional<ApprovalState> WorkflowService::stateOf(QSqlDatabase db, const QString &documentType,
                                                      const QString &documentId) const
{
    const auto r = ws::latestRequest(db, documentType, documentId);
    if (!r)
        return std::nullopt;
    ApprovalState s;
    s.requestId = r->id;
    s.status = r->status;
    s.currentStep = r->currentStep;
    s.submittedAt = r->submittedAt;
    s.decidedAt = r->decidedAt;
    for (const StepRow &row : ws::steps(db, r->id)) {
        s.steps.append({row.order, row.role, row.reason, row.samePractice});
        if (row.order == r->currentStep)
            s.currentRole = row.role;
    }
    return s;
}

QJsonObject WorkflowService::approve(const Request &request, qint64 id,
                                     const QString &comment) const
{
    return decide(request, id, true, comment);
}

QJsonObject WorkflowService::reject(const Request &request, qint64 id, const QString &comment) const
{
    return decide(request, id, false, comment);
}

QJsonObject WorkflowService::decide(const Request &request, qint64 id, bool approve,
                                    const QString &comment) const
{
    const Principal &caller = request.caller();
    QSqlDatabase d = db();
    db::Transaction tx(d);
    const auto r = ws::request(d, id, true);
    if (!r)
        throw ApiError::notFound(QStringLiteral("There is no approval request %1.").arg(id));
    const QString text = comment.trimmed();
    if (!approve && text.isEmpty())
        throw ApiError::invalidField(QStringLiteral("comment"), "required",
                                     QStringLiteral("say why the request is rejected"));
    if (r->status != QLatin1String("pending"))
        throw ApiError::conflict(
            QStringLiteral("Approval request %1 was already %2; it cannot be decided again.")
                .arg(id)
                .arg(r->status));
    if (r->submitterId == caller.user.id)
        throw ApiError::forbidden(QStringLiteral("You submitted this %1 yourself; someone else "
                                                 "must approve or reject it.")
                                      .arg(r->documentType));
    const QList<StepRow> steps = ws::steps(d, id);
    const auto current = std::find_if(steps.begin(), steps.end(),
                                      [&](const StepRow &s) { return s.order == r->currentStep; });
    Q_ASSERT(current != steps.end());
    if (!holdsRoleFor(caller, current->role, r->legalEntity))
        throw ApiError::forbidden(
            QStringLiteral("Step %1 of this approval needs the role %2 for legal entity %3.")
                .arg(current->order)
                .arg(current->role, r->legalEntity));
    if (current->samePractice) {
        const QString mine = ws::userPractice(d, caller.user.id);
        if (r->practice.isEmpty() || mine != r->practice)
            throw ApiError::forbidden(
                QStringLiteral("Step %1 of this approval needs a %2 of practice %3; you are %4.")
                    .arg(current->order)
                    .arg(current->role,
                         r->practice.isEmpty() ? QStringLiteral("(none)") : r->practice,
                         mine.isEmpty() ? QStringLiteral("in no practice")
                                        : QStringLiteral("in practice %1").arg(mine)));
    }

    const bool last = current->order == steps.size();
    const QString stepStatus = approve ? QStringLiteral("approved") : QStringLiteral("rejected");
    ws::decideStep(d, id, current->order, stepStatus, caller.user.id, text);
    QString newStatus = QStringLiteral("pending");
    if (!approve) {
        ws::skipStepsAfter(d, id, current->order);
        ws::finish(d, id, QStringLiteral("rejected"));
        newStatus = QStringLiteral("rejected");
    } else if (last) {
        ws::finish(d, id, QStringLiteral("approved"));
        newStatus = QStringLiteral("approved");
    } else {
        ws::advance(d, id, current->order + 1);
    }

    AuditEntry audit = AuditEntry::from(
        request, approve ? QStringLiteral("approval.approve") : QStringLiteral("approval.reject"),
        QStringLiteral("approval_request"), QString::number(id));
    audit.before = {{"status", r->status}, {"current_step", r->currentStep}};
    audit.after = {{"status", newStatus},
                   {"current_step", newStatus == QLatin1String("pending") ? current->order + 1 : 0},
                   {"step", current->order},
                   {"role", current->role},
                   {"decision", stepStatus},
                   {"comment", text.isEmpty() ? QJsonValue() : QJsonValue(text)},
                   {"document_type", r->documentType},
                   {"document_id", r->documentId}};
    appendAudit(d, audit);

    ApprovalHandler handler;
    {
        QReadLocker lock(&m_handlersLock);
        handler = m_handlers.value(r->documentType);
    }
    {
        if (newStatus == QLatin1String("approved") && handler.approved)
            handler.approved(d, request, r->documentId);
        else if (newStatus == QLatin1String("rejected") && handler.rejected)
            handler.rejected(d, request, r->documentId, text);
    }
    tx.commit();
    return requestJson(request, id);
}

QJsonObject WorkflowService::requestJson(const Request &request, qint64 id) const
{
    QSqlDatabase d = db();
    const auto r = ws::request(d, id, false);
    const QString missing = QStringLiteral("There is no approval request %1.").arg(id);
    if (!r)
        throw ApiError::notFound(missing);
    const Principal &caller = request.caller();
    const QList<StepRow> steps = ws::steps(d, id);
    bool mayRead = r->submitterId == caller.user.id || caller.can(Permission::WorkflowManage);
    for (const StepRow &s : steps)
        mayRead = mayRead || holdsRoleFor(caller, s.role, r->legalEntity);
    if (!mayRead)
        throw ApiError::notFound(missing); // do not reveal other entities' documents
    QJsonObject o = requestSummaryJson(*r);
    QJsonArray arr;
    QString currentRole;
    bool currentSamePractice = false;
    for (const StepRow &s : steps) {
        arr.append(stepJson(s));
        if (s.order == r->currentStep) {
            currentRole = s.role;
            currentSamePractice = s.samePractice;
        }
    }
    o.insert("steps", arr);
    o.insert("current_role", currentRole.isEmpty() ? QJsonValue() : QJsonValue(currentRole));
    o.insert("can_decide",
             r->status == QLatin1String("pending") && r->submitterId != caller.user.id &&
                 holdsRoleFor(caller, currentRole, r->legalEntity) &&
                 (!currentSamePractice ||
                  (!r->practice.isEmpty() && ws::userPractice(d, caller.user.id) == r->practice)));
    return o;
}

QJsonObject WorkflowService::inbox(const Request &request, qint64 after, int limit) const
{
    const Principal &caller = request.caller();
    QStringList roles;
    const QList<RequestRow> rows =
        ws::inbox(db(), caller.user.id, grantKeys(caller), after, limit,
                  request.query.queryItemValue(QStringLiteral("document_type")), &roles);
    QJsonArray items;
    for (int i = 0; i < rows.size(); ++i) {
        QJsonObject o = requestSummaryJson(rows[i]);
        o.insert("step_role", roles[i]);
        items.append(o);
    }
    PageRequest p;
    p.after = after;
    p.limit = limit;
    return p.page(items);
}

int WorkflowService::inboxCount(const Request &request) const
{
    return ws::inboxCount(db(), request.caller().user.id, grantKeys(request.caller()));
}

// --- policies --------------------------------------------------------------------------

namespace {

PolicyRow policyFromBody(QSqlDatabase db, const QJsonObject &body)
{
    JsonReader in(body);
    PolicyRow p;
    p.documentType = in.requiredString(QStringLiteral("document_type"));
    if (!p.documentType.isEmpty() && !StateMachineRegistry::get(p.documentType))
        in.addError(
            QStringLiteral("document_type"), "unknown",
            QStringLiteral("no document type \"%1\" has a state machine").arg(p.documentType));
    p.name = in.requiredString(QStringLiteral("name")).trimmed();
    if (p.name.size() > 200)
        in.addError(QStringLiteral("name"), "too_long", QStringLiteral("at most 200 characters"));
    const QJsonObject cond = in.requiredObject(QStringLiteral("condition"));
    if (in.has(QStringLiteral("condition"))) {
        JsonReader c = in.child(QStringLiteral("condition"), cond);
        p.fact = c.requiredString(QStringLiteral("fact"));
        if (!p.fact.isEmpty() && !isFactName(p.fact))
            c.addError(QStringLiteral("fact"), "invalid_value",
                       QStringLiteral("a fact name: lower-case letters, digits, underscores"));
        p.op = c.requiredString(QStringLiteral("operator"));
        if (!p.op.isEmpty() && !kOperators.contains(p.op))
            c.addError(QStringLiteral("operator"), "invalid_value",
                       QStringLiteral("one of: > >= < <="));
        const QString threshold = c.requiredString(QStringLiteral("threshold"));
        if (!threshold.isEmpty()) {
            if (const auto d = Decimal::parse(threshold))
                p.thresholdValue = d.value();
            else if (isFactName(threshold))
                p.thresholdFact = threshold;
            else
                c.addError(QStringLiteral("threshold"), "invalid_value",
                           QStringLiteral("a decimal number (at most 6 places) or a fact name"));
        }
        in.addErrors(c.errors());
    }
    const QJsonArray roles = in.requiredArray(QStringLiteral("approver_roles"));
    if (in.has(QStringLiteral("approver_roles"))) {
        if (roles.isEmpty())
            in.addError(QStringLiteral("approver_roles"), "required",
                        QStringLiteral("at least one approver role"));
        for (int i = 0; i < roles.size(); ++i) {
            const QString role = roles[i].toString();
            const QString field = QStringLiteral("approver_roles/%1").arg(i);
            if (!isKnownRole(role))
                in.addError(
                    field, "unknown",
                    QStringLiteral("one of: %1").arg(allRoles().join(QStringLiteral(", "))));
            else if (p.roles.contains(role))
                in.addError(field, "duplicate", QStringLiteral("each role once"));
            else
                p.roles.append(role);
        }
    }
    if (const auto e = in.optionalString(QStringLiteral("legal_entity")); e && !e->isEmpty()) {
        p.legalEntity = *e;
        if (const auto id = ws::legalEntityId(db, *e))
            p.legalEntityId = *id;
        else
            in.addError(QStringLiteral("legal_entity"), "unknown",
                        QStringLiteral("no legal entity has this code"));
    }
    if (const auto pr = in.optionalString(QStringLiteral("practice")); pr && !pr->isEmpty()) {
        p.practice = *pr;
        if (const auto id = ws::practiceId(db, *pr))
            p.practiceId = *id;
        else
            in.addError(QStringLiteral("practice"), "unknown",
                        QStringLiteral("no practice has this code"));
    }
    if (const auto prio = in.optionalInt64(QStringLiteral("priority"))) {
        if (*prio < 0 || *prio > 1000000)
            in.addError(QStringLiteral("priority"), "out_of_range",
                        QStringLiteral("0 to 1000000; lower comes first in the chain"));
        p.priority = int(*prio);
    }
    p.active = in.optionalBool(QStringLiteral("active")).value_or(true);
    p.samePractice = in.optionalBool(QStringLiteral("same_practice")).value_or(false);
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    return p;
}

} // namespace

QJsonObject WorkflowService::listPolicies(qint64 after, int limit,
                                          const QString &documentType) const
{
    QJsonArray items;
    for (const PolicyRow &p : ws::listPolicies(db(), after, limit, documentType))
        items.append(p.toJson());
    PageRequest page;
    page.after = after;
    page.limit = limit;
    return page.page(items);
}

QJsonObject WorkflowService::createPolicy(const Request &request, const QJsonObject &body) const
{
    QSqlDatabase d = db();
    const PolicyRow p = policyFromBody(d, body);
    db::Transaction tx(d);
    const qint64 id = ws::insertPolicy(d, p);
    const PolicyRow saved = *ws::policy(d, id, false);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("approval_policy.create"),
                                        QStringLiteral("approval_policy"), QString::number(id));
    audit.after = saved.toJson();
    appendAudit(d, audit);
    tx.commit();
    return saved.toJson();
}

QJsonObject WorkflowService::updatePolicy(const Request &request, qint64 id,
                                          const QJsonObject &body) const
{
    QSqlDatabase d = db();
    db::Transaction tx(d);
    const auto before = ws::policy(d, id, true);
    if (!before)
        throw ApiError::notFound(QStringLiteral("There is no approval policy %1.").arg(id));
    requireVersion(request, body, before->version);
    PolicyRow p = policyFromBody(d, body);
    p.id = id;
    ws::updatePolicy(d, p);
    const PolicyRow saved = *ws::policy(d, id, false);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("approval_policy.update"),
                                        QStringLiteral("approval_policy"), QString::number(id));
    audit.before = before->toJson();
    audit.after = saved.toJson();
    appendAudit(d, audit);
    tx.commit();
    return saved.toJson();
}

void WorkflowService::deletePolicy(const Request &request, qint64 id) const
{
    QSqlDatabase d = db();
    db::Transaction tx(d);
    const auto before = ws::policy(d, id, true);
    if (!before)
        throw ApiError::notFound(QStringLiteral("There is no approval policy %1.").arg(id));
    ws::deletePolicy(d, id);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("approval_policy.delete"),
                                        QStringLiteral("approval_policy"), QString::number(id));
    audit.before = before->toJson();
    appendAudit(d, audit);
    tx.commit();
}

} // namespace keel
