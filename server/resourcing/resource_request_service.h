#pragma once

#include "resource_request_store.h"

#include <QJsonObject>

namespace keel {

struct PageRequest;
struct Request;
struct ResourcingCaller;

// Resource requests: soft from an opportunity (sales users of its entity or resource managers;
// weighted by the opportunity's probability) and hard from a project (its project manager or
// resource managers), with required skills from the taxonomy (unknown → 422).
class ResourceRequestService
{
public:
    explicit ResourceRequestService(DbConfig config);

    QJsonObject create(const Request &request, const QJsonObject &body) const;
    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject get(const Request &request, qint64 id) const;

    const ResourceRequestStore &store() const { return m_store; }

private:
    ResourceRequestStore m_store;
};

} // namespace keel
