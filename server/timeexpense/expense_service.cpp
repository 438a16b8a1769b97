#include "expense_service.h"

#include "audit/audit_log.h"
#include "expense_policy.h"
#include "expense_values.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "permissions.h"
#include "workflow/state_machine.h"

#include <QCryptographicHash>

namespace keel {

using namespace expense_values;

namespace {

constexpr qint64 kMaxReceiptBytes = 10 * 1024 * 1024;

// "invoiced" (set by billing) joins with its transition when billing exists.
const StateMachine &expenseMachine()
{
    static const StateMachine m{QStringLiteral("expense"),
                                {"draft", "submitted", "approved", "rejected", "deleted"},
                                QStringLiteral("draft"),
                                {{"draft", "submit", "submitted"},
                                 {"rejected", "submit", "submitted"},
                                 {"submitted", "approve", "approved"},
                                 {"submitted", "reject", "rejected"},
                                 {"rejected", "edit", "draft"},
                                 {"draft", "delete", "deleted"},
                                 {"rejected", "delete", "deleted"}}};
    return m;
}

[[noreturn]] void stale(int have, int now)
{
    throw ApiError(Problem{412,
                           problemTypeUri(ErrorType::StaleVersion),
                           QStringLiteral("Stale version"),
                           QStringLiteral("The expense changed since you read it (you have "
                                          "version %1, it is now %2); reload and try again.")
                               .arg(have)
                               .arg(now),
                           {}});
}

[[noreturn]] void periodClosed(QDate date)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period of %1 is closed; expenses "
                                          "dated in it can no longer change.")
                               .arg(date.toString(Qt::ISODate)),
                           {}});
}

void audit(const Request &request, QSqlDatabase db, const QString &action, const QUuid &id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e = AuditEntry::from(request, action, QStringLiteral("expense"), uuidText(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

QByteArray mediaType(const Request &request)
{
    QByteArray t = request.header("Content-Type");
    if (const qsizetype semi = t.indexOf(';'); semi >= 0)
        t = t.left(semi);
    return t.trimmed().toLower();
}

bool magicMatches(const QByteArray &type, const QByteArray &body)
{
    if (type == "image/jpeg")
        return body.startsWith(QByteArray::fromHex("ffd8ff"));
    if (type == "image/png")
        return body.startsWith(QByteArray::fromHex("89504e470d0a1a0a"));
    if (type == "application/pdf")
        return body.startsWith("%PDF-");
    return false;
}

} // namespace

ExpensePolicy policyOf(const CategoryRow &c, const QString &currency)
{
    ExpensePolicy p;
    p.categoryName = c.name;
    p.capKind = c.capKind;
    if (!c.capAmount.isEmpty())
        p.cap = moneyOf(c.capAmount, currency);
    p.receiptRequiredAbove = moneyOf(c.receiptRequiredAbove, currency);
    return p;
}

ExpenseService::ExpenseService(DbConfig config) : m_store(std::move(config)) {}

void ExpenseService::registerStateMachines()
{
    StateMachineRegistry::add(expenseMachine());
}

EmployeeRef ExpenseService::caller(const Request &request) const
{
    const auto e = m_store.employeeOfUser(request.caller().user.id);
    if (!e)
        throw ApiError::forbidden(
            QStringLiteral("Expenses are entered by employees; you have no employee record."));
    return *e;
}

QJsonObject ExpenseService::categories(const Request &request) const
{
    const EmployeeRef me = caller(request);
    return {{"legal_entity", me.entity},
            {"currency", me.functionalCurrency},
            {"items", m_store.categories(me.legalEntityId)}};
}

QJsonObject ExpenseService::list(const Request &request) const
{
    const EmployeeRef me = caller(request);
    QDate from = QDate::currentDate().addDays(-120);
    QDate to = QDate::currentDate().addDays(366);
    QList<FieldError> errors;
    for (auto [name, target] :
         {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        const QString v = request.query.queryItemValue(name);
        if (v.isEmpty())
            continue;
        const auto d = parseDate(v);
        if (!d)
            errors.append({name, FieldErrorCode::InvalidValue, QStringLiteral("YYYY-MM-DD")});
        else
            *target = *d;
    }
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && !expenseMachine().states.contains(status))
        errors.append({QStringLiteral("status"), FieldErrorCode::InvalidValue,
                       expenseMachine().states.join(QStringLiteral(", "))});
    if (!errors.isEmpty())
        throw ApiError::malformed(QStringLiteral("Bad query parameters."), errors);
    return {{"items", m_store.expenses(me.id, from, to, status)}};
}

std::optional<QJsonObject> ExpenseService::find(const Request &request, const QUuid &id) const
{
    const auto me = m_store.employeeOfUser(request.caller().user.id);
    const auto row = m_store.expense(id, false);
    if (!me || !row || row->employeeId != me->id)
        return std::nullopt;
    return row->json;
}

QJsonObject ExpenseService::save(const Request &request, const QUuid &id, const QJsonObject &fields,
                                 int baseVersion) const
{
    const EmployeeRef me = caller(request);
    JsonReader in(fields);
    const qint64 categoryId = in.requiredInt64(QStringLiteral("category_id"));
    const QDate date = in.requiredDate(QStringLiteral("expense_date"));
    const QString description = in.requiredString(QStringLiteral("description")).trimmed();
    const Money amount = in.requiredMoney(QStringLiteral("amount"));
    const auto projectId = in.optionalInt64(QStringLiteral("project_id"));
    const auto taskId = in.optionalInt64(QStringLiteral("task_id"));
    const auto billable = in.optionalBool(QStringLiteral("billable"));
    const auto justification = in.optionalString(QStringLiteral("justification"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const auto existing = m_store.expense(id, true);
    if (existing) {
        if (existing->employeeId != me.id)
            throw ApiError::conflict(
                QStringLiteral("Expense id %1 is already used by another record.")
                    .arg(uuidText(id)));
        if (existing->version != baseVersion)
            stale(baseVersion, existing->version);
        if (existing->status != QLatin1String("draft"))
            expenseMachine().next(existing->status, QStringLiteral("edit"));
        if (m_store.periodClosed(me.legalEntityId, existing->date))
            periodClosed(existing->date);
    } else if (baseVersion != 0) {
        throw ApiError::notFound(QStringLiteral("There is no expense %1.").arg(uuidText(id)));
    }

    const auto category = m_store.category(categoryId);
    if (!category || category->legalEntityId != me.legalEntityId || !category->active)
        in.addError(QStringLiteral("category_id"), "unknown",
                    QStringLiteral("no active expense category of %1 has this id").arg(me.entity));
    if (description.isEmpty() || description.size() > 500)
        in.addError(QStringLiteral("description"), "invalid_value",
                    QStringLiteral("1 to 500 characters"));
    if (!amount.isPositive())
        in.addError(QStringLiteral("amount"), "invalid_value", QStringLiteral("more than zero"));
    if (justification && justification->size() > 2000)
        in.addError(QStringLiteral("justification"), "invalid_value",
                    QStringLiteral("at most 2000 characters"));
    if (date > QDate::currentDate().addDays(1))
        in.addError(QStringLiteral("expense_date"), "in_future",
                    QStringLiteral("an expense is entered once it has been incurred"));
    if (projectId) {
        const auto project = m_store.project(*projectId);
        if (!project)
            in.addError(QStringLiteral("project_id"), "unknown",
                        QStringLiteral("no project has this id"));
        else if (project->status == QLatin1String("closed"))
            in.addError(QStringLiteral("project_id"), "closed",
                        QStringLiteral("the project is closed"));
    }
    if (taskId) {
        const auto taskProject = m_store.projectOfTask(*taskId);
        if (!projectId)
            in.addError(QStringLiteral("task_id"), "project_required",
                        QStringLiteral("a task needs its project"));
        else if (!taskProject || *taskProject != *projectId)
            in.addError(QStringLiteral("task_id"), "not_on_project",
                        QStringLiteral("the task is not on the project"));
    }
    const bool isBillable =
        billable ? *billable : (projectId && category && category->billableDefault);
    if (isBillable && !projectId)
        in.addError(QStringLiteral("billable"), "project_required",
                    QStringLiteral("a billable expense needs a project"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    if (m_store.periodClosed(me.legalEntityId, date))
        periodClosed(date);

    FxRate used;
    const Money functional = convertOn(m_store.db(), amount, me.functionalCurrency, date,
                                       QStringLiteral("amount"), &used);
    const Money others =
        moneyOf(m_store.sameDayTotal(me.id, categoryId, date, id), me.functionalCurrency);

    ExpenseValues v;
    v.id = id;
    v.employeeId = me.id;
    v.legalEntityId = me.legalEntityId;
    v.categoryId = categoryId;
    v.projectId = projectId.value_or(0);
    v.taskId = taskId.value_or(0);
    v.date = date;
    v.description = description;
    v.amount = amount.toDecimal().toString();
    v.currency = amount.currency().code();
    v.fxRate = used.rate.toString();
    v.functionalAmount = functional.toDecimal().toString();
    v.functionalCurrency = me.functionalCurrency;
    v.billable = isBillable;
    v.markupPct = isBillable ? category->markupPct : QStringLiteral("0");
    v.policyBreach = capBreach(policyOf(*category, me.functionalCurrency), functional, others,
                               date.toString(Qt::ISODate));
    v.justification = justification.value_or(QString()).trimmed();
    v.userId = request.caller().user.id;
    if (existing)
        m_store.update(v);
    else
        m_store.insert(v);
    const QJsonObject after = m_store.expense(id, false)->json;
    audit(request, m_store.db(),
          existing ? QStringLiteral("expense.update") : QStringLiteral("expense.create"), id,
          existing ? existing->json : QJsonObject(), after);
    tx.commit();
    return after;
}

QJsonObject ExpenseService::remove(const Request &request, const QUuid &id, int baseVersion) const
{
    const EmployeeRef me = caller(request);
    db::Transaction tx(m_store.db());
    const auto row = m_store.expense(id, true);
    if (!row || row->employeeId != me.id)
        throw ApiError::notFound(QStringLiteral("There is no expense %1.").arg(uuidText(id)));
    if (row->version != baseVersion)
        stale(baseVersion, row->version);
    expenseMachine().next(row->status, QStringLiteral("delete"));
    if (m_store.periodClosed(me.legalEntityId, row->date))
        periodClosed(row->date);
    m_store.setDeleted(id);
    const QJsonObject after = m_store.expense(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("expense.delete"), id, row->json, after);
    tx.commit();
    return after;
}

QJsonObject ExpenseService::putReceipt(const Request &request, const QUuid &expenseId,
                                       const QUuid &receiptId, bool *created) const
{
    const EmployeeRef me = caller(request);
    const QByteArray type = mediaType(request);
    const QByteArray &body = request.body;
    if (type != "image/jpeg" && type != "image/png" && type != "application/pdf")
        throw ApiError::unsupportedMediaType(
            QStringLiteral("A receipt is a JPEG, PNG or PDF file (Content-Type image/jpeg, "
                           "image/png or application/pdf)."));
    if (body.size() > kMaxReceiptBytes)
        throw ApiError::tooLarge(kMaxReceiptBytes);
    if (body.isEmpty())
        throw ApiError::invalidField(QStringLiteral("body"), "required",
                                     QStringLiteral("the receipt file is empty"));
    if (!magicMatches(type, body))
        throw ApiError::invalidField(QStringLiteral("body"), "content_mismatch",
                                     QStringLiteral("the file is not a %1 (its first bytes say "
                                                    "otherwise)")
                                         .arg(QString::fromLatin1(type)));
    QString fileName =
        request.query.queryItemValue(QStringLiteral("file_name"), QUrl::FullyDecoded).trimmed();
    if (fileName.isEmpty())
        fileName = QStringLiteral("receipt");
    if (fileName.size() > 255)
        throw ApiError::invalidField(QStringLiteral("file_name"), "invalid_value",
                                     QStringLiteral("at most 255 characters"));
    const QByteArray sha = QCryptographicHash::hash(body, QCryptographicHash::Sha256);

    db::Transaction tx(m_store.db());
    const auto row = m_store.expense(expenseId, true);
    if (!row || row->employeeId != me.id)
        throw ApiError::notFound(
            QStringLiteral("There is no expense %1.").arg(uuidText(expenseId)));
    if (const auto existing = m_store.receipt(receiptId, false)) {
        if (existing->expenseId != expenseId || existing->sha256 != sha)
            throw ApiError::conflict(
                QStringLiteral("Receipt %1 already holds another file.").arg(uuidText(receiptId)));
        if (created)
            *created = false;
        return existing->json;
    }
    if (row->status != QLatin1String("draft") && row->status != QLatin1String("rejected"))
        throw ApiError::conflict(
            QStringLiteral("Receipts are attached to draft or rejected expenses; this one is %1.")
                .arg(row->status));
    m_store.insertReceipt(receiptId, expenseId, fileName, QString::fromLatin1(type), sha, body,
                          request.caller().user.id);
    m_store.touch(expenseId);
    const QJsonObject meta = m_store.receipt(receiptId, false)->json;
    AuditEntry e = AuditEntry::from(request, QStringLiteral("expense_receipt.create"),
                                    QStringLiteral("expense_receipt"), uuidText(receiptId));
    e.after = meta;
    appendAudit(m_store.db(), e);
    tx.commit();
    if (created)
        *created = true;
    return meta;
}

ReceiptFile ExpenseService::receipt(const Request &request, const QUuid &receiptId) const
{
    const Principal &p = request.caller();
    const auto r = m_store.receipt(receiptId, true);
    const auto me = m_store.employeeOfUser(p.user.id);
    const bool own = r && me && r->employeeId == me->id;
    const QStringList approverOf = p.entitiesFor(QString::fromLatin1(Permission::ExpensesApprove));
    const bool approver =
        r && (approverOf.contains(QStringLiteral("*")) || approverOf.contains(r->entity));
    if (!r || (!own && !approver))
        throw ApiError::notFound(
            QStringLiteral("There is no receipt %1.").arg(uuidText(receiptId)));
    return {r->mimeType.toLatin1(), r->fileName, r->content};
}

} // namespace keel
