#pragma once

#include "expense_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Finance of an entity sets up its expense categories and their policy (caps and receipt
// threshold in the entity's functional currency).
class ExpenseCategoryService
{
public:
    explicit ExpenseCategoryService(DbConfig config) : m_store(std::move(config)) {}

    // {legal_entity, code, name, cap_kind, cap_amount?, receipt_required_above?,
    //  billable_default?, markup_pct?}
    QJsonObject create(const Request &request, const QJsonObject &body) const;
    // The same fields but legal_entity and code, plus active and version (412 when stale).
    QJsonObject update(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    ExpenseStore m_store;
};

} // namespace keel
