#include "opportunity_routes.h"

#include "catalogue_service.h"
#include "http/concurrency.h"
#include "http/router.h"
#include "job_role_service.h"
#include "opportunity_service.h"
#include "permissions.h"
#include "quote_service.h"
#include "rate_card_service.h"
#include "workflow/workflow_service.h"

#include <memory>

namespace keel {

void registerCrmSalesRoutes(Router &router, const DbConfig &database, WorkflowService &workflow)
{
    using namespace Permission;
    const auto roles = std::make_shared<JobRoleService>(database);
    const auto catalogue = std::make_shared<CatalogueService>(database);
    const auto rates = std::make_shared<RateCardService>(database);
    const auto opps = std::make_shared<OpportunityService>(database);
    const auto quotes = std::make_shared<QuoteService>(database, workflow);
    quotes->registerWorkflow();
    const QString base = QStringLiteral("/api/v1/crm");
    const auto id = [](Request &r) { return r.idParam(QStringLiteral("id")); };

    // Job roles and standard costs
    router.add({"GET", base + "/job-roles", SalesUse, Scope::All, "Delivery job roles",
                [roles](Request &r) { return Reply::json(roles->list(r)); }});
    router.add(
        {"POST", base + "/job-roles", CatalogueManage, Scope::All, "Create a job role",
         [roles](Request &r) { return Reply::json(roles->create(r, r.jsonObject()), 201); }});
    router.add(
        {"PUT", base + "/job-roles/{id}", CatalogueManage, Scope::All, "Update a job role",
         [roles, id](Request &r) { return Reply::json(roles->update(r, id(r), r.jsonObject())); }});
    router.add({"GET", base + "/job-role-costs", SalesUse, Scope::LegalEntity,
                "Standard cost rates of job roles",
                [roles](Request &r) { return Reply::json(roles->listCosts(r)); }});
    router.add({"POST", base + "/job-role-costs", CatalogueManage, Scope::All,
                "Add a standard cost rate (no overlapping validity)", [roles](Request &r) {
                    return Reply::json(roles->createCost(r, r.jsonObject()), 201);
                }});

    // Stages and catalogue
    router.add({"GET", base + "/stages", SalesUse, Scope::All, "Opportunity stages",
                [catalogue](Request &r) { return Reply::json(catalogue->listStages(r)); }});
    router.add({"POST", base + "/stages", CatalogueManage, Scope::All, "Create a stage",
                [catalogue](Request &r) {
                    return Reply::json(catalogue->createStage(r, r.jsonObject()), 201);
                }});
    router.add({"PUT", base + "/stages/{id}", CatalogueManage, Scope::All, "Update a stage",
                [catalogue, id](Request &r) {
                    return Reply::json(catalogue->updateStage(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/service-lines", SalesUse, Scope::All, "Service lines",
                [catalogue](Request &r) { return Reply::json(catalogue->listServiceLines(r)); }});
    router.add({"POST", base + "/service-lines", CatalogueManage, Scope::All,
                "Create a service line", [catalogue](Request &r) {
                    return Reply::json(catalogue->createServiceLine(r, r.jsonObject()), 201);
                }});
    router.add({"GET", base + "/offerings", SalesUse, Scope::All, "Offerings with their templates",
                [catalogue](Request &r) { return Reply::json(catalogue->listOfferings(r)); }});
    router.add({"POST", base + "/offerings", CatalogueManage, Scope::All,
                "Create an offering (effort, milestones, billing model)", [catalogue](Request &r) {
                    return Reply::json(catalogue->createOffering(r, r.jsonObject()), 201);
                }});
    router.add({"GET", base + "/offerings/{id}", SalesUse, Scope::All, "One offering",
                [catalogue, id](Request &r) { return Reply::json(catalogue->offering(id(r))); }});

    // Rate cards
    router.add({"GET", base + "/rate-cards", SalesUse, Scope::LegalEntity, "Rate card rates",
                [rates](Request &r) { return Reply::json(rates->list(r)); }});
    router.add({"POST", base + "/rate-cards", RateCardsManage, Scope::LegalEntity,
                "Add a rate card rate (no overlapping validity)", [rates](Request &r) {
                    return Reply::json(rates->create(r, r.jsonObject()), 201);
                }});
    router.add({"PUT", base + "/rate-cards/{id}", RateCardsManage, Scope::LegalEntity,
                "Change a rate card rate", [rates, id](Request &r) {
                    return Reply::json(rates->update(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/client-rates", SalesUse, Scope::LegalEntity,
                "Client-specific rates",
                [rates](Request &r) { return Reply::json(rates->listOverrides(r)); }});
    router.add({"POST", base + "/client-rates", RateCardsManage, Scope::LegalEntity,
                "Add a client-specific rate (no overlapping validity)", [rates](Request &r) {
                    return Reply::json(rates->createOverride(r, r.jsonObject()), 201);
                }});

    // Opportunities
    router.add({"GET", base + "/opportunities", SalesUse, Scope::LegalEntity,
                "Opportunities (filters, sort, keyset cursor)",
                [opps](Request &r) { return Reply::json(opps->list(r)); }});
    router.add({"POST", base + "/opportunities", SalesUse, Scope::LegalEntity,
                "Create an opportunity", [opps](Request &r) {
                    return idempotent(opps->db(), r, [&] {
                        return Reply::json(opps->create(r, r.jsonObject()), 201);
                    });
                }});
    router.add({"GET", base + "/opportunities/{id}", SalesUse, Scope::LegalEntity,
                "One opportunity",
                [opps, id](Request &r) { return Reply::json(opps->get(r, id(r))); }});
    router.add(
        {"PUT", base + "/opportunities/{id}", SalesUse, Scope::LegalEntity, "Update an opportunity",
         [opps, id](Request &r) { return Reply::json(opps->update(r, id(r), r.jsonObject())); }});
    router.add({"POST", base + "/opportunities/{id}/stage", SalesUse, Scope::LegalEntity,
                "Move an opportunity to another stage", [opps, id](Request &r) {
                    return Reply::json(opps->changeStage(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/opportunities/{id}/stage-history", SalesUse, Scope::LegalEntity,
                "Stage changes with who and when",
                [opps, id](Request &r) { return Reply::json(opps->history(r, id(r))); }});
    router.add({"GET", base + "/opportunities/{id}/quotes", SalesUse, Scope::LegalEntity,
                "Quote versions of an opportunity", [quotes, id](Request &r) {
                    return Reply::json(quotes->listForOpportunity(r, id(r)));
                }});
    router.add({"GET", base + "/pipeline/board", SalesUse, Scope::LegalEntity,
                "Pipeline per stage: count, value and weighted value per currency",
                [opps](Request &r) { return Reply::json(opps->board(r)); }});

    // Quotes
    router.add({"POST", base + "/quotes", SalesUse, Scope::LegalEntity, "Create a quote",
                [quotes](Request &r) {
                    return idempotent(quotes->db(), r, [&] {
                        return Reply::json(quotes->create(r, r.jsonObject()), 201);
                    });
                }});
    router.add({"GET", base + "/quotes/{id}", SalesUse, Scope::LegalEntity, "One quote version",
                [quotes, id](Request &r) { return Reply::json(quotes->get(r, id(r))); }});
    router.add({"PUT", base + "/quotes/{id}", SalesUse, Scope::LegalEntity, "Change a draft quote",
                [quotes, id](Request &r) {
                    return Reply::json(quotes->update(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/quotes/{id}/submit", SalesUse, Scope::LegalEntity,
                "Submit a quote for approval", [quotes, id](Request &r) {
                    return Reply::json(quotes->submit(r, id(r), r.jsonObject()));
                }});
    router.add({"GET", base + "/quotes/{id}/approval-preview", SalesUse, Scope::LegalEntity,
                "The approval chain the quote would need", [quotes, id](Request &r) {
                    return Reply::json(quotes->approvalPreview(r, id(r)));
                }});
    router.add({"POST", base + "/quotes/{id}/accept", SalesUse, Scope::LegalEntity,
                "Mark an approved quote accepted by the client", [quotes, id](Request &r) {
                    return Reply::json(quotes->accept(r, id(r), r.jsonObject()));
                }});
    router.add({"POST", base + "/quotes/{id}/revise", SalesUse, Scope::LegalEntity,
                "Create the next version (the current one becomes read-only)",
                [quotes, id](Request &r) {
                    return Reply::json(quotes->revise(r, id(r), r.jsonObject()), 201);
                }});
}

} // namespace keel
