#pragma once

#include "account_rules.h"
#include "db/database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace keel::crm {

// The editable content of an account.
struct AccountFields
{
    qint64 legalEntityId = 0;
    QString legalEntity; // code
    QString name;
    QString domain; // normalised, empty = none
    qint64 parentId = 0;
    QString industry;
    QString country;
    QString billingCurrency;
    int paymentTermsDays = 30;
    QString taxProfile;
    QString billingAddress; // multi-line, printed under "Bill to"; empty = none
    QString taxId;          // the client's VAT id / tax number, empty = none
    qint64 billingContactId = 0;
    qint64 ownerId = 0;
};

struct AccountRow
{
    qint64 id = 0;
    qint64 mergedInto = 0;
    int version = 0;
    AccountFields fields;
    QJsonObject json;
};

struct AccountFilter
{
    QString q;
    qint64 ownerId = 0;
    QString entity;
    QString country;
    qint64 parentId = 0;
    bool includeMerged = false;
};

struct ContactFields
{
    qint64 accountId = 0;
    QString name;
    QString email;
    QString phone;
    QString title;
};

struct ActivityFields
{
    qint64 accountId = 0;
    qint64 opportunityId = 0;
    QString kind;
    QString subject;
    QString body;
    QDate dueDate;
    bool done = false;
};

// One table column that points at accounts(id): the merge moves these rows to the survivor.
struct AccountReference
{
    const char *table;
    const char *column;
};
// Every reference the merge moves. A context that adds a table with an account FK adds ONE line
// here (tst_crm_accounts_merge fails while any FK to accounts is missing from this list).
const QList<AccountReference> &accountReferences();
// References the merge deliberately leaves on the merged account: posted ledger lines are
// immutable (0014_ledger.sql refuses edits), so history keeps the client it was posted to and
// reports follow accounts.merged_into to the survivor.
const QList<AccountReference> &accountHistoryReferences();

// SQL for accounts, contacts and activities. Decides nothing. Functions run on the calling
// thread's connection, so they join the caller's open transaction.
class AccountStore
{
public:
    explicit AccountStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const { return db::connection(m_config); }

    // --- reference data --------------------------------------------------------------------
    std::optional<qint64> legalEntityId(const QString &code) const;
    bool userExists(qint64 id) const;

    // --- accounts --------------------------------------------------------------------------
    std::optional<AccountRow> account(qint64 id, bool forUpdate = false) const;
    // Visible, not merged accounts whose normalised name or domain matches.
    QJsonArray duplicateCandidates(const QString &nameNorm, const QString &domain,
                                   const EntityScope &scope, qint64 excludeId = 0) const;
    // Whether `candidate` is `id` or lies below it in the hierarchy.
    bool isInSubtree(qint64 candidate, qint64 id) const;
    qint64 insertAccount(const AccountFields &f, const QString &nameNorm) const;
    void updateAccount(qint64 id, const AccountFields &f, const QString &nameNorm) const;
    QJsonArray listAccounts(const AccountFilter &filter, const EntityScope &scope, qint64 after,
                            int limit) const;
    QJsonArray children(qint64 id, int limit) const;
    // Moves every reference from `from` to `to`; answers {"table.column": rows moved}.
    QJsonObject moveReferences(qint64 from, qint64 to) const;
    void setParent(qint64 id, qint64 parentId) const;
    void markMerged(qint64 id, qint64 survivorId) const;
    // Serialises hierarchy changes so two concurrent edits cannot build a cycle together.
    void lockHierarchy() const;

    // --- contacts --------------------------------------------------------------------------
    std::optional<QJsonObject> contact(qint64 id, bool forUpdate = false) const;
    qint64 contactAccount(qint64 contactId) const; // 0 when unknown
    qint64 insertContact(const ContactFields &f) const;
    bool updateContact(qint64 id, const ContactFields &f) const;
    QJsonArray listContacts(qint64 accountId, const QString &q, const EntityScope &scope,
                            qint64 after, int limit) const;

    // --- activities ------------------------------------------------------------------------
    std::optional<QJsonObject> activity(qint64 id, bool forUpdate = false) const;
    // Whether opportunity `id` exists and belongs to `accountId` (true while the opportunities
    // table does not exist yet: then there is nothing to check against).
    bool opportunityOfAccount(qint64 id, qint64 accountId) const;
    qint64 insertActivity(const ActivityFields &f, qint64 createdBy) const;
    void updateActivity(qint64 id, const ActivityFields &f) const;
    QJsonArray listActivities(qint64 accountId, qint64 opportunityId, const QString &kind,
                              std::optional<bool> done, const EntityScope &scope, qint64 after,
                              int limit) const;
    QJsonArray recentActivities(qint64 accountId, int limit) const;

private:
    DbConfig m_config;
};

} // namespace keel::crm
