#include "delivery_store.h"

#include "project_values.h"

#include <QSqlQuery>

namespace keel {

using namespace delivery_values;

namespace {

const QString kProjectColumns = QStringLiteral(
    "SELECT p.id, le.code, p.account_id, a.name, p.contract_id, c.number, pr.code, "
    "p.project_manager_id, p.name, p.currency, p.start_date, p.end_date, p.status, p.version, "
    "p.created_at, trim_scale(p.approved_change_value)::text, p.offering_id "
    "FROM projects p JOIN legal_entities le ON le.id = p.legal_entity_id "
    "JOIN accounts a ON a.id = p.account_id LEFT JOIN contracts c ON c.id = p.contract_id "
    "LEFT JOIN practices pr ON pr.id = p.practice_id ");

QJsonObject projectFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"legal_entity", q.value(1).toString()},
            {"account_id", idToJson(q.value(2).toLongLong())},
            {"account_name", q.value(3).toString()},
            {"contract_id", optId(q.value(4))},
            {"contract_number", q.value(5).isNull() ? QJsonValue() : q.value(5).toString()},
            {"practice", q.value(6).isNull() ? QJsonValue() : q.value(6).toString()},
            {"project_manager_id", optId(q.value(7))},
            {"name", q.value(8).toString()},
            {"currency", q.value(9).toString()},
            {"start_date", dateToJson(q.value(10).toDate())},
            {"end_date", dateToJson(q.value(11).toDate())},
            {"status", q.value(12).toString()},
            {"version", q.value(13).toInt()},
            {"created_at", instantToJson(q.value(14).toDateTime())},
            // What approved change requests added to (or took from) the project's value.
            {"approved_change_value", money(q.value(15), q.value(9).toString())},
            {"offering_id", optId(q.value(16))}};
}

QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items)
        quoted.append(
            u'"' + s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")) +
            u'"');
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace

QSqlDatabase DeliveryStore::db() const
{
    return db::connection(m_config);
}

std::optional<HandoverContract> DeliveryStore::contract(qint64 contractId, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT c.id, c.status, le.code, c.currency, c.contract_version "
                       "FROM contracts c JOIN legal_entities le ON le.id = c.legal_entity_id "
                       "WHERE c.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF c") : QString()),
        {contractId});
    if (!q.next())
        return std::nullopt;
    return HandoverContract{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toInt()};
}

std::optional<qint64> DeliveryStore::projectOfContract(qint64 contractId) const
{
    QSqlQuery q = db::query(db(), QStringLiteral("SELECT id FROM projects WHERE contract_id = ?"),
                            {contractId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<qint64> DeliveryStore::insertProject(qint64 contractId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO projects (legal_entity_id, account_id, contract_id, "
                       "practice_id, project_manager_id, name, currency, start_date, end_date) "
                       "SELECT legal_entity_id, account_id, id, practice_id, project_manager_id, "
                       "left(coalesce(number || ' ', '') || title, 200), currency, start_date, "
                       "end_date FROM contracts WHERE id = ? "
                       "ON CONFLICT (contract_id) WHERE contract_id IS NOT NULL DO NOTHING "
                       "RETURNING id"),
        {contractId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 DeliveryStore::insertPhase(qint64 projectId, qint64 contractId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_phases (project_id, seq, name, start_date, end_date) "
                       "SELECT ?, 1, coalesce(o.name, 'Delivery'), c.start_date, c.end_date "
                       "FROM contracts c LEFT JOIN offerings o ON o.id = c.offering_id "
                       "WHERE c.id = ? RETURNING id"),
        {projectId, contractId});
    q.next();
    return q.value(0).toLongLong();
}

qint64 DeliveryStore::insertBudgetVersion(qint64 projectId, const QString &reason,
                                          int contractVersion) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_budget_versions (project_id, budget_version, reason, "
                       "contract_version) SELECT ?, coalesce(max(budget_version), 0) + 1, ?, ? "
                       "FROM project_budget_versions WHERE project_id = ? RETURNING id"),
        {projectId, reason, contractVersion, projectId});
    q.next();
    return q.value(0).toLongLong();
}

void DeliveryStore::insertBudgetLines(qint64 budgetVersionId, qint64 contractId, qint64 phaseId,
                                      int minorUnits) const
{
    // Hours and revenue as sold; cost as quoted, else hours × the role's standard cost for the
    // entity and currency at the contract start, rounded per line at the currency's minor unit.
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO project_budget_lines (budget_version_id, job_role_id, phase_id, hours, "
            "cost, revenue) "
            "SELECT ?, l.job_role_id, ?, sum(l.hours), "
            "sum(coalesce(l.cost_amount, round(l.hours * coalesce((SELECT jc.hourly_cost "
            "FROM job_role_costs jc WHERE jc.job_role_id = l.job_role_id "
            "AND jc.legal_entity_id = c.legal_entity_id AND jc.currency = c.currency "
            "AND jc.valid_from <= c.start_date AND (jc.valid_to IS NULL OR jc.valid_to >= "
            "c.start_date)), 0), ?))), sum(l.value) "
            "FROM contract_lines l JOIN contracts c ON c.id = l.contract_id "
            "WHERE l.contract_id = ? AND l.job_role_id IS NOT NULL AND l.hours IS NOT NULL "
            "GROUP BY l.job_role_id"),
        {budgetVersionId, nullableId(phaseId), minorUnits, contractId});
}

void DeliveryStore::insertTasks(qint64 projectId, qint64 phaseId, qint64 budgetVersionId,
                                qint64 contractId) const
{
    // One task per role: the sold hours, or the offering template's standard effort for roles
    // the contract does not name.
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO project_tasks (project_id, phase_id, seq, name, job_role_id, "
                  "budget_hours) "
                  "SELECT ?, ?, row_number() OVER (ORDER BY jr.sort_order, jr.id), jr.name, jr.id, "
                  "coalesce(b.hours, e.hours, 0) "
                  "FROM (SELECT job_role_id, sum(hours) AS hours FROM project_budget_lines "
                  "WHERE budget_version_id = ? GROUP BY job_role_id) b "
                  "FULL JOIN (SELECT oe.job_role_id, oe.hours FROM offering_effort oe "
                  "JOIN contracts c ON c.offering_id = oe.offering_id WHERE c.id = ?) e "
                  "ON e.job_role_id = b.job_role_id "
                  "JOIN job_roles jr ON jr.id = coalesce(b.job_role_id, e.job_role_id)"),
              {projectId, phaseId, budgetVersionId, contractId});
}

void DeliveryStore::insertMilestones(qint64 projectId, qint64 contractId) const
{
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO project_milestones (project_id, contract_line_id, seq, name, amount, "
            "currency, planned_date) "
            "SELECT ?, i.line_id, (SELECT coalesce(max(seq), 0) FROM project_milestones "
            "WHERE project_id = ?) + row_number() OVER (ORDER BY l.line_no, i.seq), "
            "left(i.name, 200), i.amount, c.currency, i.due_date "
            "FROM contract_line_items i JOIN contract_lines l ON l.id = i.line_id "
            "JOIN contracts c ON c.id = l.contract_id "
            "WHERE i.contract_id = ? AND i.kind = 'milestone' AND NOT EXISTS (SELECT 1 FROM "
            "project_milestones m WHERE m.project_id = ? AND m.contract_line_id = i.line_id)"),
        {projectId, projectId, contractId, projectId});
}

void DeliveryStore::insertTemplateMilestones(qint64 projectId, qint64 contractId) const
{
    // The offering's standard milestones, when the contract bills none of its own: what was
    // sold is what gets planned. They carry no amount (billing follows the contract's lines).
    db::query(
        db(),
        QStringLiteral("INSERT INTO project_milestones (project_id, seq, name, amount, currency, "
                       "planned_date) SELECT p.id, m.seq, m.name, 0, p.currency, "
                       "least(p.end_date, p.start_date + 7 * m.week_offset) "
                       "FROM projects p JOIN contracts c ON c.id = p.contract_id "
                       "JOIN offering_milestones m ON m.offering_id = c.offering_id "
                       "WHERE p.id = ? AND c.id = ? AND NOT EXISTS (SELECT 1 FROM "
                       "project_milestones x WHERE x.project_id = p.id)"),
        {projectId, contractId});
}

void DeliveryStore::insertBillingRules(qint64 projectId, qint64 contractId) const
{
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO project_billing_rules (project_id, contract_line_id, billing_model, "
            "reference, value) "
            "SELECT ?, l.id, l.billing_model, coalesce(c.number, 'contract ' || c.id) || '/' || "
            "l.line_no, l.value FROM contract_lines l JOIN contracts c ON c.id = l.contract_id "
            "WHERE l.contract_id = ? AND NOT EXISTS (SELECT 1 FROM project_billing_rules r "
            "WHERE r.project_id = ? AND r.contract_line_id = l.id)"),
        {projectId, contractId, projectId});
}

void DeliveryStore::insertResourceRequests(qint64 projectId) const
{
    // Hard demand per role over the project's dates: the task hours spread evenly per week.
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO resource_requests (legal_entity_id, project_id, job_role_id, "
            "hours_per_week, total_hours, start_date, end_date, skills) "
            "SELECT p.legal_entity_id, p.id, t.job_role_id, greatest(0.01, round(t.budget_hours "
            "/ greatest(1, ceil((p.end_date - p.start_date + 1) / 7.0)), 2)), t.budget_hours, "
            "p.start_date, p.end_date, coalesce(o.required_skills, '{}') "
            "FROM project_tasks t JOIN projects p ON p.id = t.project_id "
            "LEFT JOIN contracts c ON c.id = p.contract_id "
            "LEFT JOIN opportunities o ON o.id = c.opportunity_id "
            "WHERE t.project_id = ? AND t.job_role_id IS NOT NULL AND t.budget_hours > 0"),
        {projectId});
}

int DeliveryStore::latestBudgetVersion(qint64 projectId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT coalesce(max(budget_version), 0) FROM "
                                           "project_budget_versions WHERE project_id = ?"),
                            {projectId});
    q.next();
    return q.value(0).toInt();
}

std::optional<qint64> DeliveryStore::firstPhase(qint64 projectId) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT id FROM project_phases WHERE project_id = ? ORDER BY seq "
                                 "LIMIT 1"),
                  {projectId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<QPair<QJsonObject, QString>> DeliveryStore::project(qint64 id) const
{
    QSqlQuery q = db::query(db(), kProjectColumns + QStringLiteral("WHERE p.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return QPair<QJsonObject, QString>{projectFrom(q), q.value(1).toString()};
}

QJsonArray DeliveryStore::list(const ProjectFilter &f, qint64 after, int limit) const
{
    QString sql = kProjectColumns + QStringLiteral("WHERE p.id > ? ");
    QVariantList binds{after};
    if (!f.entities.contains(QStringLiteral("*"))) {
        sql += QStringLiteral("AND le.code = ANY (?::text[]) ");
        binds.append(textArray(f.entities));
    }
    if (f.onlyFromContracts)
        sql += QStringLiteral("AND p.contract_id IS NOT NULL ");
    if (!f.status.isEmpty()) {
        sql += QStringLiteral("AND p.status = ? ");
        binds.append(f.status);
    }
    if (f.contractId) {
        sql += QStringLiteral("AND p.contract_id = ? ");
        binds.append(f.contractId);
    }
    if (f.accountId) {
        sql += QStringLiteral("AND p.account_id = ? ");
        binds.append(f.accountId);
    }
    if (f.projectManagerId) {
        sql += QStringLiteral("AND p.project_manager_id = ? ");
        binds.append(f.projectManagerId);
    }
    sql += QStringLiteral("ORDER BY p.id LIMIT ?");
    binds.append(limit);
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(projectFrom(q));
    return out;
}

QJsonArray DeliveryStore::phases(qint64 projectId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, seq, name, start_date, end_date, version, "
                                           "status FROM project_phases WHERE project_id = ? "
                                           "ORDER BY seq"),
                            {projectId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"seq", q.value(1).toInt()},
                               {"name", q.value(2).toString()},
                               {"start_date", dateToJson(q.value(3).toDate())},
                               {"end_date", dateToJson(q.value(4).toDate())},
                               {"version", q.value(5).toInt()},
                               {"status", q.value(6).toString()}});
    return out;
}

QJsonArray DeliveryStore::tasks(qint64 projectId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT id, phase_id, seq, name, job_role_id, trim_scale(budget_hours)::text, "
            "billable, version, status, trim_scale(etc_hours)::text, "
            "trim_scale(actual_hours)::text, trim_scale(actual_cost)::text, "
            "trim_scale(etc_cost)::text, (SELECT currency FROM projects WHERE id = ?) "
            "FROM project_tasks "
            "WHERE project_id = ? ORDER BY seq"),
        {projectId, projectId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"phase_id", optId(q.value(1))},
                               {"seq", q.value(2).toInt()},
                               {"name", q.value(3).toString()},
                               {"job_role_id", optId(q.value(4))},
                               {"budget_hours", q.value(5).toString()},
                               {"billable", q.value(6).toBool()},
                               {"version", q.value(7).toInt()},
                               {"status", q.value(8).toString()},
                               {"etc_hours", q.value(9).toString()},
                               {"actual_hours", q.value(10).toString()},
                               {"actual_cost", money(q.value(11), q.value(13).toString())},
                               {"etc_cost", money(q.value(12), q.value(13).toString())}});
    return out;
}

QJsonArray DeliveryStore::milestones(qint64 projectId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT id, contract_line_id, seq, name, trim_scale(amount)::text, "
                       "currency, planned_date, actual_date, state, version "
                       "FROM project_milestones WHERE project_id = ? ORDER BY seq"),
        {projectId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"contract_line_id", optId(q.value(1))},
                               {"seq", q.value(2).toInt()},
                               {"name", q.value(3).toString()},
                               {"amount", money(q.value(4), q.value(5).toString())},
                               {"planned_date", dateToJson(q.value(6).toDate())},
                               {"actual_date", dateToJson(q.value(7).toDate())},
                               {"state", q.value(8).toString()},
                               {"version", q.value(9).toInt()}});
    return out;
}

QJsonObject DeliveryStore::budget(qint64 projectId) const
{
    QSqlQuery v = db::query(
        db(),
        QStringLiteral("SELECT v.id, v.budget_version, v.reason, v.contract_version, p.currency "
                       "FROM project_budget_versions v JOIN projects p ON p.id = v.project_id "
                       "WHERE v.project_id = ? ORDER BY v.budget_version DESC LIMIT 1"),
        {projectId});
    if (!v.next())
        return {};
    const QString currency = v.value(4).toString();
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT b.job_role_id, j.code, j.name, b.phase_id, "
                       "trim_scale(b.hours)::text, trim_scale(b.cost)::text, "
                       "trim_scale(b.revenue)::text FROM project_budget_lines b "
                       "JOIN job_roles j ON j.id = b.job_role_id WHERE b.budget_version_id = ? "
                       "ORDER BY j.sort_order, j.id"),
        {v.value(0).toLongLong()});
    QJsonArray lines;
    while (q.next())
        lines.append(QJsonObject{{"job_role_id", idToJson(q.value(0).toLongLong())},
                                 {"job_role", q.value(1).toString()},
                                 {"job_role_name", q.value(2).toString()},
                                 {"phase_id", optId(q.value(3))},
                                 {"hours", q.value(4).toString()},
                                 {"cost", money(q.value(5), currency)},
                                 {"revenue", money(q.value(6), currency)}});
    return {{"budget_version", v.value(1).toInt()},
            {"reason", v.value(2).toString()},
            {"contract_version", v.value(3).isNull() ? QJsonValue() : v.value(3).toInt()},
            {"lines", lines}};
}

QJsonArray DeliveryStore::billingRules(qint64 projectId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT r.id, r.contract_line_id, r.billing_model, r.reference, "
                       "trim_scale(r.value)::text, p.currency FROM project_billing_rules r "
                       "JOIN projects p ON p.id = r.project_id WHERE r.project_id = ? "
                       "ORDER BY r.id"),
        {projectId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"contract_line_id", optId(q.value(1))},
                               {"billing_model", q.value(2).toString()},
                               {"reference", q.value(3).toString()},
                               {"value", money(q.value(4), q.value(5).toString())}});
    return out;
}

QJsonArray DeliveryStore::resourceRequests(qint64 projectId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT r.id, r.job_role_id, j.code, trim_scale(r.hours_per_week)::text, "
                       "trim_scale(r.total_hours)::text, r.start_date, r.end_date, "
                       "array_to_string(r.skills, ','), r.kind, r.status, r.version "
                       "FROM resource_requests r JOIN job_roles j ON j.id = r.job_role_id "
                       "WHERE r.project_id = ? ORDER BY r.id"),
        {projectId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"job_role_id", idToJson(q.value(1).toLongLong())},
                               {"job_role", q.value(2).toString()},
                               {"hours_per_week", q.value(3).toString()},
                               {"total_hours", q.value(4).toString()},
                               {"start_date", dateToJson(q.value(5).toDate())},
                               {"end_date", dateToJson(q.value(6).toDate())},
                               {"skills", QJsonArray::fromStringList(q.value(7).toString().split(
                                              u',', Qt::SkipEmptyParts))},
                               {"kind", q.value(8).toString()},
                               {"status", q.value(9).toString()},
                               {"version", q.value(10).toInt()}});
    return out;
}

} // namespace keel
