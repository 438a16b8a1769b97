#include "bank_statement_csv.h"

#include "json_codec.h"

namespace keel {

namespace {

struct Record
{
    int lineNo = 0;
    QStringList fields;
};

// Records with their starting line numbers; quoted fields may hold commas, quotes ("") and
// line breaks. Blank lines are skipped.
QList<Record> records(const QString &text)
{
    QList<Record> out;
    Record r{1, {}};
    QString field;
    bool quoted = false, any = false;
    int line = 1;
    const auto endRecord = [&] {
        r.fields.append(field);
        if (any || r.fields.size() > 1 || !field.trimmed().isEmpty())
            out.append(r);
        r = Record{line, {}};
        field.clear();
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            r.fields.append(field);
            field.clear();
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else if (c != u'\r') {
            field.append(c);
        }
    }
    endRecord();
    return out;
}

} // namespace

StatementCsv parseStatementCsv(const QByteArray &body, const Currency &currency)
{
    StatementCsv out;
    QString text = QString::fromUtf8(body);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QList<Record> rs = records(text);
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
    static const QStringList header{QStringLiteral("date"), QStringLiteral("amount"),
                                    QStringLiteral("reference"), QStringLiteral("counterparty")};
    QStringList got;
    if (!rs.isEmpty())
        for (const QString &f : rs.first().fields)
            got.append(f.trimmed().toLower());
    if (got != header) {
        error(1, QString(), "invalid_header",
              QStringLiteral("the header is date,amount,reference,counterparty"));
        return out;
    }
    for (qsizetype i = 1; i < rs.size() && out.errors.size() < 100; ++i) {
        const Record &r = rs.at(i);
        if (r.fields.size() != 4) {
            error(r.lineNo, QString(), "column_count",
                  QStringLiteral("4 columns expected, found %1").arg(r.fields.size()));
            continue;
        }
        StatementCsvLine l;
        l.lineNo = r.lineNo;
        const QString date = r.fields.at(0).trimmed();
        const QString amount = r.fields.at(1).trimmed();
        if (const auto d = parseDate(date))
            l.date = *d;
        else
            error(r.lineNo, QStringLiteral("date"), "invalid_value",
                  QStringLiteral("'%1' is not a date YYYY-MM-DD").arg(date.left(40)));
        const auto m = Money::parse(amount, currency);
        if (!m || m->isZero())
            error(r.lineNo, QStringLiteral("amount"), "invalid_value",
                  QStringLiteral("'%1' is not a non-zero amount in %2 with a dot")
                      .arg(amount.left(40), currency.code()));
        else
            l.amount = *m;
        l.reference = r.fields.at(2).trimmed();
        l.counterparty = r.fields.at(3).trimmed();
        if (l.reference.size() > 500)
            error(r.lineNo, QStringLiteral("reference"), "invalid_value",
                  QStringLiteral("at most 500 characters"));
        if (l.counterparty.size() > 500)
            error(r.lineNo, QStringLiteral("counterparty"), "invalid_value",
                  QStringLiteral("at most 500 characters"));
        out.lines.append(l);
    }
    if (out.errors.isEmpty() && out.lines.isEmpty())
        error(2, QString(), "required", QStringLiteral("the statement has no lines"));
    return out;
}

} // namespace keel
