#include "billable_contracts.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace keel::billing {

using sales::idText;

namespace {
// Pages of the server's largest size; an entity with more than this many billable contracts
// gets the first ones (a picker of thousands is no picker).
constexpr int kPage = 500;
constexpr int kMaxPages = 20;

void sortByLabel(QList<BillableContracts::Choice> &list)
{
    std::sort(list.begin(), list.end(),
              [](const BillableContracts::Choice &a, const BillableContracts::Choice &b) {
                  return a.label.localeAwareCompare(b.label) < 0;
              });
}
} // namespace

BillableContracts::BillableContracts(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{}

void BillableContracts::setLegalEntity(const QString &id)
{
    m_entity = id;
    reload();
}

void BillableContracts::reload()
{
    const int generation = ++m_generation;
    m_incoming.clear();
    if (!m_api || m_entity.isEmpty()) {
        m_items.clear();
        m_loading = false;
        emit loaded();
        return;
    }
    m_loading = true;
    fetch(QString(), generation);
}

void BillableContracts::fetch(const QString &after, int generation)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("legal_entity_id"), m_entity);
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPage));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/billing/contracts?") + query.toString());
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return; // another entity was chosen meanwhile
        if (!r->ok()) {
            m_loading = false;
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        const QJsonObject page = r->object();
        for (const QJsonValue &v : page.value("items").toArray())
            m_incoming.append(v.toObject());
        const QString next = idText(page.value("next_after"));
        if (!next.isEmpty() && m_incoming.size() < kPage * kMaxPages) {
            fetch(next, generation);
            return;
        }
        m_items = m_incoming;
        m_incoming.clear();
        m_loading = false;
        emit loaded();
    });
}

QList<BillableContracts::Choice> BillableContracts::clients() const
{
    QList<Choice> out;
    QStringList seen;
    for (const QJsonObject &c : m_items) {
        const QString account = idText(c.value("account_id"));
        if (account.isEmpty() || seen.contains(account))
            continue;
        seen.append(account);
        out.append({account, c.value("account_name").toString(), account, {}, 0});
    }
    sortByLabel(out);
    return out;
}

QList<BillableContracts::Choice> BillableContracts::contracts(const QString &accountId) const
{
    QList<Choice> out;
    for (const QJsonObject &c : m_items) {
        const QString account = idText(c.value("account_id"));
        if (!accountId.isEmpty() && account != accountId)
            continue;
        const QString number = c.value("number").toString();
        const QString title = c.value("title").toString();
        QString label = number.isEmpty() ? title : number + QStringLiteral(" · ") + title;
        if (accountId.isEmpty())
            label += QStringLiteral(" (") + c.value("account_name").toString() + u')';
        const QJsonObject time = c.value("unbilled_time").toObject();
        out.append({idText(c.value("id")), label, account, time.value("hours").toString(),
                    time.value("entries").toInt()});
    }
    sortByLabel(out);
    return out;
}

} // namespace keel::billing
