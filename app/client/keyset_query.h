#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <utility>

namespace keel {

// The query string of one page of a keyset-paged list: limit, after (when not the first page),
// then the given parameters and filters, each value percent-encoded.
QString keysetQuery(int limit, const QString &after,
                    const QList<std::pair<QString, QString>> &params,
                    const QMap<QString, QString> &filters);

} // namespace keel
