#include "collections_service.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"
#include "receivables_values.h"

namespace keel {

using namespace receivables;

DunningState CollectionsService::visibleInvoice(const Request &request, qint64 id,
                                                const char *permission, bool lock) const
{
    const auto inv = m_store.invoice(id, lock);
    // Drafts are billing's business; collections start at issue.
    if (!inv || inv->number.isEmpty() ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(permission)), inv->entity))
        throw ApiError::notFound(QStringLiteral("There is no invoice %1.").arg(id));
    return *inv;
}

QJsonObject CollectionsService::addNote(const Request &request, qint64 invoiceId,
                                        const QJsonObject &body) const
{
    JsonReader in(body);
    NewCollectionNote n;
    n.invoiceId = invoiceId;
    n.createdBy = request.caller().user.id;
    n.note = in.requiredString(QStringLiteral("note")).trimmed();
    n.promisedDate = in.optionalDate(QStringLiteral("promised_date")).value_or(QDate());
    const auto level = in.optionalInt64(QStringLiteral("dunning_level"));
    if (in.ok() && n.note.size() > 2000)
        in.addError(QStringLiteral("note"), "invalid_value",
                    QStringLiteral("at most 2,000 characters"));
    if (level && (*level < 0 || *level > 3))
        in.addError(QStringLiteral("dunning_level"), "invalid_value", QStringLiteral("0 to 3"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const DunningState before = visibleInvoice(request, invoiceId, Permission::CashManage, true);
    if (level) {
        if (before.kind != QLatin1String("invoice") ||
            (before.status != QLatin1String("issued") &&
             before.status != QLatin1String("partially_paid")))
            throw ApiError::conflict(
                QStringLiteral("Invoice %1 is %2: only open invoices are dunned.")
                    .arg(before.number, before.status));
        if (*level < before.dunningLevel)
            throw ApiError::invalidField(
                QStringLiteral("dunning_level"), "below_current",
                QStringLiteral("the invoice is at level %1 already").arg(before.dunningLevel));
        n.dunningLevel = int(*level);
    }
    const qint64 id = m_store.insertNote(n);
    const QJsonObject note = m_store.notes(invoiceId, id).first().toObject();
    AuditEntry a = AuditEntry::from(request, QStringLiteral("collection_note.create"),
                                    QStringLiteral("collection_note"), QString::number(id));
    a.after = note;
    appendAudit(m_store.db(), a);
    if (level) {
        m_store.raiseDunning(invoiceId, n.dunningLevel, QDate::currentDate());
        AuditEntry d = AuditEntry::from(request, QStringLiteral("invoice.dunning"),
                                        QStringLiteral("invoice"), QString::number(invoiceId));
        d.before = before.json();
        d.after = m_store.invoice(invoiceId, false)->json();
        appendAudit(m_store.db(), d);
    }
    const DunningState after = *m_store.invoice(invoiceId, false);
    tx.commit();
    QJsonObject out = note;
    out.insert("invoice", after.json());
    return out;
}

QJsonObject CollectionsService::notes(const Request &request, qint64 invoiceId) const
{
    const DunningState inv = visibleInvoice(request, invoiceId, Permission::FinanceUse, false);
    return {{"invoice", inv.json()}, {"items", m_store.notes(invoiceId)}};
}

} // namespace keel
