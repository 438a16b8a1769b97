#include "invoice_numbering.h"

#include "db/database.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace keel {

void drawNumbers(QSqlDatabase db, QList<NumberBlock> &blocks)
{
    if (blocks.isEmpty())
        return;
    QStringList entities, kinds, years, counts;
    for (const NumberBlock &b : blocks) {
        entities << QString::number(b.entityId);
        kinds << b.kind;
        years << QString::number(b.year);
        counts << QString::number(b.count);
    }
    const auto array = [](const QStringList &l) { return u'{' + l.join(u',') + u'}'; };
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "INSERT INTO invoice_number_counters AS c (legal_entity_id, kind, year, last_number) "
            "SELECT e, k, y, n FROM unnest(?::bigint[], ?::text[], ?::int[], ?::int[]) "
            "AS u(e, k, y, n) ORDER BY e, k, y "
            "ON CONFLICT (legal_entity_id, kind, year) "
            "DO UPDATE SET last_number = c.last_number + EXCLUDED.last_number "
            "RETURNING legal_entity_id, kind, year, last_number"),
        {array(entities), array(kinds), array(years), array(counts)});
    while (q.next()) {
        const qint64 e = q.value(0).toLongLong();
        const QString k = q.value(1).toString();
        const int y = q.value(2).toInt();
        const int last = q.value(3).toInt();
        for (NumberBlock &b : blocks)
            if (b.entityId == e && b.kind == k && b.year == y)
                b.first = last - b.count + 1;
    }
}

QString formatNumber(const QString &kind, const QString &entityCode, int year, int number)
{
    return QStringLiteral("%1-%2-%3-%4")
        .arg(kind == QLatin1String("credit_note") ? QStringLiteral("CN") : QStringLiteral("INV"),
             entityCode)
        .arg(year)
        .arg(number, 6, 10, QLatin1Char('0'));
}

} // namespace keel
