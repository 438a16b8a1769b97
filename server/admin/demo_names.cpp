#include "demo_names.h"

#include <QHash>

namespace keel::demo {

QString asciiFold(const QString &s)
{
    static const QHash<QChar, QString> map = {
        {QChar(0x00E4), QStringLiteral("ae")}, {QChar(0x00F6), QStringLiteral("oe")},
        {QChar(0x00FC), QStringLiteral("ue")}, {QChar(0x00C4), QStringLiteral("Ae")},
        {QChar(0x00D6), QStringLiteral("Oe")}, {QChar(0x00DC), QStringLiteral("Ue")},
        {QChar(0x00DF), QStringLiteral("ss")}, {QChar(0x0131), QStringLiteral("i")},
        {QChar(0x015F), QStringLiteral("s")},  {QChar(0x0107), QStringLiteral("c")},
    };
    QString out;
    out.reserve(s.size() + 2);
    for (const QChar c : s) {
        if (c.unicode() < 128) {
            if (c.isLetterOrNumber()) {
                out.append(c);
            }
        } else if (const auto it = map.constFind(c); it != map.constEnd()) {
            out.append(*it);
        }
    }
    return out;
}

} // namespace keel::demo
