#pragma once

#include "decimal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

// SQL of the workflow context only; WorkflowService decides.
struct PolicyRow
{
    qint64 id = 0;
    QString documentType;
    QString name;
    QString fact;
    QString op;
    std::optional<Decimal> thresholdValue;
    QString thresholdFact;
    QStringList roles;
    qint64 legalEntityId = 0; // 0: all
    QString legalEntity;      // code or empty
    qint64 practiceId = 0;
    QString practice;
    int priority = 100;
    bool active = true;
    bool samePractice = false; // the approver must be of the subject's practice
    int version = 1;
    QDateTime updatedAt;

    QJsonObject toJson() const;
};

struct StepRow
{
    qint64 id = 0;
    int order = 0;
    QString role;
    QString reason;
    QString status;
    qint64 decidedBy = 0;
    QString decidedByName;
    QDateTime decidedAt;
    QString comment;
    bool samePractice = false;
};

struct RequestRow
{
    qint64 id = 0;
    QString documentType;
    QString documentId;
    qint64 legalEntityId = 0;
    QString legalEntity; // code
    QString practice;
    qint64 submitterId = 0;
    QString submitterName;
    QString title;
    QJsonObject facts;
    QString status;
    int currentStep = 0;
    QDateTime submittedAt;
    QDateTime decidedAt;
    int version = 1;
};

namespace workflow_store {

std::optional<qint64> legalEntityId(QSqlDatabase db, const QString &code);
std::optional<qint64> practiceId(QSqlDatabase db, const QString &code);

// Active policies of the type whose scope covers the entity/practice, by priority then id.
QList<PolicyRow> matchingPolicies(QSqlDatabase db, const QString &documentType,
                                  qint64 legalEntityId, qint64 practiceId);
QList<PolicyRow> listPolicies(QSqlDatabase db, qint64 after, int limit,
                              const QString &documentType);
std::optional<PolicyRow> policy(QSqlDatabase db, qint64 id, bool forUpdate);
qint64 insertPolicy(QSqlDatabase db, const PolicyRow &p);
void updatePolicy(QSqlDatabase db, const PolicyRow &p); // bumps version
bool deletePolicy(QSqlDatabase db, qint64 id);

qint64 insertRequest(QSqlDatabase db, const RequestRow &r); // throws DbError (23505: open)
void insertStep(QSqlDatabase db, qint64 requestId, int order, const QString &role,
                const QString &reason, bool samePractice);
// The practice code of a user; empty when the user has none.
QString userPractice(QSqlDatabase db, qint64 userId);
std::optional<RequestRow> request(QSqlDatabase db, qint64 id, bool forUpdate);
std::optional<RequestRow> latestRequest(QSqlDatabase db, const QString &documentType,
                                        const QString &documentId);
QList<StepRow> steps(QSqlDatabase db, qint64 requestId);
void decideStep(QSqlDatabase db, qint64 requestId, int order, const QString &status, qint64 userId,
                const QString &comment);
void skipStepsAfter(QSqlDatabase db, qint64 requestId, int order);
void advance(QSqlDatabase db, qint64 requestId, int nextStep);
void finish(QSqlDatabase db, qint64 requestId, const QString &status);

// Pending requests whose current step's role the caller holds for the request's entity
// (grants as "role@ENTITY" or "role@*"), not submitted by the caller; a same-practice step
// only when the caller's practice is the request's.
QList<RequestRow> inbox(QSqlDatabase db, qint64 userId, const QStringList &grants, qint64 after,
                        int limit, const QString &documentType, QStringList *stepRoles);
int inboxCount(QSqlDatabase db, qint64 userId, const QStringList &grants);

} // namespace workflow_store
} // namespace keel
