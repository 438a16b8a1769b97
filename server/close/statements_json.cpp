#include "statements_json.h"

#include "json_codec.h"
#include "money.h"

#include <QJsonArray>

#include <algorithm>

namespace keel {

namespace {

struct StatementSection
{
    const char *type;
    const char *label;
};

bool allZero(const QList<qint64> &amounts)
{
    return std::all_of(amounts.cbegin(), amounts.cend(), [](qint64 v) { return v == 0; });
}

} // namespace

FinancialStatementRow computedStatementRow(const QString &key, const QString &name,
                                           const QString &type, qsizetype columns, bool keep)
{
    return {key, {}, name, type, {}, QList<qint64>(columns), keep};
}

std::pair<FinancialStatementRow, FinancialStatementRow> earningsStatementRows(qsizetype columns)
{
    return {computedStatementRow(QStringLiteral("current_year_earnings"),
                                 QStringLiteral("Current year earnings"), QStringLiteral("equity"),
                                 columns, true),
            computedStatementRow(QStringLiteral("prior_years_earnings"),
                                 QStringLiteral("Earnings of prior years not closed"),
                                 QStringLiteral("equity"), columns)};
}

QJsonObject financialStatementJson(const FinancialStatementQuery &query, const Currency &currency,
                                   const QList<FinancialStatementRow> &rows,
                                   const QList<FinancialStatementRow> &eliminations)
{
    const qsizetype n = query.columns.size();
    const auto amounts = [&](const QList<qint64> &v) {
        QJsonObject o;
        for (qsizetype i = 0; i < n; ++i)
            o.insert(query.columns.at(i).key, Money::fromMinor(v.value(i), currency)->toString());
        return o;
    };
    const auto rowJson = [&](const FinancialStatementRow &r) {
        QJsonArray accounts;
        for (const auto &[entity, account] : r.accounts)
            accounts.append(QJsonObject{{"legal_entity_id", idToJson(entity)},
                                        {"account_id", idToJson(account)}});
        QJsonObject o{{"number", r.number.isEmpty() ? QJsonValue() : QJsonValue(r.number)},
                      {"name", r.name},
                      {"type", r.type},
                      {"amounts", amounts(r.amounts)},
                      {"accounts", accounts}};
        if (r.number.isEmpty())
            o.insert(QStringLiteral("key"), r.key);
        return o;
    };

    QList<FinancialStatementRow> sorted = rows;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const FinancialStatementRow &a, const FinancialStatementRow &b) {
                         // Accounts by number, computed lines after them in the given order.
                         if (a.number.isEmpty() != b.number.isEmpty())
                             return b.number.isEmpty();
                         return a.number < b.number;
                     });
    const QList<StatementSection> sectionsOf =
        query.balanceSheet
            ? QList<StatementSection>{{"asset", "Assets"},
                                      {"liability", "Liabilities"},
                                      {"equity", "Equity"}}
            : QList<StatementSection>{{"revenue", "Revenue"}, {"expense", "Expenses"}};
    QJsonArray sections;
    QHash<QString, QList<qint64>> totals;
    for (const StatementSection &s : sectionsOf) {
        QJsonArray sectionRows;
        QList<qint64> total(n);
        for (const FinancialStatementRow &r : std::as_const(sorted)) {
            if (r.type != QLatin1String(s.type) || (!r.keep && allZero(r.amounts)))
                continue;
            sectionRows.append(rowJson(r));
            for (qsizetype i = 0; i < n; ++i)
                total[i] += r.amounts.value(i);
        }
        totals.insert(QString::fromLatin1(s.type), total);
        sections.append(QJsonObject{{"type", s.type},
                                    {"label", s.label},
                                    {"rows", sectionRows},
                                    {"total", amounts(total)}});
    }

    QJsonArray columns;
    for (const FinancialStatementColumn &c : query.columns) {
        QJsonObject o{{"key", c.key}, {"from", dateToJson(c.from)}, {"to", dateToJson(c.to)}};
        if (query.balanceSheet)
            o.insert(QStringLiteral("as_of"), dateToJson(c.to));
        columns.append(o);
    }
    QJsonObject out{
        {"kind", query.balanceSheet ? "balance_sheet" : "profit_and_loss"},
        {"scope", query.group ? "group" : "entity"},
        {"legal_entity_id", query.group ? QJsonValue() : idToJson(query.entityId)},
        {"currency", currency.code()},
        {"columns", columns},
        {"sections", sections},
    };
    if (query.balanceSheet) {
        QList<qint64> assets = totals.value("asset"), le(n);
        bool balanced = true;
        for (qsizetype i = 0; i < n; ++i) {
            le[i] = totals.value("liability").value(i) + totals.value("equity").value(i);
            balanced = balanced && le[i] == assets.value(i);
        }
        out.insert(QStringLiteral("total_assets"), amounts(assets));
        out.insert(QStringLiteral("total_liabilities_equity"), amounts(le));
        out.insert(QStringLiteral("balanced"), balanced);
    } else {
        QList<qint64> net(n);
        for (qsizetype i = 0; i < n; ++i)
            net[i] = totals.value("revenue").value(i) - totals.value("expense").value(i);
        out.insert(QStringLiteral("net_income"), amounts(net));
    }
    if (query.group) {
        QJsonArray elim;
        for (const FinancialStatementRow &r : eliminations)
            if (!allZero(r.amounts))
                elim.append(rowJson(r));
        out.insert(QStringLiteral("eliminations"), elim);
    }
    return out;
}

} // namespace keel
