#include "billing_run_retainer.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace keel::billing_retainer {

namespace {
Decimal plus(const Decimal &a, const Decimal &b)
{
    return a.add(b).valueOr(a);
}
Decimal minus(const Decimal &a, const Decimal &b)
{
    return a.subtract(b).valueOr(a);
}
} // namespace

QList<Month> rooms(const QList<Line> &lines, const QList<Month> &drawn,
                   const QList<Month> &candidates)
{
    QHash<qint64, Line> byId;
    for (const Line &l : lines)
        byId.insert(l.id, l);
    QHash<qint64, QMap<QDate, Decimal>> used; // per line and month, updated as months are drawn
    for (const Month &d : drawn)
        used[d.lineId][d.month] = plus(used[d.lineId].value(d.month), d.hours);
    QHash<qint64, QMap<QDate, Decimal>> wanted;
    for (const Month &c : candidates)
        wanted[c.lineId][c.month] = plus(wanted[c.lineId].value(c.month), c.hours);

    QList<Month> out;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const auto line = byId.constFind(it.key());
        if (line == byId.constEnd())
            continue;
        const auto inRange = [&](const QDate &m) {
            return m >= line->firstMonth && (!line->lastMonth.isValid() || m <= line->lastMonth);
        };
        QMap<QDate, Decimal> &lineUsed = used[it.key()];
        for (auto m = it.value().begin(); m != it.value().end(); ++m) { // QMap: months ascending
            const QDate month = m.key();
            Decimal allowance;
            if (inRange(month)) {
                allowance = line->drawdownHours;
                const QDate previous = month.addMonths(-1);
                if (line->rollover && inRange(previous))
                    allowance = plus(
                        allowance,
                        std::max(Decimal(), minus(line->drawdownHours, lineUsed.value(previous))));
            }
            const Decimal room = std::max(Decimal(), minus(allowance, lineUsed.value(month)));
            out.append({it.key(), month, room});
            const Decimal drawsNow = std::clamp(m.value(), Decimal(), room);
            lineUsed[month] = plus(lineUsed.value(month), drawsNow);
        }
    }
    return out;
}

} // namespace keel::billing_retainer
