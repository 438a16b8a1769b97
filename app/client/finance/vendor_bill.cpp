#include "vendor_bill.h"

#include "decimal.h"
#include "rounding.h"

#include <QJsonArray>
#include <QLocale>

namespace keel::finance {

Money workAmount(const QString &hours, const QString &rate, const QString &currency)
{
    const auto h = Decimal::parse(hours);
    const auto r = Decimal::parse(rate);
    const auto cur = Currency::fromCode(currency);
    if (!h || !r || !cur)
        return {};
    // Both mantissas carry 6 places, the product 12: one rounding down to the minor unit.
    const Int128 minor = divideRoundHalfAwayFromZero(
        h->mantissa() * r->mantissa(), pow10i(2 * Decimal::Scale - cur->minorUnits()));
    const auto m = Money::fromMinor(qint64(minor), *cur);
    return m ? *m : Money();
}

Money lineAmount(const BillLine &line, const QString &currency)
{
    if (line.kind == BillLine::Kind::Work)
        return workAmount(line.hours, line.rate, currency);
    const auto m = Money::parse(line.amount, currency);
    return m ? *m : Money();
}

Money billTotal(const QList<BillLine> &lines, const QString &currency, bool *complete)
{
    const auto cur = Currency::fromCode(currency);
    if (complete)
        *complete = cur.ok() && !lines.isEmpty();
    if (!cur)
        return {};
    Money total = Money::zero(*cur);
    for (const BillLine &l : lines) {
        const Money m = lineAmount(l, currency);
        if (m.isValid() && total.add(m))
            total = *total.add(m);
        else if (complete)
            *complete = false;
    }
    return total;
}

QJsonObject billLineJson(const BillLine &line, const QString &currency)
{
    QJsonObject o{{"description", line.description.trimmed()}};
    if (!line.projectId.isEmpty())
        o.insert("project_id", line.projectId);
    if (line.kind == BillLine::Kind::Work) {
        if (!line.taskId.isEmpty())
            o.insert("task_id", line.taskId);
        o.insert("hours", line.hours);
        if (!line.rate.isEmpty())
            o.insert("rate", line.rate);
    } else {
        o.insert("amount", QJsonObject{{"amount", line.amount}, {"currency", currency}});
    }
    return o;
}

BillLine billLineFromJson(const QJsonObject &o)
{
    BillLine l;
    const auto id = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isString()   ? v.toString()
               : v.isDouble() ? QString::number(v.toInteger())
                              : QString();
    };
    l.projectId = id("project_id");
    l.taskId = id("task_id");
    l.description = o.value("description").toString();
    l.hours = o.value("hours").toString();
    if (l.hours.isEmpty()) {
        l.kind = BillLine::Kind::Cost;
        l.amount = o.value("amount").toObject().value("amount").toString();
    } else {
        l.rate = o.value("rate").toString();
    }
    return l;
}

QString plainDecimal(const QString &typed)
{
    const QLocale locale;
    QString plain = typed.trimmed();
    plain.remove(locale.groupSeparator());
    plain.replace(locale.decimalPoint(), QStringLiteral("."));
    return plain;
}

} // namespace keel::finance
