#include "expense_report_service.h"

#include "audit/audit_log.h"
#include "expense_policy.h"
#include "expense_values.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/posting_rules.h"
#include "permissions.h"
#include "roles.h"
#include "workflow/state_machine.h"

#include <algorithm>

namespace keel {

using namespace expense_values;

namespace {

const StateMachine &reportMachine()
{
    static const StateMachine m{QStringLiteral("expense_report"),
                                {"draft", "submitted", "manager_approved", "approved", "rejected"},
                                QStringLiteral("draft"),
                                {{"draft", "submit", "submitted"},
                                 {"submitted", "approve", "manager_approved"},
                                 {"manager_approved", "approve", "approved"},
                                 {"submitted", "reject", "rejected"},
                                 {"manager_approved", "reject", "rejected"}}};
    return m;
}

QStringList financeEntities(const Principal &p)
{
    QStringList out;
    for (const RoleGrant &g : p.user.roles)
        if (g.role == QLatin1String(Role::Finance))
            out.append(g.legalEntity.isEmpty() ? QStringLiteral("*") : g.legalEntity);
    return out;
}

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e =
        AuditEntry::from(request, action, QStringLiteral("expense_report"), QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

// Dr Project (or general) expenses per expense at its converted amount / Cr Employee payables,
// once per report, dated the day finance approves it.
void postApproved(const LedgerService &ledger, const ReportRow &row, const QJsonArray &expenses,
                  qint64 approver)
{
    posting_rules::ExpenseReportApproved e{row.legalEntityId,
                                           row.id,
                                           row.employeeId,
                                           approver,
                                           QDate::currentDate(),
                                           row.json.value("title").toString(),
                                           {}};
    for (const QJsonValue &v : expenses) {
        const QJsonObject x = v.toObject();
        const auto amount = moneyFromJson(x.value("amount"));
        const auto functional = moneyFromJson(x.value("functional_amount"));
        if (amount && functional)
            e.expenses.append({x.value("project_id").toString().toLongLong(), *amount, *functional,
                               x.value("description").toString().left(200)});
    }
    posting_rules::expenseReportApproved(ledger, e);
}

} // namespace

ExpenseReportService::ExpenseReportService(DbConfig config, const ExpenseService &expenses)
    : m_store(config), m_expenses(expenses), m_ledger(config)
{}

void ExpenseReportService::registerStateMachines()
{
    StateMachineRegistry::add(reportMachine());
}

ApproverScope ExpenseReportService::scopeOf(const Request &request) const
{
    const Principal &p = request.caller();
    return {p.user.id, p.entitiesFor(QString::fromLatin1(Permission::ExpensesApprove)),
            financeEntities(p)};
}

QJsonObject ExpenseReportService::withExpenses(const ReportRow &row) const
{
    QJsonObject json = row.json;
    json.insert(QStringLiteral("expenses"), m_store.expensesOf(row.id));
    return json;
}

QJsonObject ExpenseReportService::submit(const Request &request, const QJsonObject &body) const
{
    const EmployeeRef me = m_expenses.caller(request);
    JsonReader in(body);
    const QString title = in.requiredString(QStringLiteral("title")).trimmed();
    const QJsonArray ids = in.requiredArray(QStringLiteral("expense_ids"));
    const QJsonObject justifications = body.value(QStringLiteral("justifications")).toObject();
    if (in.ok() && title.size() > 200)
        in.addError(QStringLiteral("title"), "invalid_value",
                    QStringLiteral("1 to 200 characters"));
    if (in.ok() && ids.isEmpty())
        in.addError(QStringLiteral("expense_ids"), "required",
                    QStringLiteral("at least one expense"));
    QList<QUuid> expenseIds;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QUuid id = QUuid::fromString(ids.at(i).toString());
        if (id.isNull())
            in.addError(QStringLiteral("expense_ids/%1").arg(i), "invalid_value",
                        QStringLiteral("an expense id"));
        else if (expenseIds.contains(id))
            in.addError(QStringLiteral("expense_ids/%1").arg(i), "duplicate",
                        QStringLiteral("listed twice"));
        else
            expenseIds.append(id);
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    const ExpenseStore &expenses = m_expenses.store();
    db::Transaction tx(m_store.db());
    // Row locks in one order, so two reports racing for the same expenses cannot deadlock.
    QList<QUuid> lockOrder = expenseIds;
    std::sort(lockOrder.begin(), lockOrder.end(),
              [](const QUuid &a, const QUuid &b) { return uuidText(a) < uuidText(b); });
    QHash<QUuid, ExpenseRow> rows;
    for (const QUuid &id : lockOrder)
        if (const auto row = expenses.expense(id, true))
            rows.insert(id, *row);

    QList<FieldError> errors;
    Money total = Money::zero(Currency::fromCode(me.functionalCurrency).value());
    for (qsizetype i = 0; i < expenseIds.size(); ++i) {
        const QUuid &id = expenseIds.at(i);
        const QString field = QStringLiteral("expense_ids/%1").arg(i);
        const auto it = rows.constFind(id);
        if (it == rows.constEnd() || it->employeeId != me.id) {
            errors.append({field, QStringLiteral("unknown"),
                           QStringLiteral("%1 is not one of your expenses").arg(uuidText(id))});
            continue;
        }
        const ExpenseRow &row = *it;
        if (row.status != QLatin1String("draft") && row.status != QLatin1String("rejected"))
            throw ApiError::conflict(
                QStringLiteral("Expense \"%1\" is %2; only draft or rejected "
                               "expenses go into a report.")
                    .arg(row.json.value("description").toString(), row.status));
        if (expenses.periodClosed(me.legalEntityId, row.date))
            throw ApiError(Problem{
                423,
                problemTypeUri(ErrorType::PeriodClosed),
                QStringLiteral("Period closed"),
                QStringLiteral("Expense \"%1\" is dated %2, in a closed "
                               "accounting period.")
                    .arg(row.json.value("description").toString(), row.date.toString(Qt::ISODate)),
                {}});
        QString justification = row.justification;
        if (justifications.contains(uuidText(id))) {
            justification = justifications.value(uuidText(id)).toString().trimmed();
            if (justification.size() > 2000) {
                errors.append({field, QStringLiteral("invalid_value"),
                               QStringLiteral("a justification has at most 2000 characters")});
                continue;
            }
            m_store.setJustification(id, justification);
        }
        const auto category = expenses.category(row.categoryId);
        const ExpensePolicy policy = policyOf(*category, row.functionalCurrency);
        const Money amount = moneyOf(row.functionalAmount, row.functionalCurrency);
        const Money others = moneyOf(expenses.sameDayTotal(me.id, row.categoryId, row.date, id),
                                     row.functionalCurrency);
        const QString breach =
            joinBreaches({capBreach(policy, amount, others, row.date.toString(Qt::ISODate)),
                          receiptBreach(policy, amount, expenses.receiptCount(id) > 0)});
        m_store.setPolicyBreach(id, breach);
        if (!breach.isEmpty() && justification.isEmpty())
            errors.append({field, QStringLiteral("justification_required"),
                           QStringLiteral("\"%1\" (%2): %3; justify it")
                               .arg(row.json.value("description").toString(),
                                    row.date.toString(Qt::ISODate), breach)});
        total = total.add(amount).valueOr(total);
    }
    if (!errors.isEmpty())
        throw ApiError::invalid(errors, QStringLiteral("The report cannot be submitted yet."));

    const qint64 reportId = m_store.insert(me.id, me.legalEntityId, title, me.functionalCurrency,
                                           total.toDecimal().toString());
    m_store.setStatus(reportId,
                      reportMachine().next(QStringLiteral("draft"), QStringLiteral("submit")));
    for (const QUuid &id : expenseIds)
        m_store.submitExpense(id, reportId);
    const QJsonObject after = withExpenses(*m_store.report(reportId, false));
    audit(request, m_store.db(), QStringLiteral("expense_report.submit"), reportId, {}, after);
    tx.commit();
    return after;
}

QJsonObject ExpenseReportService::list(const Request &request) const
{
    const QString scope = request.query.queryItemValue(QStringLiteral("scope"));
    if (scope.isEmpty() || scope == QLatin1String("mine"))
        return {{"items", m_store.mine(m_expenses.caller(request).id)}};
    if (scope != QLatin1String("to_approve"))
        throw ApiError::malformed(QStringLiteral("scope is mine or to_approve."),
                                  {{QStringLiteral("scope"), FieldErrorCode::InvalidValue,
                                    QStringLiteral("mine or to_approve")}});
    if (!request.caller().can(QString::fromLatin1(Permission::ExpensesApprove)))
        throw ApiError::forbidden(QStringLiteral("Your roles do not allow this (%1 needed).")
                                      .arg(QString::fromLatin1(Permission::ExpensesApprove)));
    return {{"items", m_store.toApprove(scopeOf(request))}};
}

QJsonObject ExpenseReportService::get(const Request &request, qint64 id) const
{
    const auto row = m_store.report(id, false);
    const ApproverScope s = scopeOf(request);
    const bool visible =
        row && (row->employeeUserId == s.userId || row->managerUserId == s.userId ||
                covers(s.approverEntities, row->entity) || covers(s.financeEntities, row->entity));
    if (!visible)
        throw ApiError::notFound(QStringLiteral("There is no expense report %1.").arg(id));
    return withExpenses(*row);
}

QJsonObject ExpenseReportService::decide(const Request &request, qint64 id,
                                         const QJsonObject &body) const
{
    JsonReader in(body);
    const QString decision = in.requiredString(QStringLiteral("decision"));
    const QString comment = in.optionalString(QStringLiteral("comment")).value_or(QString());
    if (in.ok() && decision != QLatin1String("approve") && decision != QLatin1String("reject"))
        in.addError(QStringLiteral("decision"), "invalid_value",
                    QStringLiteral("approve or reject"));
    if (in.ok() && decision == QLatin1String("reject") && comment.trimmed().isEmpty())
        in.addError(QStringLiteral("comment"), "required",
                    QStringLiteral("say why the report is rejected"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    const ApproverScope s = scopeOf(request);
    db::Transaction tx(m_store.db());
    const auto row = m_store.report(id, true);
    if (!row ||
        !(row->employeeUserId == s.userId || row->managerUserId == s.userId ||
          covers(s.approverEntities, row->entity) || covers(s.financeEntities, row->entity)))
        throw ApiError::notFound(QStringLiteral("There is no expense report %1.").arg(id));
    const QString to = reportMachine().next(row->status, decision);
    requireVersion(request, body, row->version);
    if (row->employeeUserId == s.userId)
        throw ApiError::forbidden(QStringLiteral("Nobody approves or rejects their own expenses."));
    if (row->status == QLatin1String("submitted")) {
        const bool allowed = row->managerUserId ? row->managerUserId == s.userId
                                                : covers(s.approverEntities, row->entity);
        if (!allowed)
            throw ApiError::forbidden(
                row->managerUserId
                    ? QStringLiteral("The employee's manager decides this report first.")
                    : QStringLiteral("An approver of expenses of %1 decides this report first.")
                          .arg(row->entity));
    } else if (!covers(s.financeEntities, row->entity)) {
        throw ApiError::forbidden(
            QStringLiteral("Finance of %1 decides this report now.").arg(row->entity));
    }

    if (decision == QLatin1String("reject")) {
        m_store.rejected(id, comment.trimmed());
        m_store.setExpenseStatus(id, QStringLiteral("rejected"), comment.trimmed());
    } else if (to == QLatin1String("manager_approved")) {
        m_store.managerApproved(id, s.userId);
    } else {
        m_store.financeApproved(id, s.userId);
        m_store.setExpenseStatus(id, QStringLiteral("approved"), QString());
        postApproved(m_ledger, *row, m_store.expensesOf(id), s.userId);
    }
    const QJsonObject after = withExpenses(*m_store.report(id, false));
    audit(request, m_store.db(), QStringLiteral("expense_report.") + decision, id, row->json,
          after);
    tx.commit();
    return after;
}

} // namespace keel
