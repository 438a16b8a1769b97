#include "keyset_query.h"

#include <QStringList>
#include <QUrl>

namespace keel {

QString keysetQuery(int limit, const QString &after,
                    const QList<std::pair<QString, QString>> &params,
                    const QMap<QString, QString> &filters)
{
    QStringList parts;
    const auto add = [&parts](const QString &name, const QString &value) {
        parts.append(name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("limit"), QString::number(limit));
    if (!after.isEmpty())
        add(QStringLiteral("after"), after);
    for (const auto &[name, value] : params)
        add(name, value);
    for (auto it = filters.cbegin(); it != filters.cend(); ++it)
        add(it.key(), it.value());
    return parts.join(u'&');
}

} // namespace keel
