#pragma once

#include "db/database.h"

namespace keel {

// SQL for expense categories, expenses and receipts.
class ExpenseStore
{
public:
    explicit ExpenseStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

private:
    DbConfig m_config;
};

} // namespace keel
