#pragma once

#include "contract_store.h"

#include <QJsonObject>

namespace keel {

class DomainEvents;
class WorkflowService;
struct PageRequest;
struct Request;

// Contracts (statements of work): created from an accepted quote or entered directly, signed
// (gapless number per entity and year, version 1 kept, contract.signed published so delivery
// creates the project in the same transaction), amended through approved change orders (each
// approval keeps a new version and publishes contract.amended), completed or terminated.
class ContractService
{
public:
    ContractService(DbConfig config, const DomainEvents &events, WorkflowService *workflow);

    // The "contract" and "contract_change_order" state machines (StateMachineRegistry).
    static void registerStateMachines();
    // Approval handlers for change orders; call once at construction of the server.
    void registerApprovalHandlers(WorkflowService &workflow) const;

    const ContractStore &store() const { return m_store; }

    // Both run inside the caller's transaction (the Idempotency-Key wrapper's).
    QJsonObject createFromQuote(const Request &request, qint64 quoteId,
                                const QJsonObject &body) const;
    QJsonObject create(const Request &request, const QJsonObject &body) const;

    QJsonObject get(const Request &request, qint64 id) const;
    QJsonObject list(const Request &request, const PageRequest &page) const;
    QJsonObject sign(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject close(const Request &request, qint64 id, const QString &action,
                      const QJsonObject &body) const; // complete | terminate
    QJsonObject versionOf(const Request &request, qint64 id, int contractVersion) const;

    QJsonObject submitChangeOrder(const Request &request, qint64 contractId,
                                  const QJsonObject &body) const;
    QJsonObject changeOrders(const Request &request, qint64 contractId,
                             const PageRequest &page) const;
    QJsonObject changeOrder(const Request &request, qint64 id) const;

    // Approval outcomes, inside the deciding transaction.
    void applyChangeOrder(const Request &request, qint64 changeOrderId) const;
    void rejectChangeOrder(const Request &request, qint64 changeOrderId,
                           const QString &comment) const;

    // For delivery's approved change requests, inside the caller's transaction: the contract's
    // value moves by `delta` as contract version N+1 (version N kept in contract_versions). A
    // positive delta adds a fixed-fee line "<description>" worth the delta (one schedule entry
    // on the approval date); a negative one comes off such change-request lines, newest first,
    // and whatever they cannot absorb lowers the total only (lines cannot be negative; a
    // contract change order is the way to rework original lines). Audited as contract.amend with
    // the source; publishes nothing (the change request already rebaselined the budget). A zero
    // delta changes nothing. 409 when the contract is neither signed nor amended.
    static void amendFromChangeRequest(const ContractStore &store, const Request &request,
                                       qint64 contractId, const Money &delta,
                                       const QString &description, const QString &source);

private:
    ContractRow visibleContract(const Request &request, qint64 id, bool lock) const;
    QJsonObject contractJson(const ContractRow &row, bool withLines) const;
    QJsonObject changeOrderJson(const ChangeOrderRow &row, const QString &currency) const;
    QJsonObject insertContract(const Request &request, NewContract contract,
                               const QList<ContractLine> &lines) const;

    ContractStore m_store;
    const DomainEvents &m_events;
    WorkflowService *m_workflow;
};

} // namespace keel
