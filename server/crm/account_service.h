#pragma once

#include "account_store.h"

#include <QJsonObject>

namespace keel {
struct Request;
class JsonReader;
} // namespace keel

namespace keel::crm {

// Accounts (clients), their hierarchy, contacts and activities, duplicate detection and merge.
// Rules live here; SQL in AccountStore. Every change is one transaction with its audit entry.
//
// Row scope: a caller sees the accounts of the legal entities their SalesUse grants cover
// (EntityScope). Records outside it answer 404 exactly like records that do not exist, so the
// answer does not tell a US sales user that a UK client exists.
class AccountService
{
public:
    static constexpr int kDetailChildren = 100;
    static constexpr int kDetailContacts = 100;
    static constexpr int kDetailActivities = 20;

    explicit AccountService(DbConfig config) : m_store(std::move(config)) {}
    const AccountStore &store() const { return m_store; }

    QJsonObject createAccount(const Request &request, const QJsonObject &body) const;
    QJsonObject getAccount(const Request &request, qint64 id) const;
    QJsonObject updateAccount(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listAccounts(const Request &request) const;
    QJsonObject mergeAccount(const Request &request, qint64 id, const QJsonObject &body) const;

    QJsonObject createContact(const Request &request, const QJsonObject &body) const;
    QJsonObject getContact(const Request &request, qint64 id) const;
    QJsonObject updateContact(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listContacts(const Request &request) const;

    QJsonObject createActivity(const Request &request, const QJsonObject &body) const;
    QJsonObject getActivity(const Request &request, qint64 id) const;
    QJsonObject updateActivity(const Request &request, qint64 id, const QJsonObject &body) const;
    QJsonObject listActivities(const Request &request) const;

    // --- inside the caller's open transaction (lead conversion) ------------------------------
    // Reads account fields from `in` (defaults in `base`), validates them (throws 422 with the
    // reader's field paths), looks for duplicates unless `confirmDuplicate` (throws
    // DuplicateAccountsFound), inserts and audits. Returns the new id.
    qint64 createAccountIn(const Request &request, JsonReader &in, AccountFields base,
                           bool confirmDuplicate) const;
    // Same for a contact of `accountId`.
    qint64 createContactIn(const Request &request, JsonReader &in, ContactFields base) const;
    // The account, when it exists and is in the caller's scope; else 404.
    AccountRow visibleAccount(const Request &request, qint64 id, bool forUpdate = false) const;

private:
    void readAccount(const EntityScope &scope, JsonReader &in, AccountFields &f,
                     qint64 accountId) const;
    void readContact(JsonReader &in, ContactFields &f) const;
    void readActivity(JsonReader &in, ActivityFields &f) const;

    AccountStore m_store;
};

} // namespace keel::crm
