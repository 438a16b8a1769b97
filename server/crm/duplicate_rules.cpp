#include "duplicate_rules.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace keel::crm {

namespace {
const QSet<QString> &legalSuffixes()
{
    static const QSet<QString> s{
        QStringLiteral("inc"),         QStringLiteral("incorporated"), QStringLiteral("corp"),
        QStringLiteral("corporation"), QStringLiteral("co"),           QStringLiteral("company"),
        QStringLiteral("ltd"),         QStringLiteral("limited"),      QStringLiteral("llc"),
        QStringLiteral("llp"),         QStringLiteral("lp"),           QStringLiteral("plc"),
        QStringLiteral("gmbh"),        QStringLiteral("ag"),           QStringLiteral("kg"),
        QStringLiteral("ug"),          QStringLiteral("se"),           QStringLiteral("sa"),
        QStringLiteral("sas"),         QStringLiteral("sarl"),         QStringLiteral("bv"),
        QStringLiteral("nv"),          QStringLiteral("srl"),          QStringLiteral("spa"),
        QStringLiteral("ab"),          QStringLiteral("as"),           QStringLiteral("oy"),
        QStringLiteral("pty"),         QStringLiteral("pte")};
    return s;
}
} // namespace

QString normaliseAccountName(const QString &name)
{
    QString cleaned;
    cleaned.reserve(name.size());
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            cleaned.append(c);
        else if (c == u'.' || c == u'\'' || c == u'\u2019')
            continue; // "L.L.C." → "llc", "O'Neil" → "oneil"
        else
            cleaned.append(u' ');
    }
    QStringList words = cleaned.split(u' ', Qt::SkipEmptyParts);
    while (words.size() > 1 && legalSuffixes().contains(words.last()))
        words.removeLast();
    return words.join(u' ');
}

QString normaliseDomain(const QString &domain)
{
    QString d = domain.trimmed().toLower();
    const int scheme = d.indexOf(QStringLiteral("://"));
    if (scheme >= 0)
        d = d.mid(scheme + 3);
    const int end = d.indexOf(QRegularExpression(QStringLiteral("[/?#:]")));
    if (end >= 0)
        d.truncate(end);
    while (d.endsWith(u'.'))
        d.chop(1);
    if (d.startsWith(QStringLiteral("www.")))
        d = d.mid(4);
    return d;
}

bool isValidDomain(const QString &d)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"));
    return d.size() <= 253 && pattern.match(d).hasMatch();
}

} // namespace keel::crm
