#include "expense_report_store.h"

#include "expense_values.h"
#include "json_codec.h"
#include "permissions.h"
#include "roles.h"

#include <QSqlQuery>

namespace keel {

using namespace expense_values;

namespace {

// The step a report waits for.
QJsonValue nextStep(const QString &status)
{
    if (status == QLatin1String("submitted"))
        return QStringLiteral("manager");
    if (status == QLatin1String("manager_approved"))
        return QStringLiteral("finance");
    return QJsonValue();
}

// Roles that approve expenses, as an SQL list of literals (role names are internal constants).
QString approverRoles()
{
    QStringList quoted;
    for (const QString &role : allRoles())
        if (permissionsOfRole(role).contains(QString::fromLatin1(Permission::ExpensesApprove)))
            quoted.append(u'\'' + role + u'\'');
    return quoted.join(u',');
}

// m = the employee's manager when that manager may approve expenses; a manager who may not
// (a consultant leading a team) leaves the first step to the entity's approvers.
const QString &reportSql()
{
    static const QString sql =
        QStringLiteral(
            "SELECT r.id, r.employee_id, e.user_id, coalesce(m.user_id, 0), r.legal_entity_id, "
            "le.code, r.status, r.version, r.title, r.currency, trim_scale(r.total)::text, "
            "r.submitted_at, r.manager_id, r.manager_at, r.finance_id, r.finance_at, "
            "r.rejection_reason, u.display_name, r.updated_at "
            "FROM expense_reports r JOIN employees e ON e.id = r.employee_id "
            "JOIN users u ON u.id = e.user_id JOIN legal_entities le ON le.id = r.legal_entity_id "
            "LEFT JOIN LATERAL (SELECT mgr.user_id FROM employees mgr WHERE mgr.id = e.manager_id "
            "AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = mgr.user_id AND ur.role IN "
            "(%1))) m ON true ")
            .arg(approverRoles());
    return sql;
}

ReportRow reportFrom(const QSqlQuery &q)
{
    ReportRow r;
    r.id = q.value(0).toLongLong();
    r.employeeId = q.value(1).toLongLong();
    r.employeeUserId = q.value(2).toLongLong();
    r.managerUserId = q.value(3).toLongLong();
    r.legalEntityId = q.value(4).toLongLong();
    r.entity = q.value(5).toString();
    r.status = q.value(6).toString();
    r.version = q.value(7).toInt();
    r.json = QJsonObject{
        {"id", idToJson(r.id)},
        {"employee_id", idToJson(r.employeeId)},
        {"employee_name", q.value(17).toString()},
        {"legal_entity", r.entity},
        {"title", q.value(8).toString()},
        {"status", r.status},
        {"next_step", nextStep(r.status)},
        {"total", moneyJson(q.value(10).toString(), q.value(9).toString())},
        {"submitted_at", instantToJson(q.value(11).toDateTime())},
        {"manager_id", optId(q.value(12))},
        {"manager_at", instantToJson(q.value(13).toDateTime())},
        {"finance_id", optId(q.value(14))},
        {"finance_at", instantToJson(q.value(15).toDateTime())},
        {"rejection_reason", q.value(16).isNull() ? QJsonValue() : q.value(16).toString()},
        {"version", r.version},
        {"updated_at", instantToJson(q.value(18).toDateTime())}};
    return r;
}

QString codes(const QStringList &entities)
{
    return entities.join(u',');
}

} // namespace

QSqlDatabase ExpenseReportStore::db() const
{
    return db::connection(m_config);
}

qint64 ExpenseReportStore::insert(qint64 employeeId, qint64 legalEntityId, const QString &title,
                                  const QString &currency, const QString &total) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("INSERT INTO expense_reports (employee_id, "
                                           "legal_entity_id, title, currency, total) VALUES (?, "
                                           "?, ?, ?, ?::numeric) RETURNING id"),
                            {employeeId, legalEntityId, title, currency, total});
    q.next();
    return q.value(0).toLongLong();
}

std::optional<ReportRow> ExpenseReportStore::report(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            reportSql() + QStringLiteral("WHERE r.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF r") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return reportFrom(q);
}

QJsonArray ExpenseReportStore::expensesOf(qint64 reportId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT x.id, c.name, x.expense_date, x.description, "
                       "trim_scale(x.amount)::text, x.currency, "
                       "trim_scale(x.functional_amount)::text, x.functional_currency, "
                       "x.policy_breach, x.justification, x.status, x.version, x.billable, "
                       "x.project_id, (SELECT count(*) FROM expense_receipts r WHERE "
                       "r.expense_id = x.id) FROM expenses x JOIN expense_categories c ON c.id "
                       "= x.category_id WHERE x.report_id = ? ORDER BY x.expense_date, x.id"),
        {reportId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{
            {"id", q.value(0).toString()},
            {"category_name", q.value(1).toString()},
            {"expense_date", dateToJson(q.value(2).toDate())},
            {"description", q.value(3).toString()},
            {"amount", moneyJson(q.value(4).toString(), q.value(5).toString())},
            {"functional_amount", moneyJson(q.value(6).toString(), q.value(7).toString())},
            {"policy_breach", q.value(8).isNull() ? QJsonValue() : q.value(8).toString()},
            {"justification", q.value(9).isNull() ? QJsonValue() : q.value(9).toString()},
            {"status", q.value(10).toString()},
            {"version", q.value(11).toInt()},
            {"billable", q.value(12).toBool()},
            {"project_id", optId(q.value(13))},
            {"receipt_count", q.value(14).toInt()}});
    return out;
}

QJsonArray ExpenseReportStore::mine(qint64 employeeId) const
{
    QSqlQuery q = db::query(db(),
                            reportSql() + QStringLiteral("WHERE r.employee_id = ? ORDER BY r.id "
                                                         "DESC LIMIT 500"),
                            {employeeId});
    QJsonArray out;
    while (q.next())
        out.append(reportFrom(q).json);
    return out;
}

QJsonArray ExpenseReportStore::toApprove(const ApproverScope &s) const
{
    // Manager step: the employee's manager, or an approver of the entity when there is none.
    // Finance step: finance of the entity. Never one's own report.
    QSqlQuery q = db::query(
        db(),
        reportSql() +
            QStringLiteral(
                "WHERE e.user_id <> ? AND ((r.status = 'submitted' AND (m.user_id = ? OR "
                "(m.user_id IS NULL AND (? = '*' OR le.code = ANY(string_to_array(?, "
                "','))))) ) OR (r.status = 'manager_approved' AND (? = '*' OR le.code = "
                "ANY(string_to_array(?, ','))))) ORDER BY r.submitted_at, r.id LIMIT 500"),
        {s.userId, s.userId, s.approverEntities.contains(QStringLiteral("*")) ? "*" : "",
         codes(s.approverEntities), s.financeEntities.contains(QStringLiteral("*")) ? "*" : "",
         codes(s.financeEntities)});
    QJsonArray out;
    while (q.next())
        out.append(reportFrom(q).json);
    return out;
}

void ExpenseReportStore::setJustification(const QUuid &expense, const QString &text) const
{
    db::query(db(), QStringLiteral("UPDATE expenses SET justification = ? WHERE id = ?"),
              {text, uuidText(expense)});
}

void ExpenseReportStore::setPolicyBreach(const QUuid &expense, const QString &breach) const
{
    db::query(db(), QStringLiteral("UPDATE expenses SET policy_breach = ? WHERE id = ?"),
              {breach.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(breach),
               uuidText(expense)});
}

void ExpenseReportStore::submitExpense(const QUuid &expense, qint64 reportId) const
{
    db::query(db(),
              QStringLiteral("UPDATE expenses SET status = 'submitted', report_id = ?, "
                             "rejection_reason = NULL, updated_at = now(), version = version + 1 "
                             "WHERE id = ?"),
              {reportId, uuidText(expense)});
}

void ExpenseReportStore::setStatus(qint64 reportId, const QString &status) const
{
    db::query(db(),
              QStringLiteral("UPDATE expense_reports SET status = ?, submitted_at = CASE WHEN ? = "
                             "'submitted' THEN now() ELSE submitted_at END, updated_at = now(), "
                             "version = version + 1 WHERE id = ?"),
              {status, status, reportId});
}

void ExpenseReportStore::managerApproved(qint64 reportId, qint64 userId) const
{
    db::query(db(),
              QStringLiteral("UPDATE expense_reports SET status = 'manager_approved', "
                             "manager_id = ?, manager_at = now(), updated_at = now(), version = "
                             "version + 1 WHERE id = ?"),
              {userId, reportId});
}

void ExpenseReportStore::financeApproved(qint64 reportId, qint64 userId) const
{
    db::query(db(),
              QStringLiteral("UPDATE expense_reports SET status = 'approved', finance_id = ?, "
                             "finance_at = now(), updated_at = now(), version = version + 1 "
                             "WHERE id = ?"),
              {userId, reportId});
}

void ExpenseReportStore::rejected(qint64 reportId, const QString &reason) const
{
    db::query(db(),
              QStringLiteral("UPDATE expense_reports SET status = 'rejected', rejection_reason = "
                             "?, updated_at = now(), version = version + 1 WHERE id = ?"),
              {reason, reportId});
}

void ExpenseReportStore::setExpenseStatus(qint64 reportId, const QString &status,
                                          const QString &reason) const
{
    db::query(db(),
              QStringLiteral("UPDATE expenses SET status = ?, rejection_reason = ?, updated_at = "
                             "now(), version = version + 1 WHERE report_id = ? AND status = "
                             "'submitted'"),
              {status,
               reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(reason),
               reportId});
}

} // namespace keel
