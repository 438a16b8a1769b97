#include "statements_balances.h"

#include <algorithm>

namespace keel {

bool isProfitAndLossType(const QString &type)
{
    return type == QLatin1String("revenue") || type == QLatin1String("expense");
}

int naturalSign(const QString &type)
{
    return type == QLatin1String("asset") || type == QLatin1String("expense") ? 1 : -1;
}

QDate financialYearStart(QDate date)
{
    return QDate(date.year(), 1, 1);
}

namespace {

// A half-open date window [from, to) over the buckets; from invalid: from the beginning.
struct StatementWindow
{
    QDate from, to;
};

} // namespace

FinancialStatementBalances
loadFinancialStatementBalances(QSqlDatabase db, const QList<qint64> &entityIds, bool balanceSheet,
                               const QList<FinancialStatementColumn> &columns)
{
    // Windows per column: the main one, and for a balance sheet the year to date and before.
    QList<StatementWindow> mainW, yearW, priorW;
    QList<QDate> thresholds;
    QDate last;
    for (const FinancialStatementColumn &c : columns) {
        const QDate end = c.to.addDays(1);
        const QDate year = financialYearStart(c.to);
        mainW.append({balanceSheet ? QDate() : c.from, end});
        yearW.append({year, end});
        priorW.append({QDate(), year});
        thresholds << end << (balanceSheet ? year : c.from);
        if (!last.isValid() || c.to > last)
            last = c.to;
    }
    // What to read: a balance sheet everything up to its last column; a P&L its columns'
    // ranges, overlapping ones merged.
    QList<std::pair<QDate, QDate>> readRanges;
    if (balanceSheet) {
        readRanges.append({QDate(), last});
    } else {
        for (const FinancialStatementColumn &c : columns)
            readRanges.append({c.from, c.to});
        std::sort(readRanges.begin(), readRanges.end());
        QList<std::pair<QDate, QDate>> merged;
        for (const auto &r : std::as_const(readRanges)) {
            if (!merged.isEmpty() && r.first <= merged.last().second.addDays(1))
                merged.last().second = std::max(merged.last().second, r.second);
            else
                merged.append(r);
        }
        readRanges = merged;
    }
    std::sort(thresholds.begin(), thresholds.end());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());

    FinancialStatementBalances out;
    out.accounts = financial_statement_store::accounts(db, entityIds);
    // Bucket k holds the dates in [thresholds[k-1], thresholds[k]); running totals make
    // total[k] everything dated before thresholds[k].
    const qsizetype n = thresholds.size();
    QHash<qint64, QList<Decimal>> total;
    for (const FinancialStatementBucket &b :
         financial_statement_store::buckets(db, entityIds, thresholds, readRanges)) {
        auto it = total.find(b.accountId);
        if (it == total.end())
            it = total.insert(b.accountId, QList<Decimal>(n + 1));
        Decimal &cell = (*it)[b.bucket];
        cell = cell.add(Decimal::parse(b.net).valueOr(Decimal())).valueOr(cell);
    }
    for (QList<Decimal> &t : total)
        for (qsizetype k = 1; k <= n; ++k)
            t[k] = t[k].add(t[k - 1]).valueOr(t[k]);
    const auto before = [&](const QList<Decimal> &t, QDate d) {
        if (!d.isValid())
            return Decimal();
        return t.at(std::lower_bound(thresholds.cbegin(), thresholds.cend(), d) -
                    thresholds.cbegin());
    };
    const auto windows = [&](const QList<Decimal> &t, const QList<StatementWindow> &w) {
        QList<Decimal> out;
        for (const StatementWindow &x : w)
            out.append(before(t, x.to).subtract(before(t, x.from)).valueOr(Decimal()));
        return out;
    };
    for (auto it = total.cbegin(); it != total.cend(); ++it) {
        const auto account = out.accounts.constFind(it.key());
        if (account == out.accounts.constEnd())
            continue;
        const bool pl = isProfitAndLossType(account->type);
        if (!balanceSheet) {
            if (pl)
                out.main.insert(it.key(), windows(*it, mainW));
        } else if (pl) {
            out.currentYear.insert(it.key(), windows(*it, yearW));
            out.priorYears.insert(it.key(), windows(*it, priorW));
        } else {
            out.main.insert(it.key(), windows(*it, mainW));
        }
    }
    return out;
}

} // namespace keel
