#include "ledger_month_fact.h"

#include "db/database.h"

namespace keel {

namespace {

void rebuildLedgerMonths(QSqlDatabase db, const QList<EntityMonth> &partitions)
{
    deletePartitions(db, QStringLiteral("analytics_ledger_month"), partitions);
    // Each partition reads one entity's month through journal_lines_tb_idx.
    db::query(
        db,
        QStringLiteral(
            "INSERT INTO analytics_ledger_month (legal_entity_id, month, ledger_account_id, "
            "account_type, account_role, account_number, project_id, client_id, practice_id, "
            "functional_debit, functional_credit, lines) "
            "SELECT p.legal_entity_id, p.month, l.ledger_account_id, a.type, a.role, a.number, "
            "l.project_id, l.client_account_id, l.practice_id, sum(l.functional_debit), "
            "sum(l.functional_credit), count(*) "
            "FROM unnest(?::bigint[], ?::date[]) AS p(legal_entity_id, month) "
            "JOIN journal_lines l ON l.legal_entity_id = p.legal_entity_id "
            "AND l.entry_date >= p.month AND l.entry_date < p.month + interval '1 month' "
            "JOIN ledger_accounts a ON a.id = l.ledger_account_id "
            "GROUP BY p.legal_entity_id, p.month, l.ledger_account_id, a.type, a.role, a.number, "
            "l.project_id, l.client_account_id, l.practice_id"),
        partitionBinds(partitions));
}

} // namespace

AnalyticsFact ledgerMonthFact()
{
    return {QStringLiteral("ledger_month"), QStringLiteral("analytics_ledger_month"),
            rebuildLedgerMonths};
}

} // namespace keel
