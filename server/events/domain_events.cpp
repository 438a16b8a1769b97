#include "domain_events.h"

namespace keel {

void DomainEvents::subscribe(const QString &type, Handler handler)
{
    m_handlers[type].append(std::move(handler));
}

void DomainEvents::publish(QSqlDatabase db, const Request &request, const DomainEvent &event) const
{
    const auto it = m_handlers.constFind(event.type);
    if (it == m_handlers.constEnd())
        return;
    for (const Handler &handler : *it)
        handler(db, request, event);
}

int DomainEvents::subscriberCount(const QString &type) const
{
    return int(m_handlers.value(type).size());
}

} // namespace keel
