#include "fx_rate_csv.h"

#include "currency.h"
#include "json_codec.h"

#include <QHash>
#include <QRegularExpression>

namespace keel {

std::optional<QString> fxCurrencyProblem(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z]{3}$"));
    if (!re.match(code).hasMatch())
        return QStringLiteral("'%1' is not a currency code of 3 capital letters")
            .arg(code.left(20));
    if (!Currency::isKnown(code))
        return QStringLiteral("%1 is not a known currency").arg(code);
    return std::nullopt;
}

std::optional<QString> fxRateProblem(const QString &rate)
{
    // numeric(20, 10) holds 10 digits before the point and 10 after.
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,10}(\\.[0-9]{1,10})?$"));
    if (!re.match(rate).hasMatch())
        return QStringLiteral("'%1' is not a rate with a dot and at most 10 decimal places")
            .arg(rate.left(40));
    for (const QChar c : rate)
        if (c != u'0' && c != u'.')
            return std::nullopt;
    return QStringLiteral("a rate is greater than zero");
}

FxRateCsv parseFxRateCsv(const QByteArray &body)
{
    FxRateCsv out;
    QString text = QString::fromUtf8(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const auto error = [&](int line, const QString &column, const char *code,
                           const QString &message) {
        out.errors.append(
            {QStringLiteral("lines/%1%2")
                 .arg(line)
                 .arg(column.isEmpty() ? QString() : u'/' + column),
             QString::fromLatin1(code),
             QStringLiteral("line %1%2: %3")
                 .arg(line)
                 .arg(column.isEmpty() ? QString() : QStringLiteral(", column %1").arg(column),
                      message)});
    };
    const QStringList lines = text.split(u'\n');
    QHash<QString, int> seen; // "FROM/TO/date" → line
    for (qsizetype i = 0; i < lines.size() && out.errors.size() < 100; ++i) {
        const int lineNo = int(i) + 1;
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QStringList f = line.split(u',');
        for (QString &field : f) {
            field = field.trimmed();
            if (field.size() >= 2 && field.startsWith(u'"') && field.endsWith(u'"'))
                field = field.mid(1, field.size() - 2).trimmed();
        }
        if (lineNo == 1 && !f.isEmpty() && f.first().compare(u"date", Qt::CaseInsensitive) == 0) {
            QStringList got;
            for (const QString &h : f)
                got.append(h.toLower());
            if (got != QStringList{"date", "from", "to", "rate"})
                error(1, QString(), "invalid_header",
                      QStringLiteral("the header is date,from,to,rate"));
            continue;
        }
        if (f.size() != 4) {
            error(lineNo, QString(), "column_count",
                  QStringLiteral("4 columns expected (date,from,to,rate), found %1").arg(f.size()));
            continue;
        }
        FxRateRow r;
        r.source = QStringLiteral("import");
        bool ok = true;
        if (const auto d = parseDate(f.at(0))) {
            r.date = *d;
        } else {
            ok = false;
            error(lineNo, QStringLiteral("date"), "invalid_value",
                  QStringLiteral("'%1' is not a date YYYY-MM-DD").arg(f.at(0).left(40)));
        }
        r.from = f.at(1);
        r.to = f.at(2);
        bool currencies = true;
        for (const auto &[column, code] :
             {std::pair{QStringLiteral("from"), r.from}, std::pair{QStringLiteral("to"), r.to}})
            if (const auto p = fxCurrencyProblem(code)) {
                currencies = false;
                error(lineNo, column, "invalid_value", *p);
            }
        if (currencies && r.from == r.to) {
            currencies = false;
            error(lineNo, QStringLiteral("to"), "same_currency",
                  QStringLiteral("from and to are both %1").arg(r.from));
        }
        ok = ok && currencies;
        r.rate = f.at(3);
        if (const auto p = fxRateProblem(r.rate)) {
            ok = false;
            error(lineNo, QStringLiteral("rate"), "invalid_value", *p);
        }
        if (!ok)
            continue;
        const QString key =
            QStringLiteral("%1/%2/%3").arg(r.from, r.to, r.date.toString(Qt::ISODate));
        if (const int first = seen.value(key)) {
            error(lineNo, QStringLiteral("date"), "duplicate",
                  QStringLiteral("%1→%2 on %3 is on line %4 already")
                      .arg(r.from, r.to, r.date.toString(Qt::ISODate))
                      .arg(first));
            continue;
        }
        seen.insert(key, lineNo);
        out.rows.append(r);
    }
    if (out.errors.isEmpty() && out.rows.isEmpty())
        error(1, QString(), "required", QStringLiteral("the file has no rates"));
    return out;
}

} // namespace keel
