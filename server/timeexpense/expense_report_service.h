#pragma once

#include "expense_report_store.h"
#include "expense_service.h"
#include "ledger/ledger_service.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Expense reports: an employee submits chosen draft expenses (breaches need a justification);
// the employee's manager approves first (or, without one, an approver of the entity), then
// finance of the entity. Nobody decides their own report. A rejection sends the expenses back
// as rejected (editable) with the reason.
class ExpenseReportService
{
public:
    ExpenseReportService(DbConfig config, const ExpenseService &expenses);
    static void registerStateMachines();

    QJsonObject submit(const Request &request, const QJsonObject &body) const;
    QJsonObject list(const Request &request) const; // ?scope=mine|to_approve
    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject decide(const Request &request, qint64 id, const QJsonObject &body) const;

private:
    ApproverScope scopeOf(const Request &request) const;
    QJsonObject withExpenses(const ReportRow &row) const;

    ExpenseReportStore m_store;
    const ExpenseService &m_expenses;
    LedgerService m_ledger;
};

} // namespace keel
