#pragma once

#include "contract_lines.h"
#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct ContractRow
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString legalEntity; // code
    qint64 accountId = 0;
    QString accountName;
    qint64 quoteId = 0;
    qint64 opportunityId = 0;
    qint64 offeringId = 0;
    qint64 practiceId = 0;
    QString practice; // code
    qint64 projectManagerId = 0;
    QString number;
    QString title;
    QString currency;
    QString paymentTerms;
    QString taxProfile;
    QDate startDate;
    QDate endDate;
    QDate signatureDate;
    QString status;
    QString totalValue; // numeric text, trimmed
    int contractVersion = 1;
    int version = 1;
};

struct NewContract
{
    qint64 legalEntityId = 0;
    qint64 accountId = 0;
    qint64 quoteId = 0;
    qint64 opportunityId = 0;
    qint64 offeringId = 0;
    qint64 practiceId = 0;
    qint64 projectManagerId = 0;
    QString title;
    QString currency;
    QString paymentTerms;
    QString taxProfile;
    QDate startDate;
    QDate endDate;
    QString totalValue;
    qint64 createdBy = 0;
};

struct AccountFacts
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString name;
    QString currency;
    int paymentTermsDays = 30;
    QString taxProfile;
    bool merged = false;
};

struct QuoteFacts
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString legalEntity;
    qint64 accountId = 0;
    qint64 opportunityId = 0;
    qint64 offeringId = 0;
    qint64 practiceId = 0;
    QString title;
    QString currency;
    QString status;
    QString netValue;
    QString listValue;
};

struct QuoteLineFacts
{
    qint64 id = 0;
    int lineNo = 0;
    QString kind; // role | fixed
    QString description;
    qint64 jobRoleId = 0;
    QString jobRoleName;
    QString hours, rate, costRate; // numeric text or empty
    QString listAmount, costAmount;
};

struct ChangeOrderRow
{
    qint64 id = 0;
    qint64 contractId = 0;
    int baseVersion = 0;
    QString status;
    QString reason;
    QJsonObject changes;
    QString valueBefore, valueAfter;
    qint64 approvalRequestId = 0;
    QString decisionComment;
    qint64 submittedBy = 0;
    int version = 1;
};

// SQL for contracts, their lines, versions and change orders; no rules.
class ContractStore
{
public:
    explicit ContractStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<qint64> legalEntityIdByCode(const QString &code) const;
    std::optional<qint64> practiceIdByCode(const QString &code) const;
    bool userExists(qint64 id) const;
    QList<qint64> unknownJobRoles(const QList<qint64> &ids) const;
    std::optional<AccountFacts> account(qint64 id) const;
    std::optional<QuoteFacts> quote(qint64 id, bool lock) const;
    QList<QuoteLineFacts> quoteLines(qint64 quoteId) const;
    bool contractExistsForQuote(qint64 quoteId) const;

    std::optional<ContractRow> contract(qint64 id, bool lock) const;
    // entities: codes, or {"*"} for all.
    QList<ContractRow> list(const QStringList &entities, const QString &status, qint64 accountId,
                            qint64 after, int limit) const;
    qint64 insertContract(const NewContract &c) const;
    // Inserts lines numbered from firstLineNo (set-based: one statement for lines, one for
    // their items).
    void insertLines(qint64 contractId, const QList<ContractLine> &lines, int firstLineNo) const;
    void deleteLines(qint64 contractId, const QList<qint64> &lineIds) const;
    QList<ContractLine> lines(qint64 contractId, const QString &currency) const;
    int maxLineNo(qint64 contractId) const;

    int takeNumber(qint64 legalEntityId, int year) const;
    void markSigned(qint64 id, const QString &number, QDate signatureDate) const;
    void setStatus(qint64 id, const QString &status) const;
    void applyAmendment(qint64 id, const QString &totalValue, QDate start, QDate end,
                        int contractVersion) const;
    void insertVersion(qint64 contractId, int contractVersion, const QString &totalValue,
                       QDate start, QDate end, const QJsonArray &lines, qint64 changeOrderId,
                       qint64 userId) const;
    std::optional<QJsonObject> version(qint64 contractId, int contractVersion) const;
    QJsonArray versionNumbers(qint64 contractId) const;

    qint64 insertChangeOrder(const ChangeOrderRow &co, qint64 legalEntityId) const;
    void setChangeOrderRequest(qint64 id, qint64 requestId) const;
    std::optional<ChangeOrderRow> changeOrder(qint64 id, bool lock) const;
    QList<ChangeOrderRow> changeOrders(qint64 contractId, qint64 after, int limit) const;
    void decideChangeOrder(qint64 id, const QString &status, const QString &comment) const;

private:
    DbConfig m_config;
};

} // namespace keel
