#pragma once

#include "db/database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QReadWriteLock>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace keel {

struct Request;

// What a document submits for approval. Facts are decimal strings ("12.5", "120000.00");
// policies compare them exactly (keel::Decimal), never as doubles.
struct ApprovalSubject
{
    QString documentType; // e.g. "quote", "contract_change_order"
    QString documentId;
    QString legalEntity; // entity code, e.g. "UK"
    QString practice;    // practice code, optional
    qint64 submitterId = 0;
    QString title;     // shown in the inbox, e.g. "Q-UK-2026-0012 Acme cloud migration"
    QJsonObject facts; // {"discount_pct":"12.5","margin_pct":"18.2","target_margin_pct":"25",...}
};

// One step of an approval chain.
struct ApprovalStep
{
    int order = 0; // 1-based
    QString role;
    QString reason; // which policy matched and why, in words
    // The approver must belong to the subject's practice (users.practice_id); set when any
    // policy that put this role in the chain has same_practice.
    bool samePractice = false;
};

// Called by WorkflowService inside the deciding transaction (request row locked FOR UPDATE):
// approved() after the last step is approved, rejected() when any step is rejected. If a
// handler throws, the whole decision rolls back.
struct ApprovalHandler
{
    std::function<void(QSqlDatabase, const Request &, const QString &documentId)> approved;
    std::function<void(QSqlDatabase, const Request &, const QString &documentId,
                       const QString &comment)>
        rejected;
};

// The latest approval request of a document.
struct ApprovalState
{
    qint64 requestId = 0;
    QString status;      // "pending", "approved", "rejected"
    int currentStep = 0; // 1-based order of the step waiting; 0 when not pending
    QString currentRole; // role that must decide the current step; empty when not pending
    QList<ApprovalStep> steps;
    QDateTime submittedAt;
    QDateTime decidedAt; // invalid while pending
};

// Approval policies (data, editable by admins), approval requests with ordered steps, and the
// decisions on them. Every decision is audited (approval.approve / approval.reject).
class WorkflowService
{
public:
    explicit WorkflowService(DbConfig config);

    QSqlDatabase db() const;

    // The chain the active policies require for this subject (for previews); empty = none.
    QList<ApprovalStep> requiredApprovals(QSqlDatabase db, const ApprovalSubject &subject) const;

    // Inside the CALLER's transaction: records an approval request with its ordered steps and
    // returns its id; returns 0 when no policy requires approval (the caller then treats the
    // document as approved). Throws ApiError 409 when the document already has a pending
    // request, 422 when a fact a policy needs is missing or not a decimal.
    qint64 submit(QSqlDatabase db, const Request &request, const ApprovalSubject &subject) const;

    // Register once per document type at server construction (thread-safe; a later call for the
    // same type replaces the handler).
    void registerHandler(const QString &documentType, ApprovalHandler handler);

    // The latest request for the document; nullopt when it never went to approval.
    std::optional<ApprovalState> stateOf(QSqlDatabase db, const QString &documentType,
                                         const QString &documentId) const;

    // --- used by the routes -------------------------------------------------------------
    // Approve / reject the current step of request `id`, in one transaction of its own.
    QJsonObject approve(const Request &request, qint64 id, const QString &comment) const;
    QJsonObject reject(const Request &request, qint64 id, const QString &comment) const;
    QJsonObject requestJson(const Request &request, qint64 id) const; // with steps
    QJsonObject inbox(const Request &request, qint64 after, int limit) const;
    int inboxCount(const Request &request) const;

    // Policies (admin).
    QJsonObject listPolicies(qint64 after, int limit, const QString &documentType) const;
    QJsonObject createPolicy(const Request &request, const QJsonObject &body) const;
    QJsonObject updatePolicy(const Request &request, qint64 id, const QJsonObject &body) const;
    void deletePolicy(const Request &request, qint64 id) const;

private:
    QJsonObject decide(const Request &request, qint64 id, bool approve,
                       const QString &comment) const;

    DbConfig m_config;
    mutable QReadWriteLock m_handlersLock;
    QHash<QString, ApprovalHandler> m_handlers;
};

} // namespace keel
