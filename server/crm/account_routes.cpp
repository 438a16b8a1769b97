#include "account_routes.h"

#include "account_service.h"
#include "duplicate_rules.h"
#include "http/router.h"
#include "lead_service.h"
#include "permissions.h"

#include <QJsonDocument>

#include <memory>

namespace keel {

namespace {
// 409 with the possible duplicates inside the problem document.
Reply duplicatesReply(const crm::DuplicateAccountsFound &found)
{
    QJsonObject problem = Problem{
        409,
        problemTypeUri(ErrorType::Conflict),
        QStringLiteral("Possible duplicate"),
        QStringLiteral("Accounts with the same name or web domain exist; send "
                       "\"confirm_duplicate\": true to create it anyway."),
        {}}.toJson();
    problem.insert(QStringLiteral("candidates"), found.candidates());
    return Reply{
        409, "application/problem+json", QJsonDocument(problem).toJson(QJsonDocument::Compact), {}};
}
} // namespace

void registerCrmAccountRoutes(Router &router, const DbConfig &database)
{
    using namespace Permission;
    using crm::AccountService;
    auto accounts = std::make_shared<const AccountService>(database);
    auto leads = std::make_shared<const crm::LeadService>(database, accounts);
    const QString scope = QLatin1String(Scope::LegalEntity);
    auto add = [&](const char *method, const char *pattern, const char *summary, Handler h) {
        router.add({method, QString::fromLatin1(pattern), SalesUse, scope,
                    QString::fromLatin1(summary), std::move(h)});
    };
    const QString id = QStringLiteral("id");

    add("GET", "/api/v1/crm/accounts", "List accounts (filters q, owner, entity, country, parent)",
        [accounts](Request &r) { return Reply::json(accounts->listAccounts(r)); });
    add("POST", "/api/v1/crm/accounts", "Create an account (409 with candidates on a duplicate)",
        [accounts](Request &r) {
            try {
                return Reply::json(accounts->createAccount(r, r.jsonObject()), 201);
            } catch (const crm::DuplicateAccountsFound &found) {
                return duplicatesReply(found);
            }
        });
    add("GET", "/api/v1/crm/accounts/{id}", "An account with children, contacts, recent activities",
        [accounts, id](Request &r) { return Reply::json(accounts->getAccount(r, r.idParam(id))); });
    add("PUT", "/api/v1/crm/accounts/{id}", "Update an account (version)",
        [accounts, id](Request &r) {
            return Reply::json(accounts->updateAccount(r, r.idParam(id), r.jsonObject()));
        });
    add("POST", "/api/v1/crm/accounts/{id}/merge", "Merge an account into a survivor",
        [accounts, id](Request &r) {
            return Reply::json(accounts->mergeAccount(r, r.idParam(id), r.jsonObject()));
        });

    add("GET", "/api/v1/crm/contacts", "List contacts (filters account, q)",
        [accounts](Request &r) { return Reply::json(accounts->listContacts(r)); });
    add("POST", "/api/v1/crm/contacts", "Create a contact", [accounts](Request &r) {
        return Reply::json(accounts->createContact(r, r.jsonObject()), 201);
    });
    add("GET", "/api/v1/crm/contacts/{id}", "A contact",
        [accounts, id](Request &r) { return Reply::json(accounts->getContact(r, r.idParam(id))); });
    add("PUT", "/api/v1/crm/contacts/{id}", "Update a contact (version)",
        [accounts, id](Request &r) {
            return Reply::json(accounts->updateContact(r, r.idParam(id), r.jsonObject()));
        });

    add("GET", "/api/v1/crm/activities",
        "List activities (filters account, opportunity, kind, done)",
        [accounts](Request &r) { return Reply::json(accounts->listActivities(r)); });
    add("POST", "/api/v1/crm/activities", "Record an activity", [accounts](Request &r) {
        return Reply::json(accounts->createActivity(r, r.jsonObject()), 201);
    });
    add("GET", "/api/v1/crm/activities/{id}", "An activity", [accounts, id](Request &r) {
        return Reply::json(accounts->getActivity(r, r.idParam(id)));
    });
    add("PUT", "/api/v1/crm/activities/{id}", "Update an activity, e.g. mark a task done (version)",
        [accounts, id](Request &r) {
            return Reply::json(accounts->updateActivity(r, r.idParam(id), r.jsonObject()));
        });

    add("GET", "/api/v1/crm/leads", "List leads (filters status, source, owner, entity, q)",
        [leads](Request &r) { return Reply::json(leads->list(r)); });
    add("POST", "/api/v1/crm/leads", "Create a lead",
        [leads](Request &r) { return Reply::json(leads->create(r, r.jsonObject()), 201); });
    add("GET", "/api/v1/crm/leads/{id}", "A lead",
        [leads, id](Request &r) { return Reply::json(leads->get(r, r.idParam(id))); });
    add("PUT", "/api/v1/crm/leads/{id}", "Update a lead or move its status (version)",
        [leads, id](Request &r) {
            return Reply::json(leads->update(r, r.idParam(id), r.jsonObject()));
        });
    add("POST", "/api/v1/crm/leads/{id}/convert",
        "Convert a qualified lead into account + contact + opportunity", [leads, id](Request &r) {
            try {
                return Reply::json(leads->convert(r, r.idParam(id), r.jsonObject()), 201);
            } catch (const crm::DuplicateAccountsFound &found) {
                return duplicatesReply(found);
            }
        });
}

} // namespace keel
