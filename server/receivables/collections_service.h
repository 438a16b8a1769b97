#pragma once

#include "collections_store.h"

#include <QJsonObject>

namespace keel {

struct Request;

// Collection notes per invoice (calls, promises to pay) and its dunning level (0–3), which only
// rises.
class CollectionsService
{
public:
    explicit CollectionsService(DbConfig config) : m_store(std::move(config)) {}
    const CollectionsStore &store() const { return m_store; }

    QJsonObject addNote(const Request &request, qint64 invoiceId, const QJsonObject &body) const;
    QJsonObject notes(const Request &request, qint64 invoiceId) const;

private:
    DunningState visibleInvoice(const Request &request, qint64 id, const char *permission,
                                bool lock) const;
    CollectionsStore m_store;
};

} // namespace keel
