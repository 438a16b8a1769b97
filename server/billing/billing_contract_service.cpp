#include "billing_contract_service.h"

#include "billing_contract_store.h"
#include "billing_run_access.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "permissions.h"

namespace keel {

QJsonObject BillingContractService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    billing_contract_store::ContractFilter f;
    f.entities = request.caller().entitiesFor(QString::fromLatin1(Permission::BillingUse));
    f.entityId = billing_run_access::entityFilter(request, db(), f.entities);
    f.q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed().left(100);
    f.after = page.after;
    f.limit = page.limit;
    return page.page(billing_contract_store::list(db(), f));
}

} // namespace keel
