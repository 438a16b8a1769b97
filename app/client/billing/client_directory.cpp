#include "client_directory.h"

#include "sales_format.h"

#include <algorithm>

namespace keel::billing {

using sales::idText;

namespace {
void insertSorted(QList<ClientDirectory::Entry> &list, const ClientDirectory::Entry &e)
{
    auto at = std::find_if(list.begin(), list.end(), [&e](const ClientDirectory::Entry &x) {
        return x.name.localeAwareCompare(e.name) > 0;
    });
    list.insert(at, e);
}

bool contains(const QList<ClientDirectory::Entry> &list, const QString &id)
{
    return std::any_of(list.cbegin(), list.cend(),
                       [&id](const ClientDirectory::Entry &e) { return e.id == id; });
}
} // namespace

ClientDirectory::ClientDirectory(QObject *parent) : QObject(parent) {}

bool ClientDirectory::add(const QJsonObject &invoice)
{
    bool added = false;
    const QString account = idText(invoice.value("account_id"));
    const QString name = invoice.value("account_name").toString();
    if (!account.isEmpty() && !name.isEmpty() && !contains(m_clients, account)) {
        insertSorted(m_clients, {account, name, account});
        added = true;
    }
    const QString contract = idText(invoice.value("contract_id"));
    const QString number = invoice.value("contract_number").toString();
    if (!contract.isEmpty() && !contains(m_contracts, contract)) {
        insertSorted(m_contracts, {contract, number.isEmpty() ? contract : number, account});
        added = true;
    }
    return added;
}

void ClientDirectory::learn(const QJsonObject &invoice)
{
    if (add(invoice))
        emit changed();
}

void ClientDirectory::learnAll(const QList<QJsonObject> &invoices)
{
    bool added = false;
    for (const QJsonObject &i : invoices)
        added = add(i) || added;
    if (added)
        emit changed();
}

void ClientDirectory::clear()
{
    m_clients.clear();
    m_contracts.clear();
    emit changed();
}

QList<ClientDirectory::Entry> ClientDirectory::clients() const
{
    return m_clients;
}

QList<ClientDirectory::Entry> ClientDirectory::contracts(const QString &accountId) const
{
    if (accountId.isEmpty())
        return m_contracts;
    QList<Entry> out;
    for (const Entry &e : m_contracts)
        if (e.accountId == accountId)
            out.append(e);
    return out;
}

QString ClientDirectory::clientName(const QString &id) const
{
    for (const Entry &e : m_clients)
        if (e.id == id)
            return e.name;
    return {};
}

} // namespace keel::billing
