#pragma once

#include "expense_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace keel {

struct ExpensePolicy;
struct Request;

// A category's policy with its amounts in `currency` (the entity's functional currency).
ExpensePolicy policyOf(const CategoryRow &category, const QString &currency);

// A receipt file as the GET route answers it.
struct ReceiptFile
{
    QByteArray mimeType;
    QString fileName;
    QByteArray content;
};

// Own expenses of a consultant: capture (REST and sync share save/remove/find), conversion into
// the entity's functional currency, the category's policy check, and receipt files.
// Every method throws ApiError with the status the REST route answers.
class ExpenseService
{
public:
    explicit ExpenseService(DbConfig config);
    static void registerStateMachines();
    const ExpenseStore &store() const { return m_store; }

    QJsonObject categories(const Request &request) const;
    // ?from=&to=&status=
    QJsonObject list(const Request &request) const;

    // Creates (baseVersion 0) or updates a draft or rejected expense of the caller. Body:
    // category_id, expense_date, description, amount {amount, currency}, project_id?, task_id?,
    // billable?, justification?.
    QJsonObject save(const Request &request, const QUuid &id, const QJsonObject &fields,
                     int baseVersion) const;
    // Draft or rejected only; the row stays with status 'deleted' so sync can carry it.
    QJsonObject remove(const Request &request, const QUuid &id, int baseVersion) const;
    // The caller's expense, std::nullopt when it is not theirs or does not exist.
    std::optional<QJsonObject> find(const Request &request, const QUuid &id) const;

    // Raw body upload; idempotent by receipt id (same bytes → same answer).
    QJsonObject putReceipt(const Request &request, const QUuid &expenseId, const QUuid &receiptId,
                           bool *created = nullptr) const;
    ReceiptFile receipt(const Request &request, const QUuid &receiptId) const;

    // The caller's employee record; 403 when there is none.
    EmployeeRef caller(const Request &request) const;

private:
    ExpenseStore m_store;
};

} // namespace keel
