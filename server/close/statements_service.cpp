#include "statements_service.h"

#include "consolidation_service.h"
#include "http/http_types.h"
#include "ledger/ledger_access.h"
#include "money.h"
#include "permissions.h"
#include "statements_balances.h"
#include "statements_json.h"

namespace keel {

QJsonObject entityFinancialStatement(QSqlDatabase db, const FinancialStatementQuery &query,
                                     const FinancialStatementEntity &entity)
{
    const Currency currency = *Currency::fromCode(entity.currency);
    const qsizetype n = query.columns.size();
    const FinancialStatementBalances b =
        loadFinancialStatementBalances(db, {entity.id}, query.balanceSheet, query.columns);
    const auto minor = [&](const Decimal &d) {
        return Money::fromDecimal(d, currency).valueOr(Money::zero(currency)).minorUnits();
    };
    QList<FinancialStatementRow> rows;
    for (auto it = b.main.cbegin(); it != b.main.cend(); ++it) {
        const FinancialStatementAccount &a = b.accounts.value(it.key());
        FinancialStatementRow row{a.number, a.number, a.name, a.type, {{entity.id, a.id}}, {}};
        for (const Decimal &d : *it)
            row.amounts.append(naturalSign(a.type) * minor(d));
        rows.append(row);
    }
    if (query.balanceSheet) {
        // Revenue and expenses not yet closed into retained earnings, credit-positive, so that
        // assets equal liabilities and equity.
        auto [current, prior] = earningsStatementRows(n);
        for (auto it = b.currentYear.cbegin(); it != b.currentYear.cend(); ++it)
            for (qsizetype i = 0; i < n; ++i) {
                current.amounts[i] -= minor(it->at(i));
                prior.amounts[i] -= minor(b.priorYears.value(it.key()).value(i));
            }
        rows << current << prior;
    }
    return financialStatementJson(query, currency, rows, {});
}

QJsonObject financialStatement(QSqlDatabase db, const Request &request)
{
    const FinancialStatementQuery query = parseFinancialStatementQuery(request);
    const QList<FinancialStatementEntity> entities = financial_statement_store::entities(db);
    const QStringList visible =
        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse));
    if (query.group) {
        for (const FinancialStatementEntity &e : entities)
            if (!ledger_access::covers(visible, e.code))
                throw ApiError::forbidden(
                    QStringLiteral("The group statements need finance access to every entity "
                                   "of the group; %1 is not yours.")
                        .arg(e.code));
        return consolidatedFinancialStatement(db, query, entities);
    }
    for (const FinancialStatementEntity &e : entities)
        if (e.id == query.entityId && ledger_access::covers(visible, e.code))
            return entityFinancialStatement(db, query, e);
    throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(query.entityId));
}

} // namespace keel
