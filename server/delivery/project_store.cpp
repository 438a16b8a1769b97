#include "project_store.h"

#include "project_values.h"

#include <QSqlQuery>

namespace keel {

using namespace delivery_values;

namespace {

QVariant nullableDate(const QDate &d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

QString text(const QVariant &v)
{
    return v.toString();
}

const QString kPhase = QStringLiteral(
    "SELECT id, project_id, status, version, seq, name, start_date, end_date FROM project_phases ");
ChildRow phaseFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toInt(),
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"project_id", idToJson(q.value(1).toLongLong())},
                        {"status", q.value(2).toString()},
                        {"version", q.value(3).toInt()},
                        {"seq", q.value(4).toInt()},
                        {"name", q.value(5).toString()},
                        {"start_date", dateToJson(q.value(6).toDate())},
                        {"end_date", dateToJson(q.value(7).toDate())}}};
}

const QString kTask = QStringLiteral(
    "SELECT t.id, t.project_id, t.status, t.version, t.seq, t.name, t.phase_id, t.job_role_id, "
    "trim_scale(t.budget_hours)::text, t.billable, trim_scale(t.actual_hours)::text, "
    "trim_scale(t.actual_cost)::text, trim_scale(t.etc_hours)::text, trim_scale(t.etc_cost)::text, "
    "p.currency "
    "FROM project_tasks t JOIN projects p ON p.id = t.project_id ");
ChildRow taskFrom(const QSqlQuery &q)
{
    const QString cur = q.value(14).toString();
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toInt(),
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"project_id", idToJson(q.value(1).toLongLong())},
                        {"status", q.value(2).toString()},
                        {"version", q.value(3).toInt()},
                        {"seq", q.value(4).toInt()},
                        {"name", q.value(5).toString()},
                        {"phase_id", optId(q.value(6))},
                        {"job_role_id", optId(q.value(7))},
                        {"budget_hours", text(q.value(8))},
                        {"billable", q.value(9).toBool()},
                        {"actual_hours", text(q.value(10))},
                        {"actual_cost", money(q.value(11), cur)},
                        {"etc_hours", text(q.value(12))},
                        {"etc_cost", money(q.value(13), cur)}}};
}

const QString kMilestone = QStringLiteral(
    "SELECT id, project_id, state, version, seq, name, trim_scale(amount)::text, currency, "
    "planned_date, actual_date, accepted_date, contract_line_id FROM project_milestones ");
ChildRow milestoneFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toInt(),
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"project_id", idToJson(q.value(1).toLongLong())},
                        {"state", q.value(2).toString()},
                        {"version", q.value(3).toInt()},
                        {"seq", q.value(4).toInt()},
                        {"name", q.value(5).toString()},
                        {"amount", money(q.value(6), q.value(7).toString())},
                        {"planned_date", dateToJson(q.value(8).toDate())},
                        {"actual_date", dateToJson(q.value(9).toDate())},
                        {"accepted_date", dateToJson(q.value(10).toDate())},
                        {"contract_line_id", optId(q.value(11))}}};
}

const QString kReport = QStringLiteral(
    "SELECT r.id, r.project_id, '', r.version, r.period, r.rag, r.narrative, r.created_by, "
    "r.created_at, r.updated_at FROM project_status_reports r ");
ChildRow reportFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), QString(), q.value(3).toInt(),
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"project_id", idToJson(q.value(1).toLongLong())},
                        {"version", q.value(3).toInt()},
                        {"period", q.value(4).toString()},
                        {"rag", q.value(5).toString()},
                        {"narrative", q.value(6).toString()},
                        {"created_by", optId(q.value(7))},
                        {"created_at", instantToJson(q.value(8).toDateTime())},
                        {"updated_at", instantToJson(q.value(9).toDateTime())}}};
}

const QString kChange =
    QStringLiteral("SELECT c.id, c.project_id, c.status, c.version, c.seq, c.reason, c.currency, "
                   "trim_scale(c.delta_value)::text, trim_scale(c.delta_hours)::text, "
                   "c.new_start_date, c.new_end_date, "
                   "c.approval_request_id, c.decision_comment, c.budget_version, c.submitted_by, "
                   "c.submitted_at, c.decided_at FROM project_change_requests c ");
ChildRow changeFrom(const QSqlQuery &q)
{
    const QString cur = q.value(6).toString();
    return {
        q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toInt(),
        QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                    {"project_id", idToJson(q.value(1).toLongLong())},
                    {"status", q.value(2).toString()},
                    {"version", q.value(3).toInt()},
                    {"seq", q.value(4).toInt()},
                    {"reason", q.value(5).toString()},
                    {"delta_value", money(q.value(7), cur)},
                    {"delta_hours", text(q.value(8))},
                    {"new_start_date", dateToJson(q.value(9).toDate())},
                    {"new_end_date", dateToJson(q.value(10).toDate())},
                    {"approval_request_id", optId(q.value(11))},
                    {"decision_comment",
                     q.value(12).isNull() ? QJsonValue() : QJsonValue(q.value(12).toString())},
                    {"budget_version", q.value(13).isNull() ? QJsonValue() : q.value(13).toInt()},
                    {"submitted_by", optId(q.value(14))},
                    {"submitted_at", instantToJson(q.value(15).toDateTime())},
                    {"decided_at", instantToJson(q.value(16).toDateTime())}}};
}

template <typename F>
std::optional<ChildRow> one(QSqlDatabase db, const QString &select, const QString &alias, qint64 id,
                            bool lock, F from)
{
    QSqlQuery q = db::query(db,
                            select + QStringLiteral("WHERE %1id = ?").arg(alias) +
                                (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return from(q);
}

void updateColumns(QSqlDatabase db, const QString &table, qint64 id, const QVariantMap &columns,
                   const QString &extra)
{
    QStringList sets;
    QVariantList binds;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        sets.append(it.key() + QStringLiteral(" = ?"));
        binds.append(it.value());
    }
    sets.append(QStringLiteral("version = version + 1"));
    if (!extra.isEmpty())
        sets.append(extra);
    binds.append(id);
    db::query(db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets.join(u", ")),
              binds);
}

} // namespace

QSqlDatabase ProjectStore::db() const
{
    return db::connection(m_config);
}

std::optional<qint64> ProjectStore::entityId(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<qint64> ProjectStore::practiceId(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM practices WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<QPair<qint64, QString>> ProjectStore::account(qint64 id) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT legal_entity_id, billing_currency FROM accounts WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return QPair<qint64, QString>{q.value(0).toLongLong(), q.value(1).toString()};
}

bool ProjectStore::offeringExists(qint64 id) const
{
    return db::query(db(), QStringLiteral("SELECT 1 FROM offerings WHERE id = ?"), {id}).next();
}

bool ProjectStore::jobRoleExists(qint64 id) const
{
    return db::query(db(), QStringLiteral("SELECT 1 FROM job_roles WHERE id = ?"), {id}).next();
}

bool ProjectStore::userHoldsRole(qint64 userId, const QString &role, qint64 entityId) const
{
    return db::query(db(),
                     QStringLiteral("SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id "
                                    "WHERE r.user_id = ? AND r.role = ? AND u.active AND "
                                    "(r.legal_entity_id IS NULL OR r.legal_entity_id = ?)"),
                     {userId, role, entityId})
        .next();
}

std::optional<ProjectRow> ProjectStore::project(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT p.id, le.code, p.legal_entity_id, p.project_manager_id, pr.code, "
                       "p.name, p.currency, p.status, p.start_date, p.end_date, p.version "
                       "FROM projects p JOIN legal_entities le ON le.id = p.legal_entity_id "
                       "LEFT JOIN practices pr ON pr.id = p.practice_id WHERE p.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF p") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    return ProjectRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                      q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                      q.value(6).toString(),   q.value(7).toString(), q.value(8).toDate(),
                      q.value(9).toDate(),     q.value(10).toInt()};
}

qint64 ProjectStore::insertProject(const NewProject &p) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO projects (legal_entity_id, account_id, practice_id, "
                       "project_manager_id, offering_id, name, currency, start_date, end_date, "
                       "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {p.legalEntityId, p.accountId, nullableId(p.practiceId), nullableId(p.projectManagerId),
         nullableId(p.offeringId), p.name, p.currency, p.startDate, p.endDate,
         nullableId(p.createdBy)});
    q.next();
    return q.value(0).toLongLong();
}

void ProjectStore::applyOfferingTemplate(qint64 projectId, qint64 offeringId, int minorUnits) const
{
    QSqlQuery ph = db::query(
        db(),
        QStringLiteral("INSERT INTO project_phases (project_id, seq, name, start_date, end_date) "
                       "SELECT p.id, 1, o.name, p.start_date, p.end_date FROM projects p, "
                       "offerings o WHERE p.id = ? AND o.id = ? RETURNING id"),
        {projectId, offeringId});
    ph.next();
    const qint64 phaseId = ph.value(0).toLongLong();
    db::query(db(),
              QStringLiteral("INSERT INTO project_tasks (project_id, phase_id, seq, name, "
                             "job_role_id, budget_hours) SELECT ?, ?, row_number() OVER "
                             "(ORDER BY jr.sort_order, jr.id), jr.name, jr.id, e.hours "
                             "FROM offering_effort e JOIN job_roles jr ON jr.id = e.job_role_id "
                             "WHERE e.offering_id = ?"),
              {projectId, phaseId, offeringId});
    db::query(db(),
              QStringLiteral("INSERT INTO project_milestones (project_id, seq, name, amount, "
                             "currency, planned_date) SELECT p.id, m.seq, m.name, 0, p.currency, "
                             "least(p.end_date, p.start_date + 7 * m.week_offset) "
                             "FROM offering_milestones m, projects p WHERE m.offering_id = ? "
                             "AND p.id = ?"),
              {offeringId, projectId});
    QSqlQuery v = db::query(db(),
                            QStringLiteral("INSERT INTO project_budget_versions (project_id, "
                                           "budget_version, reason, created_by) SELECT id, 1, "
                                           "'template', created_by FROM projects WHERE id = ? "
                                           "RETURNING id"),
                            {projectId});
    v.next();
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO project_budget_lines (budget_version_id, job_role_id, phase_id, "
                  "hours, cost, revenue) SELECT ?, e.job_role_id, ?, e.hours, "
                  "round(e.hours * coalesce((SELECT jc.hourly_cost FROM job_role_costs jc "
                  "WHERE jc.job_role_id = e.job_role_id AND jc.legal_entity_id = "
                  "p.legal_entity_id AND jc.currency = p.currency AND jc.valid_from <= "
                  "p.start_date AND (jc.valid_to IS NULL OR jc.valid_to >= p.start_date)), 0), "
                  "?), round(e.hours * coalesce((SELECT rr.hourly_rate FROM rate_card_rates rr "
                  "WHERE rr.job_role_id = e.job_role_id AND rr.legal_entity_id = "
                  "p.legal_entity_id AND rr.currency = p.currency AND rr.valid_from <= "
                  "p.start_date AND (rr.valid_to IS NULL OR rr.valid_to >= p.start_date)), 0), "
                  "?) FROM offering_effort e, projects p WHERE e.offering_id = ? AND p.id = ?"),
              {v.value(0).toLongLong(), phaseId, minorUnits, minorUnits, offeringId, projectId});
}

void ProjectStore::insertEmptyBudget(qint64 projectId, qint64 userId) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO project_budget_versions (project_id, budget_version, "
                             "reason, created_by) VALUES (?, 1, 'initial', ?)"),
              {projectId, nullableId(userId)});
}

void ProjectStore::updateProject(qint64 id, const QVariantMap &columns) const
{
    updateColumns(db(), QStringLiteral("projects"), id, columns,
                  QStringLiteral("updated_at = now()"));
}

std::optional<ChildRow> ProjectStore::phase(qint64 id, bool lock) const
{
    return one(db(), kPhase, QString(), id, lock, phaseFrom);
}

std::optional<ChildRow> ProjectStore::task(qint64 id, bool lock) const
{
    return one(db(), kTask, QStringLiteral("t."), id, lock, taskFrom);
}

std::optional<ChildRow> ProjectStore::milestone(qint64 id, bool lock) const
{
    return one(db(), kMilestone, QString(), id, lock, milestoneFrom);
}

std::optional<ChildRow> ProjectStore::statusReport(qint64 id, bool lock) const
{
    return one(db(), kReport, QStringLiteral("r."), id, lock, reportFrom);
}

qint64 ProjectStore::insertPhase(qint64 projectId, const QString &name, const QDate &start,
                                 const QDate &end) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_phases (project_id, seq, name, start_date, end_date) "
                       "SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM project_phases "
                       "WHERE project_id = ? RETURNING id"),
        {projectId, name, nullableDate(start), nullableDate(end), projectId});
    q.next();
    return q.value(0).toLongLong();
}

qint64 ProjectStore::insertTask(qint64 projectId, qint64 phaseId, const QString &name,
                                qint64 jobRoleId, const QString &budgetHours, bool billable) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_tasks (project_id, phase_id, seq, name, job_role_id, "
                       "budget_hours, billable) SELECT ?, ?, coalesce(max(seq), 0) + 1, ?, ?, "
                       "?::numeric, ? FROM project_tasks WHERE project_id = ? RETURNING id"),
        {projectId, nullableId(phaseId), name, nullableId(jobRoleId), budgetHours, billable,
         projectId});
    q.next();
    return q.value(0).toLongLong();
}

qint64 ProjectStore::insertMilestone(qint64 projectId, const QString &name, const QString &amount,
                                     const QString &currency, const QDate &planned) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_milestones (project_id, seq, name, amount, currency, "
                       "planned_date) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?::numeric, ?, ? "
                       "FROM project_milestones WHERE project_id = ? RETURNING id"),
        {projectId, name, amount, currency, planned, projectId});
    q.next();
    return q.value(0).toLongLong();
}

void ProjectStore::updateChild(const QString &table, qint64 id, const QVariantMap &columns) const
{
    updateColumns(db(), table, id, columns,
                  table == QLatin1String("project_status_reports")
                      ? QStringLiteral("updated_at = now()")
                      : QString());
}

QJsonArray ProjectStore::budgetVersions(qint64 projectId, int after, int limit) const
{
    QSqlQuery v = db::query(
        db(),
        QStringLiteral("SELECT v.id, v.budget_version, v.reason, v.contract_version, "
                       "v.change_request_id, v.created_at, p.currency "
                       "FROM project_budget_versions v JOIN projects p ON p.id = v.project_id "
                       "WHERE v.project_id = ? AND v.budget_version > ? "
                       "ORDER BY v.budget_version LIMIT ?"),
        {projectId, after, limit});
    QJsonArray out;
    while (v.next()) {
        const QString currency = v.value(6).toString();
        QSqlQuery q = db::query(
            db(),
            QStringLiteral(
                "SELECT b.job_role_id, j.code, b.phase_id, trim_scale(b.hours)::text, "
                "trim_scale(b.cost)::text, trim_scale(b.revenue)::text FROM project_budget_lines b "
                "JOIN job_roles j ON j.id = b.job_role_id WHERE b.budget_version_id "
                "= ? ORDER BY j.sort_order, j.id, b.phase_id NULLS FIRST"),
            {v.value(0).toLongLong()});
        QJsonArray lines;
        while (q.next())
            lines.append(QJsonObject{{"job_role_id", idToJson(q.value(0).toLongLong())},
                                     {"job_role", q.value(1).toString()},
                                     {"phase_id", optId(q.value(2))},
                                     {"hours", q.value(3).toString()},
                                     {"cost", money(q.value(4), currency)},
                                     {"revenue", money(q.value(5), currency)}});
        out.append(QJsonObject{
            {"budget_version", v.value(1).toInt()},
            {"reason", v.value(2).toString()},
            {"contract_version", v.value(3).isNull() ? QJsonValue() : v.value(3).toInt()},
            {"change_request_id", optId(v.value(4))},
            {"created_at", instantToJson(v.value(5).toDateTime())},
            {"lines", lines}});
    }
    return out;
}

int ProjectStore::currentBudgetVersion(qint64 projectId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT coalesce(max(budget_version), 0) FROM "
                                           "project_budget_versions WHERE project_id = ?"),
                            {projectId});
    q.next();
    return q.value(0).toInt();
}

QString ProjectStore::budgetHours(qint64 projectId, qint64 jobRoleId, qint64 phaseId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT coalesce(sum(b.hours), 0)::text FROM project_budget_lines b "
                       "JOIN project_budget_versions v ON v.id = b.budget_version_id "
                       "WHERE v.project_id = ? AND v.budget_version = (SELECT max(budget_version) "
                       "FROM project_budget_versions WHERE project_id = ?) AND b.job_role_id = ? "
                       "AND b.phase_id IS NOT DISTINCT FROM ?"),
        {projectId, projectId, jobRoleId, nullableId(phaseId)});
    q.next();
    return q.value(0).toString();
}

QJsonObject ProjectStore::estimate(qint64 projectId) const
{
    // EAC = actual + estimate to complete; percent complete = actual / EAC, per task and in
    // total, rounded once to 2 decimals in SQL numeric. NULL percent when EAC is 0.
    const QString cur = project(projectId, false)->currency;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT id, name, status, trim_scale(budget_hours)::text, "
            "trim_scale(actual_hours)::text, trim_scale(actual_cost)::text, "
            "trim_scale(etc_hours)::text, "
            "trim_scale(etc_cost)::text, trim_scale(actual_hours + etc_hours)::text, "
            "trim_scale(actual_cost + etc_cost)::text, "
            "trim_scale(round(100 * actual_hours / nullif(actual_hours + etc_hours, 0), 2))::text, "
            "trim_scale(round(100 * actual_cost / nullif(actual_cost + etc_cost, 0), 2))::text "
            "FROM project_tasks WHERE project_id = ? ORDER BY seq"),
        {projectId});
    const auto pct = [](const QVariant &v) {
        return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
    };
    QJsonArray tasks;
    while (q.next())
        tasks.append(QJsonObject{{"task_id", idToJson(q.value(0).toLongLong())},
                                 {"name", q.value(1).toString()},
                                 {"status", q.value(2).toString()},
                                 {"budget_hours", q.value(3).toString()},
                                 {"actual_hours", q.value(4).toString()},
                                 {"actual_cost", money(q.value(5), cur)},
                                 {"etc_hours", q.value(6).toString()},
                                 {"etc_cost", money(q.value(7), cur)},
                                 {"eac_hours", q.value(8).toString()},
                                 {"eac_cost", money(q.value(9), cur)},
                                 {"percent_complete_effort", pct(q.value(10))},
                                 {"percent_complete_cost", pct(q.value(11))}});
    QSqlQuery t = db::query(
        db(),
        QStringLiteral(
            "WITH t AS (SELECT coalesce(sum(budget_hours), 0) AS bh, "
            "coalesce(sum(actual_hours), 0) AS ah, coalesce(sum(actual_cost), 0) AS ac, "
            "coalesce(sum(etc_hours), 0) AS eh, coalesce(sum(etc_cost), 0) AS ec "
            "FROM project_tasks WHERE project_id = ?), "
            "b AS (SELECT coalesce(sum(l.hours), 0) AS hours, coalesce(sum(l.cost), 0) AS cost "
            "FROM project_budget_lines l JOIN project_budget_versions v ON v.id = "
            "l.budget_version_id WHERE v.project_id = ? AND v.budget_version = (SELECT "
            "max(budget_version) FROM project_budget_versions WHERE project_id = ?)) "
            "SELECT trim_scale(bh)::text, trim_scale(ah)::text, trim_scale(ac)::text, "
            "trim_scale(eh)::text, "
            "trim_scale(ec)::text, trim_scale(ah + eh)::text, trim_scale(ac + ec)::text, "
            "trim_scale(round(100 * ah / nullif(ah + eh, 0), 2))::text, "
            "trim_scale(round(100 * ac / nullif(ac + ec, 0), 2))::text, "
            "trim_scale(b.hours)::text, trim_scale(b.cost)::text, trim_scale(b.cost - ac - "
            "ec)::text FROM t, b"),
        {projectId, projectId, projectId});
    t.next();
    return {{"tasks", tasks},
            {"totals", QJsonObject{{"budget_hours", t.value(0).toString()},
                                   {"actual_hours", t.value(1).toString()},
                                   {"actual_cost", money(t.value(2), cur)},
                                   {"etc_hours", t.value(3).toString()},
                                   {"etc_cost", money(t.value(4), cur)},
                                   {"eac_hours", t.value(5).toString()},
                                   {"eac_cost", money(t.value(6), cur)},
                                   {"percent_complete_effort", pct(t.value(7))},
                                   {"percent_complete_cost", pct(t.value(8))},
                                   {"baseline_hours", t.value(9).toString()},
                                   {"baseline_cost", money(t.value(10), cur)},
                                   {"cost_variance", money(t.value(11), cur)}}}};
}

std::optional<qint64> ProjectStore::insertStatusReport(qint64 projectId, const QString &period,
                                                       const QString &rag, const QString &narrative,
                                                       qint64 userId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_status_reports (project_id, period, rag, narrative, "
                       "created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, period) "
                       "DO NOTHING RETURNING id"),
        {projectId, period, rag, narrative, nullableId(userId)});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QJsonArray ProjectStore::statusReports(qint64 projectId, qint64 after, int limit) const
{
    QSqlQuery q = db::query(
        db(), kReport + QStringLiteral("WHERE r.project_id = ? AND r.id > ? ORDER BY r.id LIMIT ?"),
        {projectId, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(reportFrom(q).json);
    return out;
}

QString ProjectStore::deltaCost(qint64 projectId, qint64 jobRoleId, const QString &hours,
                                int minorUnits) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT round(?::numeric * coalesce((SELECT jc.hourly_cost FROM "
                       "job_role_costs jc WHERE jc.job_role_id = ? AND jc.legal_entity_id = "
                       "p.legal_entity_id AND jc.currency = p.currency AND jc.valid_from <= "
                       "current_date AND (jc.valid_to IS NULL OR jc.valid_to >= current_date)), "
                       "0), ?)::text FROM projects p WHERE p.id = ?"),
        {hours, jobRoleId, minorUnits, projectId});
    q.next();
    return q.value(0).toString();
}

qint64 ProjectStore::insertChangeRequest(qint64 projectId, const QString &reason,
                                         const QString &deltaValue, const QString &deltaHours,
                                         const QDate &newStart, const QDate &newEnd,
                                         qint64 userId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO project_change_requests (project_id, legal_entity_id, seq, "
                       "reason, currency, delta_value, delta_hours, new_start_date, "
                       "new_end_date, submitted_by) SELECT p.id, p.legal_entity_id, "
                       "(SELECT coalesce(max(seq), 0) + 1 FROM project_change_requests WHERE "
                       "project_id = p.id), ?, p.currency, ?::numeric, ?::numeric, ?, ?, ? "
                       "FROM projects p WHERE p.id = ? RETURNING id"),
        {reason, deltaValue, deltaHours, nullableDate(newStart), nullableDate(newEnd), userId,
         projectId});
    q.next();
    return q.value(0).toLongLong();
}

void ProjectStore::insertChangeRequestLine(qint64 changeRequestId, int lineNo,
                                           const ChangeRequestLine &l,
                                           const QString &deltaCost) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO project_change_request_lines (change_request_id, "
                             "line_no, job_role_id, phase_id, delta_hours, delta_cost, "
                             "delta_value) VALUES (?, ?, ?, ?, ?::numeric, ?::numeric, "
                             "?::numeric)"),
              {changeRequestId, lineNo, l.jobRoleId, nullableId(l.phaseId), l.deltaHours, deltaCost,
               l.deltaValue});
}

std::optional<ChildRow> ProjectStore::changeRequest(qint64 id, bool lock) const
{
    auto row = one(db(), kChange, QStringLiteral("c."), id, lock, changeFrom);
    if (!row)
        return row;
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT l.line_no, l.job_role_id, j.code, l.phase_id, "
                       "trim_scale(l.delta_hours)::text, trim_scale(l.delta_cost)::text, "
                       "trim_scale(l.delta_value)::text, "
                       "c.currency FROM project_change_request_lines l JOIN job_roles j ON j.id = "
                       "l.job_role_id JOIN project_change_requests c ON c.id = "
                       "l.change_request_id WHERE l.change_request_id = ? ORDER BY l.line_no"),
        {id});
    QJsonArray lines;
    while (q.next())
        lines.append(QJsonObject{{"line_no", q.value(0).toInt()},
                                 {"job_role_id", idToJson(q.value(1).toLongLong())},
                                 {"job_role", q.value(2).toString()},
                                 {"phase_id", optId(q.value(3))},
                                 {"delta_hours", q.value(4).toString()},
                                 {"delta_cost", money(q.value(5), q.value(7).toString())},
                                 {"delta_value", money(q.value(6), q.value(7).toString())}});
    row->json.insert("lines", lines);
    return row;
}

QJsonArray ProjectStore::changeRequests(qint64 projectId, qint64 after, int limit) const
{
    QSqlQuery q = db::query(
        db(), kChange + QStringLiteral("WHERE c.project_id = ? AND c.id > ? ORDER BY c.id LIMIT ?"),
        {projectId, after, limit});
    QJsonArray out;
    while (q.next())
        out.append(changeFrom(q).json);
    return out;
}

void ProjectStore::setChangeRequest(qint64 id, const QVariantMap &columns) const
{
    updateColumns(db(), QStringLiteral("project_change_requests"), id, columns, QString());
}

void ProjectStore::applyChange(qint64 projectId, qint64 changeRequestId) const
{
    db::query(db(),
              QStringLiteral("UPDATE projects p SET approved_change_value = approved_change_value "
                             "+ c.delta_value, start_date = coalesce(c.new_start_date, "
                             "p.start_date), end_date = coalesce(c.new_end_date, p.end_date), "
                             "version = p.version + 1, updated_at = now() "
                             "FROM project_change_requests c WHERE c.id = ? AND p.id = ?"),
              {changeRequestId, projectId});
}

int ProjectStore::rebaseline(qint64 projectId, qint64 changeRequestId, qint64 userId) const
{
    QSqlQuery v = db::query(
        db(),
        QStringLiteral("INSERT INTO project_budget_versions (project_id, budget_version, reason, "
                       "change_request_id, created_by) SELECT ?, coalesce(max(budget_version), "
                       "0) + 1, 'change request ' || (SELECT seq FROM project_change_requests "
                       "WHERE id = ?), ?, ? FROM project_budget_versions WHERE project_id = ? "
                       "RETURNING id, budget_version"),
        {projectId, changeRequestId, changeRequestId, nullableId(userId), projectId});
    v.next();
    const qint64 newId = v.value(0).toLongLong();
    const int newVersion = v.value(1).toInt();
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO project_budget_lines (budget_version_id, job_role_id, phase_id, hours, "
            "cost, revenue) SELECT ?, job_role_id, phase_id, sum(hours), sum(cost), sum(revenue) "
            "FROM (SELECT b.job_role_id, b.phase_id, b.hours, b.cost, b.revenue "
            "FROM project_budget_lines b JOIN project_budget_versions pv ON pv.id = "
            "b.budget_version_id WHERE pv.project_id = ? AND pv.budget_version = ? "
            "UNION ALL SELECT job_role_id, phase_id, delta_hours, delta_cost, delta_value "
            "FROM project_change_request_lines WHERE change_request_id = ?) x "
            "GROUP BY job_role_id, phase_id"),
        {newId, projectId, newVersion - 1, changeRequestId});
    return newVersion;
}

} // namespace keel
