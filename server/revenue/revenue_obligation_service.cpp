#include "revenue_obligation_service.h"

#include "audit/audit_log.h"
#include "billing/billing_run_access.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "revenue_obligation_store.h"

#include <QSqlQuery>

namespace keel {

using billing_run_access::covers;

namespace {

const QStringList &methods()
{
    static const QStringList m{QStringLiteral("time_and_materials"), QStringLiteral("poc_cost"),
                               QStringLiteral("poc_effort"), QStringLiteral("milestone"),
                               QStringLiteral("straight_line")};
    return m;
}

qint64 idQuery(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::malformed(QStringLiteral("%1 is an id.").arg(name));
    return id;
}

} // namespace

QJsonObject RevenueObligationService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    const QStringList entities =
        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse));
    qint64 entityId = billing_run_access::entityFilter(request, db(), entities);
    const qint64 contractId = idQuery(request, QStringLiteral("contract_id"));
    QSqlDatabase db = this->db();
    if (contractId) {
        QSqlQuery q = db::query(db,
                                QStringLiteral("SELECT c.legal_entity_id, e.code FROM contracts c "
                                               "JOIN legal_entities e ON e.id = c.legal_entity_id "
                                               "WHERE c.id = ?"),
                                {contractId});
        if (!q.next() || !covers(entities, q.value(1).toString()) ||
            (entityId && entityId != q.value(0).toLongLong()))
            throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(contractId));
        entityId = q.value(0).toLongLong();
    }
    // The lines that have no obligation yet get one, as a run would give them.
    if (entityId && page.after == 0) {
        db::Transaction tx(db);
        revenue_obligation_store::sync(db, entityId, contractId);
        tx.commit();
    }
    return page.page(
        revenue_obligation_store::list(db, entities, entityId, contractId, page.after, page.limit));
}

QJsonObject RevenueObligationService::patch(const Request &request, qint64 id,
                                            const QJsonObject &body) const
{
    QSqlDatabase db = this->db();
    db::Transaction tx(db);
    const auto row = revenue_obligation_store::get(db, id, true);
    if (!row ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::RevenueManage)),
                row->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no obligation %1.").arg(id));
    JsonReader in(body);
    const QString method = in.requiredString(QStringLiteral("method"));
    if (in.ok() && !methods().contains(method))
        in.addError(QStringLiteral("method"), "invalid_value",
                    QStringLiteral("one of %1").arg(methods().join(QStringLiteral(", "))));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    requireVersion(request, body, row->version);
    if (row->recognised && method != row->method)
        throw ApiError(Problem{409,
                               problemTypeUri(ErrorType::Conflict),
                               QStringLiteral("Obligation recognised"),
                               QStringLiteral("Obligation %1 has been recognised; its method no "
                                              "longer changes.")
                                   .arg(id),
                               {{QStringLiteral("method"), QStringLiteral("already_recognised"),
                                 QStringLiteral("a run has measured this obligation")}}});
    if (method != row->method) {
        revenue_obligation_store::setMethod(db, id, method);
        AuditEntry a = AuditEntry::from(request, QStringLiteral("revenue_obligation.update"),
                                        QStringLiteral("revenue_obligation"), QString::number(id));
        a.before = QJsonObject{{"method", row->method}, {"version", row->version}};
        a.after = QJsonObject{{"method", method}, {"version", row->version + 1}};
        appendAudit(db, a);
    }
    const QJsonObject out = revenue_obligation_store::get(db, id)->json;
    tx.commit();
    return out;
}

} // namespace keel
