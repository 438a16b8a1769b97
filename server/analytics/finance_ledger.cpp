#include "finance_ledger.h"

#include "analytics_dimensions.h"
#include "db/database.h"
#include "decimal.h"
#include "http/http_types.h"

#include <QHash>
#include <QJsonObject>
#include <QLocale>

namespace keel::finance_ledger {

namespace {

// Balances read every month up to the month's end: the slice starts before any ledger.
const QDate kBeginning(1900, 1, 1);

QString accountCondition(const LedgerAccounts &a, const QString &roleColumn,
                         const QString &accountColumn)
{
    // Roles are constants of this family, never user input.
    QString sql = QStringLiteral("%1 = '%2'").arg(roleColumn, a.role);
    if (a.bankAccounts)
        sql = QStringLiteral("(%1 OR %2 IN (SELECT ba.ledger_account_id FROM bank_accounts ba))")
                  .arg(sql, accountColumn);
    return sql;
}

QString factAccounts(const LedgerAccounts &a, const QString &alias)
{
    return accountCondition(a, alias + QStringLiteral(".account_role"),
                            alias + QStringLiteral(".ledger_account_id"));
}

QString signedAmount(const LedgerAccounts &a, const QString &alias)
{
    return a.creditNormal ? QStringLiteral("%1.functional_credit - %1.functional_debit").arg(alias)
                          : QStringLiteral("%1.functional_debit - %1.functional_credit").arg(alias);
}

// The fact's column a dimension needs besides entity and month.
QString rawColumn(const QString &dimension)
{
    if (dimension == QLatin1String(Dimension::Practice))
        return QStringLiteral("practice_id");
    if (dimension == QLatin1String(Dimension::Client))
        return QStringLiteral("client_id");
    if (dimension == QLatin1String(Dimension::Project))
        return QStringLiteral("project_id");
    return {};
}

bool isRanking(const QString &dimension)
{
    return !rawColumn(dimension).isEmpty();
}

QString prefixed(const QStringList &columns, const QString &alias)
{
    QString out;
    for (const QString &col : columns)
        out += QStringLiteral(", %1.%2").arg(alias, col);
    return out;
}

MetricContext balanceContext(const MetricContext &c)
{
    MetricContext b = c;
    b.filter.from = kBeginning;
    return b;
}

QJsonObject money(const QString &amount, const QString &currency)
{
    return {{"amount", amount}, {"currency", currency}};
}

struct Cursor
{
    qint64 first = 0, second = 0;
};

Cursor parseCursor(const QString &after)
{
    if (after.isEmpty())
        return {};
    const QStringList parts = after.split(u':');
    bool ok1 = false, ok2 = parts.size() == 1;
    Cursor out;
    out.first = parts.value(0).toLongLong(&ok1);
    if (parts.size() == 2)
        out.second = parts.value(1).toLongLong(&ok2);
    if (!ok1 || !ok2 || parts.size() > 2)
        throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                     QStringLiteral("after is the next cursor of a page."));
    return out;
}

QString monthLabel(QDate month)
{
    return QLocale::c().toString(month, QStringLiteral("MMM yyyy"));
}

} // namespace

QString addAmounts(const QStringList &amounts)
{
    Decimal sum;
    for (const QString &a : amounts)
        if (!a.isEmpty())
            sum = sum.add(Decimal::parse(a).valueOr(Decimal())).valueOr(sum);
    return sum.toString(2);
}

QList<LedgerCell> ledgerCells(const MetricContext &c, const LedgerAccounts &accounts,
                              LedgerKind kind, const QStringList &columns, const QString &by,
                              const QString &by2)
{
    const bool balance = kind == LedgerKind::Balance;
    const SqlFragment slice = sliceCondition(balance ? balanceContext(c) : c, columns);
    QStringList raw;
    for (const QString &d : {by, by2})
        if (!rawColumn(d).isEmpty() && !raw.contains(rawColumn(d)))
            raw << rawColumn(d);
    const DimensionSql d1 = dimensionSql(by, QStringLiteral("p"));
    const DimensionSql d2 = by2.isEmpty()
                                ? DimensionSql{QStringLiteral("''"), QStringLiteral("''"), {}}
                                : dimensionSql(by2, QStringLiteral("p"));
    const QString factPart =
        QStringLiteral("SELECT f.legal_entity_id, f.month%1, sum(%2) AS amount "
                       "FROM analytics_ledger_month f WHERE %3 AND %4 "
                       "GROUP BY f.legal_entity_id, f.month%1")
            .arg(prefixed(raw, QStringLiteral("f")), signedAmount(accounts, QStringLiteral("f")),
                 factAccounts(accounts, QStringLiteral("f")), slice.sql);
    QVariantList binds = slice.binds;
    QString from, converted;
    if (balance) {
        const bool byMonth =
            by == QLatin1String(Dimension::Month) || by2 == QLatin1String(Dimension::Month);
        // A month's balance: every month of the entity up to it, at that month's closing rate.
        from = QStringLiteral("(SELECT b.legal_entity_id, fx.month%1, fx.closing_rate AS rate, "
                              "sum(b.amount) AS amount FROM (%2) b JOIN %3 ON "
                              "fx.legal_entity_id = b.legal_entity_id AND fx.month BETWEEN ? AND "
                              "? AND b.month <= fx.month GROUP BY b.legal_entity_id, fx.month%1, "
                              "fx.closing_rate) p")
                   .arg(prefixed(raw, QStringLiteral("b")), factPart, AnalyticsRates::relation());
        binds += c.rates.binds();
        binds << (byMonth ? c.filter.from : c.filter.to) << c.filter.to;
        converted = QStringLiteral("round(p.amount * p.rate, 2)");
    } else {
        from = QStringLiteral("(%1) p JOIN %2 ON fx.legal_entity_id = p.legal_entity_id AND "
                              "fx.month = p.month")
                   .arg(factPart, AnalyticsRates::relation());
        binds += c.rates.binds();
        converted = QStringLiteral("round(p.amount * fx.average_rate, 2)");
    }
    const bool ranking = by2.isEmpty() && isRanking(by);
    QString tail;
    if (ranking) {
        tail = QStringLiteral(" HAVING sum(%1) <> 0 ORDER BY sum(%1) %2, 1 LIMIT ?")
                   .arg(converted, c.filter.order == QLatin1String("asc") ? QStringLiteral("ASC")
                                                                          : QStringLiteral("DESC"));
        binds << c.filter.limit;
    } else {
        tail = QStringLiteral(" ORDER BY 1, 3 LIMIT 5000");
    }
    const QString sql =
        QStringLiteral("SELECT %1, %2, %3, %4, coalesce(sum(%5), 0)::numeric(20, 2)::text "
                       "FROM %6%7%8 GROUP BY 1, 2, 3, 4")
            .arg(d1.key, d1.label, d2.key, d2.label, converted, from, d1.joins, d2.joins) +
        tail;
    QSqlQuery q = db::query(c.db, sql, binds);
    QList<LedgerCell> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString()});
    return out;
}

MetricAnswer ledgerAnswer(const MetricContext &c, const LedgerAccounts &accounts, LedgerKind kind,
                          const QStringList &columns)
{
    const AnalyticsFilter &f = c.filter;
    MetricAnswer a;
    const QList<LedgerCell> cells = ledgerCells(c, accounts, kind, columns, f.by, f.by2);
    if (f.by == QLatin1String(Dimension::Month) && f.by2.isEmpty()) {
        QHash<QString, QString> byMonth;
        for (const LedgerCell &cell : cells)
            byMonth.insert(cell.key, cell.amount);
        for (const QDate m : f.months()) {
            const QString key = m.toString(QStringLiteral("yyyy-MM"));
            MetricPoint p;
            p.key = key;
            p.label = monthLabel(m);
            p.value = byMonth.value(key, QStringLiteral("0.00"));
            a.points.append(p);
        }
    } else {
        for (const LedgerCell &cell : cells) {
            MetricPoint p;
            p.key = cell.key;
            p.label = cell.label;
            p.key2 = cell.key2;
            p.label2 = cell.label2;
            p.value = cell.amount;
            a.points.append(p);
        }
    }
    // The figure: flows over every (entity, month), balances at the end of `to` per entity.
    const QString whole = kind == LedgerKind::Flow ? QString::fromLatin1(Dimension::Month)
                                                   : QString::fromLatin1(Dimension::Entity);
    QStringList amounts;
    if (f.by == whole && f.by2.isEmpty()) {
        for (const MetricPoint &p : a.points)
            amounts << p.value;
    } else {
        for (const LedgerCell &cell : ledgerCells(c, accounts, kind, columns, whole, {}))
            amounts << cell.amount;
    }
    a.value = addAmounts(amounts);
    return a;
}

RecordsPage flowRecords(const MetricContext &c, const LedgerAccounts &accounts,
                        const QStringList &columns)
{
    const AnalyticsFilter &f = c.filter;
    // The journal lines in the fact's terms, so the same slice applies to both.
    const QString detail =
        QStringLiteral("(SELECT jl.id, jl.entry_id, jl.entry_date, jl.legal_entity_id, "
                       "date_trunc('month', jl.entry_date)::date AS month, jl.project_id, "
                       "jl.client_account_id AS client_id, jl.practice_id, jl.memo, "
                       "la.number AS account_number, la.name AS account_name, %1 AS amount "
                       "FROM journal_lines jl JOIN ledger_accounts la ON la.id = "
                       "jl.ledger_account_id WHERE %2 AND jl.legal_entity_id = ANY(?::bigint[]) "
                       "AND jl.entry_date BETWEEN ? AND ?) d")
            .arg(signedAmount(accounts, QStringLiteral("jl")),
                 accountCondition(accounts, QStringLiteral("la.role"),
                                  QStringLiteral("jl.ledger_account_id")));
    const QVariantList detailBinds{c.entityArray(), f.from, f.lastDay()};
    const SqlFragment slice = sliceCondition(c, columns, QStringLiteral("d"));
    const Cursor after = parseCursor(f.after);

    RecordsPage page;
    page.columns = {{"entry_date", "Date", "date"},     {"entry_id", "Entry", "id"},
                    {"entity", "Entity", "text"},       {"account", "Account", "text"},
                    {"project_id", "Project id", "id"}, {"project", "Project", "text"},
                    {"client", "Client", "text"},       {"memo", "Memo", "text"},
                    {"amount", "Amount", "money"}};
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral("SELECT d.id, d.entry_date, d.entry_id, le.code, d.account_number || ' ' || "
                       "d.account_name, d.project_id, pj.name, ac.name, coalesce(d.memo, "
                       "je.description), round(d.amount, 2)::text, le.functional_currency "
                       "FROM %1 JOIN legal_entities le ON le.id = d.legal_entity_id "
                       "JOIN journal_entries je ON je.id = d.entry_id "
                       "LEFT JOIN projects pj ON pj.id = d.project_id "
                       "LEFT JOIN accounts ac ON ac.id = d.client_id "
                       "WHERE %2 AND d.id > ? ORDER BY d.id LIMIT ?")
            .arg(detail, slice.sql),
        detailBinds + slice.binds + QVariantList{after.first, f.limit + 1});
    int n = 0;
    qint64 last = 0;
    while (q.next()) {
        if (++n > f.limit) {
            page.next = QString::number(last);
            break;
        }
        last = q.value(0).toLongLong();
        page.items.append(QJsonObject{
            {"entry_date", q.value(1).toDate().toString(Qt::ISODate)},
            {"entry_id", q.value(2).toString()},
            {"entity", q.value(3).toString()},
            {"account", q.value(4).toString()},
            {"project_id", q.value(5).isNull() ? QJsonValue() : QJsonValue(q.value(5).toString())},
            {"project", q.value(6).toString()},
            {"client", q.value(7).toString()},
            {"memo", q.value(8).toString()},
            {"amount", money(q.value(9).toString(), q.value(10).toString())}});
    }
    QSqlQuery t = db::query(
        c.db,
        QStringLiteral("SELECT coalesce(sum(round(t.amount * fx.average_rate, 2)), 0)::numeric(20, "
                       "2)::text FROM (SELECT d.legal_entity_id, d.month, sum(d.amount) AS amount "
                       "FROM %1 WHERE %2 GROUP BY 1, 2) t JOIN %3 ON fx.legal_entity_id = "
                       "t.legal_entity_id AND fx.month = t.month")
            .arg(detail, slice.sql, AnalyticsRates::relation()),
        detailBinds + slice.binds + c.rates.binds());
    page.total = t.next() ? t.value(0).toString() : QStringLiteral("0.00");
    return page;
}

RecordsPage balanceRecords(const MetricContext &c, const LedgerAccounts &accounts,
                           const QStringList &columns, BalanceGrouping grouping)
{
    const AnalyticsFilter &f = c.filter;
    const SqlFragment slice = sliceCondition(balanceContext(c), columns);
    const Cursor after = parseCursor(f.after);
    QString group, label, detail, joins;
    RecordsPage page;
    switch (grouping) {
    case BalanceGrouping::Project:
        group = QStringLiteral("project_id");
        label = QStringLiteral("coalesce(pj.name, 'No project')");
        detail = QStringLiteral("ac.name");
        joins = QStringLiteral(" LEFT JOIN projects pj ON pj.id = b.g LEFT JOIN accounts ac ON "
                               "ac.id = pj.account_id");
        page.columns = {{"entity", "Entity", "text"},
                        {"project_id", "Project id", "id"},
                        {"project", "Project", "text"},
                        {"client", "Client", "text"},
                        {"balance", "Balance", "money"}};
        break;
    case BalanceGrouping::Client:
        group = QStringLiteral("client_id");
        label = QStringLiteral("coalesce(ac.name, 'No client')");
        detail = QStringLiteral("''");
        joins = QStringLiteral(" LEFT JOIN accounts ac ON ac.id = b.g");
        page.columns = {{"entity", "Entity", "text"},
                        {"client_id", "Client id", "id"},
                        {"client", "Client", "text"},
                        {"balance", "Balance", "money"}};
        break;
    case BalanceGrouping::LedgerAccount:
        group = QStringLiteral("ledger_account_id");
        label = QStringLiteral("la.number || ' ' || la.name");
        detail = QStringLiteral("(SELECT string_agg(ba.name, ', ' ORDER BY ba.id) FROM "
                                "bank_accounts ba WHERE ba.ledger_account_id = b.g)");
        joins = QStringLiteral(" JOIN ledger_accounts la ON la.id = b.g");
        page.columns = {{"entity", "Entity", "text"},
                        {"account", "Ledger account", "text"},
                        {"bank_accounts", "Bank accounts", "text"},
                        {"balance", "Balance", "money"}};
        break;
    }
    const QString sign = signedAmount(accounts, QStringLiteral("f"));
    const QString where =
        factAccounts(accounts, QStringLiteral("f")) + QStringLiteral(" AND ") + slice.sql;
    QSqlQuery q = db::query(
        c.db,
        QStringLiteral("SELECT b.legal_entity_id, b.g, le.code, %1, %2, round(b.amount, 2)::text, "
                       "le.functional_currency FROM (SELECT f.legal_entity_id, coalesce(f.%3, 0) "
                       "AS g, sum(%4) AS amount FROM analytics_ledger_month f WHERE %5 GROUP BY "
                       "1, 2 HAVING sum(%4) <> 0) b JOIN legal_entities le ON le.id = "
                       "b.legal_entity_id%6 WHERE (b.legal_entity_id, b.g) > (?, ?) ORDER BY "
                       "b.legal_entity_id, b.g LIMIT ?")
            .arg(label, detail, group, sign, where, joins),
        slice.binds + QVariantList{after.first, after.second, f.limit + 1});
    int n = 0;
    QString last;
    while (q.next()) {
        if (++n > f.limit) {
            page.next = last;
            break;
        }
        last = q.value(0).toString() + u':' + q.value(1).toString();
        const qint64 g = q.value(1).toLongLong();
        const QJsonValue id = g ? QJsonValue(QString::number(g)) : QJsonValue();
        const QJsonObject balance = money(q.value(5).toString(), q.value(6).toString());
        switch (grouping) {
        case BalanceGrouping::Project:
            page.items.append(QJsonObject{{"entity", q.value(2).toString()},
                                          {"project_id", id},
                                          {"project", q.value(3).toString()},
                                          {"client", q.value(4).toString()},
                                          {"balance", balance}});
            break;
        case BalanceGrouping::Client:
            page.items.append(QJsonObject{{"entity", q.value(2).toString()},
                                          {"client_id", id},
                                          {"client", q.value(3).toString()},
                                          {"balance", balance}});
            break;
        case BalanceGrouping::LedgerAccount:
            page.items.append(QJsonObject{{"entity", q.value(2).toString()},
                                          {"account", q.value(3).toString()},
                                          {"bank_accounts", q.value(4).toString()},
                                          {"balance", balance}});
            break;
        }
    }
    QSqlQuery t = db::query(
        c.db,
        QStringLiteral("SELECT coalesce(sum(round(t.amount * fx.closing_rate, 2)), 0)::numeric(20, "
                       "2)::text FROM (SELECT f.legal_entity_id, sum(%1) AS amount FROM "
                       "analytics_ledger_month f WHERE %2 GROUP BY 1) t JOIN %3 ON "
                       "fx.legal_entity_id = t.legal_entity_id AND fx.month = ?")
            .arg(sign, where, AnalyticsRates::relation()),
        slice.binds + c.rates.binds() + QVariantList{f.to});
    page.total = t.next() ? t.value(0).toString() : QStringLiteral("0.00");
    return page;
}

} // namespace keel::finance_ledger
