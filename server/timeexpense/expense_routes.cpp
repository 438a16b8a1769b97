#include "expense_routes.h"

#include "expense_category_service.h"
#include "expense_report_service.h"
#include "expense_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "permissions.h"
#include "vendor_routes.h"

#include <memory>

namespace keel {

namespace {

QUuid uuidParam(const Request &r, const QString &name)
{
    const QUuid id = QUuid::fromString(r.params.value(name));
    if (id.isNull())
        throw ApiError::notFound(QStringLiteral("%1 is not an id.").arg(r.params.value(name)));
    return id;
}

// The version the client read: If-Match, the body's "version" or the query's; none = create.
int baseVersion(const Request &r, const QJsonObject &body)
{
    QByteArray tag = r.header("If-Match").trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    tag.replace('"', "");
    QString text = QString::fromLatin1(tag);
    if (text.isEmpty() && body.contains(QStringLiteral("version")))
        text = body.value(QStringLiteral("version")).toVariant().toString();
    if (text.isEmpty())
        text = r.query.queryItemValue(QStringLiteral("version"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 0)
        throw ApiError::invalidField(QStringLiteral("version"), "invalid_value",
                                     QStringLiteral("the version you read, a whole number"));
    return v;
}

} // namespace

void registerExpenseRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    ExpenseService::registerStateMachines();
    const auto expenses = std::make_shared<const ExpenseService>(database);
    ExpenseReportService::registerStateMachines();
    const auto reports = std::make_shared<const ExpenseReportService>(database, *expenses);
    const QString base = QStringLiteral("/api/v1");

    router.add({"GET", base + "/expenses/categories", TimeUse, Scope::LegalEntity,
                "Expense categories of the caller's entity with their policy",
                [expenses](Request &r) { return Reply::json(expenses->categories(r)); }});
    const auto categories = std::make_shared<const ExpenseCategoryService>(database);
    router.add({"POST", base + "/expenses/categories", FinanceUse, Scope::LegalEntity,
                "Create an expense category with its policy (finance of the entity)",
                [categories](Request &r) {
                    return Reply::json(categories->create(r, r.jsonObject()), 201);
                }});
    router.add({"PUT", base + "/expenses/categories/{id}", FinanceUse, Scope::LegalEntity,
                "Change an expense category's policy or retire it (version / If-Match)",
                [categories](Request &r) {
                    return Reply::json(
                        categories->update(r, r.idParam(QStringLiteral("id")), r.jsonObject()));
                }});
    router.add({"GET", base + "/expenses", TimeUse, Scope::Own, "Own expenses (?from=&to=&status=)",
                [expenses](Request &r) { return Reply::json(expenses->list(r)); }});
    router.add({"GET", base + "/expenses/{id}", TimeUse, Scope::Own, "One own expense",
                [expenses](Request &r) {
                    const QUuid id = uuidParam(r, QStringLiteral("id"));
                    if (const auto e = expenses->find(r, id))
                        return Reply::json(*e);
                    throw ApiError::notFound(QStringLiteral("There is no expense %1.")
                                                 .arg(r.params.value(QStringLiteral("id"))));
                }});
    router.add({"PUT", base + "/expenses/{id}", TimeUse, Scope::Own,
                "Create (no version) or update a draft or rejected own expense",
                [expenses](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    const int version = baseVersion(r, body);
                    return Reply::json(
                        expenses->save(r, uuidParam(r, QStringLiteral("id")), body, version),
                        version == 0 ? 201 : 200);
                }});
    router.add({"DELETE", base + "/expenses/{id}", TimeUse, Scope::Own,
                "Delete a draft or rejected own expense (?version=)", [expenses](Request &r) {
                    return Reply::json(expenses->remove(r, uuidParam(r, QStringLiteral("id")),
                                                        baseVersion(r, {})));
                }});
    router.add({"PUT", base + "/expenses/{id}/receipts/{receipt}", TimeUse, Scope::Own,
                "Attach a receipt (raw JPEG, PNG or PDF body up to 10 MiB, ?file_name=)",
                [expenses](Request &r) {
                    bool created = false;
                    const QJsonObject meta =
                        expenses->putReceipt(r, uuidParam(r, QStringLiteral("id")),
                                             uuidParam(r, QStringLiteral("receipt")), &created);
                    return Reply::json(meta, created ? 201 : 200);
                }});
    router.add({"GET", base + "/expenses/receipts/{id}", TimeUse, Scope::Own,
                "A receipt file (its owner, or approvers of expenses of its entity)",
                [expenses](Request &r) {
                    const ReceiptFile f = expenses->receipt(r, uuidParam(r, QStringLiteral("id")));
                    QString safe = f.fileName;
                    safe.replace(u'"', u'_');
                    return Reply{
                        200,
                        f.mimeType,
                        f.content,
                        {{"Content-Disposition", "inline; filename=\"" + safe.toUtf8() + "\""}}};
                }});

    router.add({"POST", base + "/expense-reports", TimeUse, Scope::Own,
                "Create and submit a report of own draft or rejected expenses",
                [reports, expenses](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    return idempotent(expenses->store().db(), r,
                                      [&] { return Reply::json(reports->submit(r, body), 201); });
                }});
    router.add({"GET", base + "/expense-reports", TimeUse, Scope::Own,
                "Own expense reports, or those the caller decides next (?scope=to_approve)",
                [reports](Request &r) { return Reply::json(reports->list(r)); }});
    router.add({"GET", base + "/expense-reports/{id}", TimeUse, Scope::Own,
                "One expense report with its expenses (its employee or its approvers)",
                [reports](Request &r) {
                    return Reply::json(reports->get(r, r.idParam(QStringLiteral("id"))));
                }});
    router.add({"POST", base + "/expense-reports/{id}/decide", ExpensesApprove, Scope::MyTeam,
                "Approve or reject: the employee's manager first, then finance of the entity",
                [reports](Request &r) {
                    return Reply::json(
                        reports->decide(r, r.idParam(QStringLiteral("id")), r.jsonObject()));
                }});
    registerVendorRoutes(router, database);
}

} // namespace keel
