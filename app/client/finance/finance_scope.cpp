#include "finance_scope.h"

#include "api_client.h"
#include "api_reply.h"
#include "auth_dto.h"
#include "permissions.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>

namespace keel::finance {

FinanceScope::FinanceScope(ApiClient *api, const UserInfo &user, QObject *parent)
    : QObject(parent), m_api(api), m_home(user.legalEntity)
{
    // Only grants of roles that read finance count: a consultant's entity is not offered.
    for (const RoleGrant &g : user.roles)
        if (permissionsOfRole(g.role).contains(QLatin1String(Permission::FinanceUse)))
            m_granted.append(g.legalEntity);
}

LegalEntity FinanceScope::entity() const
{
    for (const LegalEntity &e : m_entities)
        if (e.id == m_current)
            return e;
    return {};
}

void FinanceScope::setEntityId(const QString &id)
{
    if (id == m_current)
        return;
    m_current = id;
    emit entityChanged(id);
}

QList<LegalEntity> FinanceScope::visibleEntities(const QList<LegalEntity> &all,
                                                 const QStringList &grantedCodes,
                                                 const QString &homeCode)
{
    const bool everything = grantedCodes.contains(QString());
    QList<LegalEntity> out;
    for (const LegalEntity &e : all)
        if (everything || grantedCodes.contains(e.code)) {
            if (e.code == homeCode)
                out.prepend(e);
            else
                out.append(e);
        }
    return out;
}

void FinanceScope::load()
{
    if (!m_api)
        return;
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/legal-entities"));
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_error = humanMessage(r->problem());
            emit loadFailed(m_error);
            return;
        }
        m_error.clear();
        QList<LegalEntity> all;
        for (const QJsonValue &v : r->object().value("items").toArray()) {
            const QJsonObject o = v.toObject();
            all.append({sales::idText(o.value("id")), o.value("code").toString(),
                        o.value("name").toString(), o.value("functional_currency").toString()});
        }
        m_entities = visibleEntities(all, m_granted, m_home);
        emit entitiesLoaded();
        if (!m_entities.isEmpty() && entity().id.isEmpty())
            setEntityId(m_entities.first().id);
    });
}

} // namespace keel::finance
