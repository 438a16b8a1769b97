#include "expense_store.h"

#include "expense_values.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

using namespace expense_values;

namespace {

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// numeric text in `currency`, to its minor unit.
const QString kEmployee =
    QStringLiteral("SELECT e.id, e.user_id, e.legal_entity_id, le.code, le.functional_currency, "
                   "coalesce(m.user_id, 0) FROM employees e JOIN legal_entities le ON le.id = "
                   "e.legal_entity_id LEFT JOIN employees m ON m.id = e.manager_id ");

EmployeeRef employeeFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toString(),   q.value(4).toString(),   q.value(5).toLongLong()};
}

const QString kCategory = QStringLiteral(
    "SELECT c.id, c.legal_entity_id, c.name, c.cap_kind, trim_scale(c.cap_amount)::text, "
    "trim_scale(c.receipt_required_above)::text, c.billable_default, "
    "trim_scale(c.markup_pct)::text, c.active, c.code, c.version, le.code "
    "FROM expense_categories c JOIN legal_entities le ON le.id = c.legal_entity_id ");

QJsonObject categoryFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"code", q.value(9).toString()},
            {"name", q.value(2).toString()},
            {"cap_kind", q.value(3).toString()},
            {"cap_amount", optText(q.value(4))},
            {"receipt_required_above", q.value(5).toString()},
            {"billable_default", q.value(6).toBool()},
            {"markup_pct", q.value(7).toString()},
            {"active", q.value(8).toBool()},
            {"legal_entity", q.value(11).toString()},
            {"version", q.value(10).toInt()}};
}

const QString kExpense = QStringLiteral(
    "SELECT x.id, x.employee_id, x.legal_entity_id, x.category_id, x.expense_date, x.status, "
    "x.version, trim_scale(x.functional_amount)::text, x.functional_currency, x.policy_breach, "
    "x.justification, c.name, x.project_id, x.task_id, x.description, "
    "trim_scale(x.amount)::text, x.currency, x.fx_rate::text, x.billable, "
    "trim_scale(x.markup_pct)::text, x.report_id, x.rejection_reason, x.updated_at, "
    "coalesce((SELECT json_agg(json_build_object('id', r.id, 'file_name', r.file_name, "
    "'mime_type', r.mime_type, 'size_bytes', r.size_bytes, 'sha256', "
    "encode(r.sha256, 'hex')) ORDER BY r.created_at, r.id) FROM expense_receipts r WHERE "
    "r.expense_id = x.id), '[]')::text "
    "FROM expenses x JOIN expense_categories c ON c.id = x.category_id ");

ExpenseRow expenseFrom(const QSqlQuery &q)
{
    ExpenseRow r;
    r.id = QUuid::fromString(q.value(0).toString());
    r.employeeId = q.value(1).toLongLong();
    r.legalEntityId = q.value(2).toLongLong();
    r.categoryId = q.value(3).toLongLong();
    r.date = q.value(4).toDate();
    r.status = q.value(5).toString();
    r.version = q.value(6).toInt();
    r.functionalAmount = q.value(7).toString();
    r.functionalCurrency = q.value(8).toString();
    r.policyBreach = q.value(9).toString();
    r.justification = q.value(10).toString();
    r.json = QJsonObject{{"id", uuidText(r.id)},
                         {"employee_id", idToJson(r.employeeId)},
                         {"category_id", idToJson(r.categoryId)},
                         {"category_name", q.value(11).toString()},
                         {"project_id", optId(q.value(12))},
                         {"task_id", optId(q.value(13))},
                         {"expense_date", dateToJson(r.date)},
                         {"description", q.value(14).toString()},
                         {"amount", moneyJson(q.value(15).toString(), q.value(16).toString())},
                         {"functional_amount", moneyJson(r.functionalAmount, r.functionalCurrency)},
                         {"fx_rate", q.value(17).toString()},
                         {"billable", q.value(18).toBool()},
                         {"markup_pct", q.value(19).toString()},
                         {"policy_breach", optText(q.value(9))},
                         {"justification", optText(q.value(10))},
                         {"status", r.status},
                         {"report_id", optId(q.value(20))},
                         {"rejection_reason", optText(q.value(21))},
                         {"receipts", QJsonDocument::fromJson(q.value(23).toByteArray()).array()},
                         {"version", r.version},
                         {"updated_at", instantToJson(q.value(22).toDateTime())}};
    return r;
}

} // namespace

QSqlDatabase ExpenseStore::db() const
{
    return db::connection(m_config);
}

std::optional<qint64> ExpenseStore::entityId(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<EmployeeRef> ExpenseStore::employeeOfUser(qint64 userId) const
{
    QSqlQuery q = db::query(db(), kEmployee + QStringLiteral("WHERE e.user_id = ?"), {userId});
    if (!q.next())
        return std::nullopt;
    return employeeFrom(q);
}

std::optional<EmployeeRef> ExpenseStore::employee(qint64 id) const
{
    QSqlQuery q = db::query(db(), kEmployee + QStringLiteral("WHERE e.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return employeeFrom(q);
}

QJsonArray ExpenseStore::categories(qint64 legalEntityId) const
{
    QSqlQuery q = db::query(db(),
                            kCategory + QStringLiteral("WHERE c.legal_entity_id = ? AND c.active "
                                                       "ORDER BY c.code"),
                            {legalEntityId});
    QJsonArray out;
    while (q.next())
        out.append(categoryFrom(q));
    return out;
}

std::optional<CategoryRow> ExpenseStore::category(qint64 id) const
{
    QSqlQuery q = db::query(db(), kCategory + QStringLiteral("WHERE c.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    return CategoryRow{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                       q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                       q.value(6).toBool(),     q.value(7).toString(),   q.value(8).toBool()};
}

std::optional<QJsonObject> ExpenseStore::categoryJson(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kCategory + QStringLiteral("WHERE c.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF c") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return categoryFrom(q);
}

bool ExpenseStore::categoryCodeTaken(qint64 legalEntityId, const QString &code, qint64 except) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT 1 FROM expense_categories WHERE "
                                           "legal_entity_id = ? AND code = ? AND id <> ?"),
                            {legalEntityId, code, except});
    return q.next();
}

qint64 ExpenseStore::insertCategory(const CategoryRow &c, const QString &code) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO expense_categories (legal_entity_id, code, name, cap_kind, "
                       "cap_amount, receipt_required_above, billable_default, markup_pct, "
                       "active) VALUES (?, ?, ?, ?, ?::numeric, ?::numeric, ?, ?::numeric, ?) "
                       "RETURNING id"),
        {c.legalEntityId, code, c.name, c.capKind, nullableText(c.capAmount),
         c.receiptRequiredAbove, c.billableDefault, c.markupPct, c.active});
    q.next();
    return q.value(0).toLongLong();
}

void ExpenseStore::updateCategory(const CategoryRow &c) const
{
    db::query(db(),
              QStringLiteral("UPDATE expense_categories SET name = ?, cap_kind = ?, cap_amount = "
                             "?::numeric, receipt_required_above = ?::numeric, billable_default "
                             "= ?, markup_pct = ?::numeric, active = ?, version = version + 1 "
                             "WHERE id = ?"),
              {c.name, c.capKind, nullableText(c.capAmount), c.receiptRequiredAbove,
               c.billableDefault, c.markupPct, c.active, c.id});
}

std::optional<ProjectRef> ExpenseStore::project(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, legal_entity_id, status, "
                                           "coalesce(project_manager_id, 0) FROM projects "
                                           "WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return ProjectRef{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                      q.value(3).toLongLong()};
}

std::optional<qint64> ExpenseStore::projectOfTask(qint64 taskId) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT project_id FROM project_tasks WHERE id = ?"), {taskId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool ExpenseStore::periodClosed(qint64 legalEntityId, QDate date) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT 1 FROM accounting_periods WHERE "
                                           "legal_entity_id = ? AND ? BETWEEN period_start AND "
                                           "period_end AND status <> 'open'"),
                            {legalEntityId, date});
    return q.next();
}

std::optional<ExpenseRow> ExpenseStore::expense(const QUuid &id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kExpense + QStringLiteral("WHERE x.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF x") : QString()),
                            {uuidText(id)});
    if (!q.next())
        return std::nullopt;
    return expenseFrom(q);
}

QJsonArray ExpenseStore::expenses(qint64 employeeId, QDate from, QDate to,
                                  const QString &status) const
{
    QString sql = kExpense + QStringLiteral("WHERE x.employee_id = ? AND x.expense_date BETWEEN "
                                            "? AND ?");
    QVariantList binds{employeeId, from, to};
    if (!status.isEmpty()) {
        sql += QStringLiteral(" AND x.status = ?");
        binds.append(status);
    } else {
        sql += QStringLiteral(" AND x.status <> 'deleted'");
    }
    sql += QStringLiteral(" ORDER BY x.expense_date, x.created_at, x.id");
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(expenseFrom(q).json);
    return out;
}

void ExpenseStore::insert(const ExpenseValues &v) const
{
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                  "project_id, task_id, expense_date, description, amount, currency, fx_rate, "
                  "functional_amount, functional_currency, billable, markup_pct, policy_breach, "
                  "justification, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?, "
                  "?::numeric, ?::numeric, ?, ?, ?::numeric, ?, ?, ?)"),
              {uuidText(v.id), v.employeeId, v.legalEntityId, v.categoryId, nullableId(v.projectId),
               nullableId(v.taskId), v.date, v.description, v.amount, v.currency, v.fxRate,
               v.functionalAmount, v.functionalCurrency, v.billable, v.markupPct,
               nullableText(v.policyBreach), nullableText(v.justification), v.userId});
}

void ExpenseStore::update(const ExpenseValues &v) const
{
    db::query(
        db(),
        QStringLiteral("UPDATE expenses SET category_id = ?, project_id = ?, task_id = ?, "
                       "expense_date = ?, description = ?, amount = ?::numeric, currency = ?, "
                       "fx_rate = ?::numeric, functional_amount = ?::numeric, billable = ?, "
                       "markup_pct = ?::numeric, policy_breach = ?, justification = ?, "
                       "status = 'draft', rejection_reason = NULL, updated_at = now(), version = "
                       "version + 1 WHERE id = ?"),
        {v.categoryId, nullableId(v.projectId), nullableId(v.taskId), v.date, v.description,
         v.amount, v.currency, v.fxRate, v.functionalAmount, v.billable, v.markupPct,
         nullableText(v.policyBreach), nullableText(v.justification), uuidText(v.id)});
}

void ExpenseStore::setDeleted(const QUuid &id) const
{
    db::query(db(),
              QStringLiteral("UPDATE expenses SET status = 'deleted', updated_at = now(), "
                             "version = version + 1 WHERE id = ?"),
              {uuidText(id)});
}

QString ExpenseStore::sameDayTotal(qint64 employeeId, qint64 categoryId, QDate date,
                                   const QUuid &except) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT trim_scale(coalesce(sum(functional_amount), "
                                           "0))::text FROM expenses WHERE employee_id = ? AND "
                                           "category_id = ? AND expense_date = ? AND id <> ? "
                                           "AND status NOT IN ('deleted', 'rejected')"),
                            {employeeId, categoryId, date, uuidText(except)});
    q.next();
    return q.value(0).toString();
}

int ExpenseStore::receiptCount(const QUuid &expenseId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT count(*) FROM expense_receipts WHERE "
                                           "expense_id = ?"),
                            {uuidText(expenseId)});
    q.next();
    return q.value(0).toInt();
}

std::optional<ReceiptRow> ExpenseStore::receipt(const QUuid &id, bool withContent) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT r.id, r.expense_id, x.employee_id, le.code, r.file_name, "
                       "r.mime_type, r.sha256, r.size_bytes, %1 FROM expense_receipts r "
                       "JOIN expenses x ON x.id = r.expense_id JOIN legal_entities le ON le.id = "
                       "x.legal_entity_id WHERE r.id = ?")
            .arg(withContent ? QStringLiteral("r.content") : QStringLiteral("NULL::bytea")),
        {uuidText(id)});
    if (!q.next())
        return std::nullopt;
    ReceiptRow r;
    r.id = QUuid::fromString(q.value(0).toString());
    r.expenseId = QUuid::fromString(q.value(1).toString());
    r.employeeId = q.value(2).toLongLong();
    r.entity = q.value(3).toString();
    r.fileName = q.value(4).toString();
    r.mimeType = q.value(5).toString();
    r.sha256 = q.value(6).toByteArray();
    r.content = q.value(8).toByteArray();
    r.json = QJsonObject{{"id", uuidText(r.id)},
                         {"expense_id", uuidText(r.expenseId)},
                         {"file_name", r.fileName},
                         {"mime_type", r.mimeType},
                         {"size_bytes", q.value(7).toInt()},
                         {"sha256", QString::fromLatin1(r.sha256.toHex())}};
    return r;
}

void ExpenseStore::insertReceipt(const QUuid &id, const QUuid &expenseId, const QString &fileName,
                                 const QString &mimeType, const QByteArray &sha256,
                                 const QByteArray &content, qint64 userId) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO expense_receipts (id, expense_id, file_name, mime_type, "
                             "size_bytes, sha256, content, created_by) VALUES (?, ?, ?, ?, ?, ?, "
                             "?, ?)"),
              {uuidText(id), uuidText(expenseId), fileName, mimeType, int(content.size()), sha256,
               content, userId});
}

void ExpenseStore::touch(const QUuid &id) const
{
    db::query(db(), QStringLiteral("UPDATE expenses SET updated_at = now() WHERE id = ?"),
              {uuidText(id)});
}

} // namespace keel
