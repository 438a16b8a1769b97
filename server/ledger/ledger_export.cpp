#include "ledger_export.h"

#include "decimal.h"
#include "money.h"

namespace keel {

namespace {

// Account names may not hold two spaces in a row (the amount separator) nor a comment mark.
QString clean(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char(';'), QLatin1Char(',')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    s.replace(QLatin1Char(':'), QLatin1Char('-'));
    while (s.contains(QStringLiteral("  ")))
        s.replace(QStringLiteral("  "), QStringLiteral(" "));
    return s.trimmed();
}

QString topLevel(const QString &type)
{
    if (type == QLatin1String("asset"))
        return QStringLiteral("assets");
    if (type == QLatin1String("liability"))
        return QStringLiteral("liabilities");
    if (type == QLatin1String("revenue"))
        return QStringLiteral("revenues");
    if (type == QLatin1String("expense"))
        return QStringLiteral("expenses");
    return QStringLiteral("equity");
}

QString amount(const QString &text, const QString &currency)
{
    const auto d = Decimal::parse(text);
    const auto c = Currency::fromCode(currency);
    if (d && c)
        if (const auto m = Money::fromDecimal(*d, *c))
            return m->toString() + QLatin1Char(' ') + currency;
    return text + QLatin1Char(' ') + currency;
}

} // namespace

QByteArray ledgerJournalText(const LedgerEntity &entity, const QList<ExportLine> &lines)
{
    QString out = QStringLiteral("; Keel general ledger of %1, functional currency %2\n")
                      .arg(entity.code, entity.functionalCurrency);
    qint64 current = 0;
    for (const ExportLine &l : lines) {
        if (l.entryId != current) {
            current = l.entryId;
            out += QStringLiteral("\n%1 * (%2) %3  ; source: %4 %5\n")
                       .arg(l.date.toString(Qt::ISODate))
                       .arg(l.entryId)
                       .arg(clean(l.description), l.sourceType, clean(l.sourceId));
        }
        const QString account = topLevel(l.accountType) + QLatin1Char(':') + l.accountNumber +
                                QLatin1Char(' ') + clean(l.accountName);
        out += QStringLiteral("    %1  %2")
                   .arg(account, amount(l.functionalAmount, entity.functionalCurrency));
        if (l.currency != entity.functionalCurrency)
            out += QStringLiteral("  ; %1 @ %2").arg(amount(l.amount, l.currency), l.fxRate);
        out += QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace keel
