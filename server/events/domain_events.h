#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace keel {

struct Request;

// Something that happened in a lower context that a higher one reacts to (DESIGN.md section 2):
// "contract.signed" in crm starts a project in delivery. The publisher calls publish() inside
// its own transaction; subscribers run synchronously on the same connection, so the event and
// its handling commit or roll back together. A subscriber that throws aborts the publisher's
// transaction.
struct DomainEvent
{
    QString type; // "<context-record>.<past tense>", e.g. "contract.signed"
    QJsonObject payload;
};

namespace DomainEventType {
inline constexpr auto ContractSigned = "contract.signed";   // {"contract_id"}
inline constexpr auto ContractAmended = "contract.amended"; // {"contract_id","contract_version"}
} // namespace DomainEventType

class DomainEvents
{
public:
    using Handler = std::function<void(QSqlDatabase, const Request &, const DomainEvent &)>;

    // At start-up only (KeelServer constructor), before serving begins: the handler list is
    // read without locking afterwards.
    void subscribe(const QString &type, Handler handler);
    // Runs every subscriber of event.type in subscription order; exceptions propagate.
    void publish(QSqlDatabase db, const Request &request, const DomainEvent &event) const;
    int subscriberCount(const QString &type) const;

private:
    QHash<QString, QList<Handler>> m_handlers;
};

} // namespace keel
