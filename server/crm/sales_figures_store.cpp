#include "sales_figures_store.h"

#include "currency.h"
#include "job_role_service.h"
#include "sales_rules.h"

#include <QSqlQuery>
#include <QVariantList>

namespace keel {

namespace {

// The currency table as two SQL arrays, so that rounding at the minor unit happens in SQL.
// Currencies unknown to Keel round at 2 places.
const QString kCurrencyCte =
    QStringLiteral("WITH cur AS (SELECT * FROM unnest(?::text[], ?::int[]) AS t(code, minor)) ");

QVariantList currencyBinds()
{
    static const QVariantList binds = [] {
        QStringList codes;
        QStringList minors;
        for (const Currency &c : Currency::all()) {
            codes << c.code();
            minors << QString::number(c.minorUnits());
        }
        return QVariantList{u'{' + codes.join(u',') + u'}', u'{' + minors.join(u',') + u'}'};
    }();
    return binds;
}

const QString kMinor = QStringLiteral("coalesce(cur.minor, 2)");

// The moment an opportunity reached its current (won or lost) stage, as a UTC date (the rule
// analytics' win rate applies too: sales_rules.h).
const QString kClosedJoin = sales_rules::closedJoin();
const QString kClosedOn = sales_rules::closedOn();
const QString kCreatedOn = QStringLiteral("((o.created_at AT TIME ZONE 'UTC')::date)");

struct Where
{
    QStringList parts;
    QVariantList binds;

    void add(const QString &condition, const QVariantList &values = {})
    {
        parts << condition;
        binds << values;
    }
    QString sql() const
    {
        return parts.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    }
};

// Scope, entity, practice, service line and date range. `opportunityId` is the expression of the
// opportunity whose service lines count; `offering` the offering whose line counts too (contracts).
Where commonWhere(const SalesFiguresFilter &f, const QString &practice,
                  const QString &opportunityId, const QString &offering, const QString &date)
{
    Where w;
    if (!f.allEntities)
        w.add(QStringLiteral("e.code = ANY(string_to_array(?::text, ','))"),
              {f.entityScope.join(u',')});
    if (!f.entity.isEmpty())
        w.add(QStringLiteral("e.code = ?"), {f.entity});
    if (f.practiceId > 0)
        w.add(practice + QStringLiteral(" = ?"), {f.practiceId});
    QString lines =
        QStringLiteral("EXISTS (SELECT 1 FROM opportunity_service_lines x WHERE "
                       "x.opportunity_id = %1%2)")
            .arg(opportunityId,
                 f.serviceLineId > 0 ? QStringLiteral(" AND x.service_line_id = ?") : QString());
    QVariantList lineBinds;
    if (f.serviceLineId > 0)
        lineBinds << f.serviceLineId;
    if (!offering.isEmpty()) {
        lines = QStringLiteral("(%1 OR EXISTS (SELECT 1 FROM offerings ofr WHERE ofr.id = %2%3))")
                    .arg(lines, offering,
                         f.serviceLineId > 0 ? QStringLiteral(" AND ofr.service_line_id = ?")
                                             : QString());
        if (f.serviceLineId > 0)
            lineBinds << f.serviceLineId;
    }
    if (f.serviceLineId > 0)
        w.add(lines, lineBinds);
    else if (f.noServiceLine)
        w.add(QStringLiteral("NOT ") + lines);
    if (f.from.isValid())
        w.add(date + QStringLiteral(" >= ?"), {f.from});
    if (f.to.isValid())
        w.add(date + QStringLiteral(" <= ?"), {f.to});
    return w;
}

QString period(const QString &date)
{
    return QStringLiteral("to_char(%1, 'YYYY-MM')").arg(date);
}

QStringList splitUnit(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QChar(31));
}

} // namespace

QSqlDatabase SalesFiguresStore::db() const
{
    return db::connection(m_config);
}

std::optional<qint64> SalesFiguresStore::practiceId(const QString &code) const
{
    return crm::practiceIdByCode(db(), code);
}

std::optional<qint64> SalesFiguresStore::serviceLineId(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM service_lines WHERE code = ?"), {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool SalesFiguresStore::entityExists(const QString &code) const
{
    return crm::entityIdByCode(db(), code).has_value();
}

// --- weighted pipeline --------------------------------------------------------------------------

QList<PipelineFigure> SalesFiguresStore::pipeline(const SalesFiguresFilter &f, bool byPeriod) const
{
    Where w = commonWhere(f, QStringLiteral("o.practice_id"), QStringLiteral("o.id"), QString(),
                          QStringLiteral("o.expected_close"));
    w.add(QStringLiteral("o.is_open AND o.expected_close IS NOT NULL"));
    if (!f.currency.isEmpty())
        w.add(QStringLiteral("o.currency = ?"), {f.currency});
    // × 0.01 rather than / 100: numeric multiplication is exact, division is not always.
    const QString sql =
        kCurrencyCte +
        QStringLiteral("SELECT %1, o.currency, count(*), round(sum(o.expected_value), %2)::text, "
                       "round(sum(%3), %2)::text "
                       "FROM opportunities o JOIN legal_entities e ON e.id = o.legal_entity_id "
                       "LEFT JOIN cur ON cur.code = o.currency")
            .arg(byPeriod ? period(QStringLiteral("o.expected_close")) : QStringLiteral("''"),
                 kMinor, sales_rules::weightedValue()) +
        w.sql() + QStringLiteral(" GROUP BY 1, 2, cur.minor ORDER BY 1, 2");
    QSqlQuery q = db::query(db(), sql, currencyBinds() + w.binds);
    QList<PipelineFigure> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                     q.value(3).toString(), q.value(4).toString()});
    return rows;
}

QList<PipelineRecord> SalesFiguresStore::pipelineRecords(const SalesFiguresFilter &f, qint64 after,
                                                         int limit) const
{
    Where w = commonWhere(f, QStringLiteral("o.practice_id"), QStringLiteral("o.id"), QString(),
                          QStringLiteral("o.expected_close"));
    w.add(QStringLiteral("o.is_open AND o.expected_close IS NOT NULL AND o.id > ?"), {after});
    if (!f.currency.isEmpty())
        w.add(QStringLiteral("o.currency = ?"), {f.currency});
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT o.id, o.name, e.code, o.expected_close, s.code, "
                       "trim_scale(o.probability)::text, o.expected_value::text, o.currency, "
                       "trim_scale(%1)::text "
                       "FROM opportunities o JOIN legal_entities e ON e.id = o.legal_entity_id "
                       "JOIN opportunity_stages s ON s.id = o.stage_id")
                .arg(sales_rules::weightedValue()) +
            w.sql() + QStringLiteral(" ORDER BY o.id LIMIT %1").arg(limit),
        w.binds);
    QList<PipelineRecord> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toDate(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toString(), q.value(7).toString(), q.value(8).toString()});
    return rows;
}

// --- win rate -----------------------------------------------------------------------------------

namespace {
const QString kClosedFrom =
    QStringLiteral(" FROM opportunities o JOIN legal_entities e ON e.id = o.legal_entity_id "
                   "JOIN opportunity_stages s ON s.id = o.stage_id") +
    kClosedJoin;
const QString kWinCounts = QStringLiteral(
    "count(*) FILTER (WHERE s.is_won), count(*) FILTER (WHERE s.is_lost), "
    "round(count(*) FILTER (WHERE s.is_won)::numeric / nullif(count(*), 0), 4)::text");

Where closedWhere(const SalesFiguresFilter &f)
{
    Where w = commonWhere(f, QStringLiteral("o.practice_id"), QStringLiteral("o.id"), QString(),
                          kClosedOn);
    w.add(sales_rules::closedStage());
    return w;
}
} // namespace

QList<WinRateFigure> SalesFiguresStore::winRateByServiceLine(const SalesFiguresFilter &f) const
{
    Where w = closedWhere(f);
    if (f.serviceLineId > 0)
        w.add(QStringLiteral("sl.id = ?"), {f.serviceLineId});
    // An opportunity counts once for each of its service lines; one without any under "none".
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT sl.code, sl.name, ") + kWinCounts + kClosedFrom +
            QStringLiteral(" LEFT JOIN opportunity_service_lines osl ON osl.opportunity_id = o.id "
                           "LEFT JOIN service_lines sl ON sl.id = osl.service_line_id") +
            w.sql() + QStringLiteral(" GROUP BY sl.code, sl.name ORDER BY sl.code NULLS LAST"),
        w.binds);
    QList<WinRateFigure> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(),
                     q.value(3).toInt(), q.value(4).toString()});
    return rows;
}

QList<WinRateFigure> SalesFiguresStore::winRateByPeriod(const SalesFiguresFilter &f) const
{
    const Where w = closedWhere(f);
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT %1, NULL, ").arg(period(kClosedOn)) + kWinCounts +
                      kClosedFrom + w.sql() + QStringLiteral(" GROUP BY 1 ORDER BY 1"),
                  w.binds);
    QList<WinRateFigure> rows;
    while (q.next())
        rows.append({q.value(0).toString(), QString(), q.value(2).toInt(), q.value(3).toInt(),
                     q.value(4).toString()});
    return rows;
}

WinRateFigure SalesFiguresStore::winRateTotal(const SalesFiguresFilter &f) const
{
    const Where w = closedWhere(f);
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT NULL, NULL, ") + kWinCounts + kClosedFrom + w.sql(), w.binds);
    q.next();
    return {QString(), QString(), q.value(2).toInt(), q.value(3).toInt(), q.value(4).toString()};
}

QList<ClosedRecord> SalesFiguresStore::closedRecords(const SalesFiguresFilter &f, bool wonOnly,
                                                     qint64 after, int limit) const
{
    Where w = closedWhere(f);
    if (wonOnly)
        w.add(QStringLiteral("s.is_won"));
    w.add(QStringLiteral("o.id > ?"), {after});
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT o.id, o.name, e.code, s.is_won, %1, %2, %2 - %1, "
                                 "(SELECT string_agg(sl.code, chr(31) ORDER BY sl.code) FROM "
                                 "opportunity_service_lines x JOIN service_lines sl ON sl.id = "
                                 "x.service_line_id WHERE x.opportunity_id = o.id)")
                          .arg(kCreatedOn, kClosedOn) +
                      kClosedFrom + w.sql() + QStringLiteral(" ORDER BY o.id LIMIT %1").arg(limit),
                  w.binds);
    QList<ClosedRecord> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toBool(), q.value(4).toDate(), q.value(5).toDate(),
                     q.value(6).toInt(), splitUnit(q.value(7).toString())});
    return rows;
}

// --- bookings -----------------------------------------------------------------------------------

namespace {
// A contract books its value at signature: version 1 as signed (a later change order amends
// contracts.total_value but not what was booked on the signature date; analytics' bookings add
// the change orders on their own dates with the same rule, sales_rules.h).
const QString kBookedValue = sales_rules::bookedAtSignature();
const QString kContractsFrom =
    QStringLiteral(" FROM contracts c JOIN legal_entities e ON e.id = c.legal_entity_id");

Where bookingWhere(const SalesFiguresFilter &f)
{
    Where w = commonWhere(f, QStringLiteral("c.practice_id"), QStringLiteral("c.opportunity_id"),
                          QStringLiteral("c.offering_id"), QStringLiteral("c.signature_date"));
    w.add(sales_rules::contractBooks());
    return w;
}
} // namespace

QList<BookingFigure> SalesFiguresStore::bookings(const SalesFiguresFilter &f, bool byPeriod) const
{
    Where w = bookingWhere(f);
    if (!f.currency.isEmpty())
        w.add(QStringLiteral("c.currency = ?"), {f.currency});
    QSqlQuery q = db::query(
        db(),
        kCurrencyCte +
            QStringLiteral("SELECT %1, e.code, c.currency, count(*), round(sum(%2), %3)::text")
                .arg(byPeriod ? period(QStringLiteral("c.signature_date")) : QStringLiteral("''"),
                     kBookedValue, kMinor) +
            kContractsFrom + QStringLiteral(" LEFT JOIN cur ON cur.code = c.currency") + w.sql() +
            QStringLiteral(" GROUP BY 1, 2, 3, cur.minor ORDER BY 1, 2, 3"),
        currencyBinds() + w.binds);
    QList<BookingFigure> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toInt(), q.value(4).toString()});
    return rows;
}

QList<BookingRecord> SalesFiguresStore::bookingRecords(const SalesFiguresFilter &f, qint64 after,
                                                       int limit) const
{
    Where w = bookingWhere(f);
    w.add(QStringLiteral("c.id > ?"), {after});
    if (!f.currency.isEmpty())
        w.add(QStringLiteral("c.currency = ?"), {f.currency});
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT c.id, c.number, c.title, e.code, c.signature_date, c.currency, "
                       "trim_scale(%1)::text")
                .arg(kBookedValue) +
            kContractsFrom + w.sql() + QStringLiteral(" ORDER BY c.id LIMIT %1").arg(limit),
        w.binds);
    QList<BookingRecord> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toDate(), q.value(5).toString(),
                     q.value(6).toString()});
    return rows;
}

// --- sales cycle --------------------------------------------------------------------------------

QList<CycleFigure> SalesFiguresStore::salesCycle(const SalesFiguresFilter &f) const
{
    Where w = closedWhere(f);
    w.add(QStringLiteral("s.is_won"));
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT %1, count(*), sum(%2 - %3), round(avg(%2 - %3), 1)::text")
                          .arg(period(kClosedOn), kClosedOn, kCreatedOn) +
                      kClosedFrom + w.sql() + QStringLiteral(" GROUP BY 1 ORDER BY 1"),
                  w.binds);
    QList<CycleFigure> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(),
                     q.value(3).toString()});
    return rows;
}

CycleFigure SalesFiguresStore::salesCycleTotal(const SalesFiguresFilter &f) const
{
    Where w = closedWhere(f);
    w.add(QStringLiteral("s.is_won"));
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT count(*), coalesce(sum(%1 - %2), 0), round(avg(%1 - %2), 1)::text")
                .arg(kClosedOn, kCreatedOn) +
            kClosedFrom + w.sql(),
        w.binds);
    q.next();
    return {QString(), q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toString()};
}

} // namespace keel
