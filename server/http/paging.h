#pragma once

#include <QJsonArray>
#include <QJsonObject>

namespace keel {

struct Request;

// Keyset pagination (?limit=&after=): lists never return more than kMax rows, and a page that
// is full says where the next one starts.
struct PageRequest
{
    static constexpr int kDefault = 50;
    static constexpr int kMax = 500;

    int limit = kDefault;
    qint64 after = 0;

    static PageRequest from(const Request &request); // throws ApiError 422 on bad values
    QJsonObject page(const QJsonArray &items) const; // {"items", "next_after"?}
};

} // namespace keel
