#include "consolidation_service.h"

#include "consolidation_rates.h"
#include "intercompany_store.h"
#include "money.h"
#include "statements_balances.h"
#include "statements_json.h"

#include <map>

namespace keel {

namespace {

bool isEliminatedRole(const QString &role)
{
    return role == QLatin1String("due_from_intercompany") ||
           role == QLatin1String("due_to_intercompany") ||
           role == QLatin1String("intercompany_revenue") ||
           role == QLatin1String("intercompany_cost");
}

// Group rows by account number, named after the account of the first entity (by id).
class ConsolidatedRows
{
public:
    explicit ConsolidatedRows(qsizetype columns) : m_columns(columns) {}
    void add(const FinancialStatementAccount &a, const QList<qint64> &amounts)
    {
        auto it = m_rows.find(a.number);
        if (it == m_rows.end())
            it = m_rows
                     .emplace(
                         a.number,
                         Entry{a.entityId,
                               {a.number, a.number, a.name, a.type, {}, QList<qint64>(m_columns)}})
                     .first;
        Entry &e = it->second;
        if (a.entityId < e.firstEntity) {
            e.firstEntity = a.entityId;
            e.row.name = a.name;
        }
        e.row.accounts.append({a.entityId, a.id});
        for (qsizetype i = 0; i < m_columns; ++i)
            e.row.amounts[i] += amounts.value(i);
    }
    QList<FinancialStatementRow> rows() const
    {
        QList<FinancialStatementRow> out;
        for (const auto &[number, e] : m_rows) {
            FinancialStatementRow r = e.row;
            std::sort(r.accounts.begin(), r.accounts.end());
            out.append(r);
        }
        return out;
    }

private:
    struct Entry
    {
        qint64 firstEntity = 0;
        FinancialStatementRow row;
    };
    qsizetype m_columns;
    std::map<QString, Entry> m_rows;
};

} // namespace

QJsonObject consolidatedFinancialStatement(QSqlDatabase db, const FinancialStatementQuery &query,
                                           const QList<FinancialStatementEntity> &entities)
{
    const Currency group = *Currency::fromCode(intercompany_store::groupCurrency(db));
    const QList<FinancialStatementColumn> &columns = query.columns;
    const qsizetype n = columns.size();
    QList<qint64> ids;
    QHash<qint64, QString> currencyOf;
    for (const FinancialStatementEntity &e : entities) {
        ids.append(e.id);
        currencyOf.insert(e.id, e.currency);
    }
    QDate first, last;
    for (const FinancialStatementColumn &c : columns) {
        const QDate start = query.balanceSheet ? financialYearStart(c.to) : c.from;
        first = !first.isValid() || start < first ? start : first;
        last = !last.isValid() || c.to > last ? c.to : last;
    }
    ConsolidationRates rates(db, group.code(), first, last);
    const FinancialStatementBalances b =
        loadFinancialStatementBalances(db, ids, query.balanceSheet, columns);

    // An entity's debit-positive functional amount, translated, in group minor units. The rate
    // is asked for only when there is something to translate: a comparison column before the
    // rates begin is fine while the entity had nothing then.
    const auto translate = [&](const FinancialStatementAccount &a, const Decimal &d,
                               const auto &rateOf) -> qint64 {
        if (d.isZero())
            return 0;
        const Currency c = *Currency::fromCode(currencyOf.value(a.entityId));
        const Money f = Money::fromDecimal(d, c).valueOr(Money::zero(c));
        return f.convert(rateOf(), group).valueOr(Money::zero(group)).minorUnits();
    };
    ConsolidatedRows kept(n), eliminated(n);
    for (auto it = b.main.cbegin(); it != b.main.cend(); ++it) {
        const FinancialStatementAccount &a = b.accounts.value(it.key());
        const QString cur = currencyOf.value(a.entityId);
        QList<qint64> amounts;
        for (qsizetype i = 0; i < n; ++i) {
            const FinancialStatementColumn &c = columns.at(i);
            amounts.append(naturalSign(a.type) * translate(a, it->at(i), [&] {
                               return query.balanceSheet ? rates.closing(cur, c.to)
                                                         : rates.average(cur, c.from, c.to);
                           }));
        }
        (isEliminatedRole(a.role) ? eliminated : kept).add(a, amounts);
    }
    QList<FinancialStatementRow> rows = kept.rows();
    const QList<FinancialStatementRow> eliminations = eliminated.rows();

    if (query.balanceSheet) {
        auto [current, prior] = earningsStatementRows(n);
        for (auto it = b.currentYear.cbegin(); it != b.currentYear.cend(); ++it) {
            const FinancialStatementAccount &a = b.accounts.value(it.key());
            const QString cur = currencyOf.value(a.entityId);
            for (qsizetype i = 0; i < n; ++i) {
                const QDate to = columns.at(i).to;
                current.amounts[i] -= translate(
                    a, it->at(i), [&] { return rates.average(cur, financialYearStart(to), to); });
                prior.amounts[i] -= translate(a, b.priorYears.value(it.key()).value(i),
                                              [&] { return rates.closing(cur, to); });
            }
        }
        // Whatever translation and elimination leave between assets and liabilities + equity.
        FinancialStatementRow reserve = computedStatementRow(QStringLiteral("translation_reserve"),
                                                             QStringLiteral("Translation reserve"),
                                                             QStringLiteral("equity"), n, true);
        rows << current << prior;
        for (qsizetype i = 0; i < n; ++i) {
            qint64 gap = 0;
            for (const FinancialStatementRow &r : std::as_const(rows))
                gap += (r.type == QLatin1String("asset") ? 1 : -1) * r.amounts.value(i);
            reserve.amounts[i] = gap;
        }
        rows << reserve;
    } else {
        FinancialStatementRow difference = computedStatementRow(
            QStringLiteral("intercompany_difference"),
            QStringLiteral("Intercompany elimination difference"), QStringLiteral("revenue"), n);
        for (const FinancialStatementRow &r : eliminations)
            for (qsizetype i = 0; i < n; ++i)
                difference.amounts[i] +=
                    (r.type == QLatin1String("revenue") ? 1 : -1) * r.amounts.value(i);
        rows << difference;
    }
    return financialStatementJson(query, group, rows, eliminations);
}

} // namespace keel
