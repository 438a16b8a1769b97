#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace keel::billing {

// Clients and contracts the billing pages can offer as choices, by name. Finance holds no
// sales.use, so the CRM lists are closed to it; the names are learnt from the invoices the
// server sends (account_id/account_name, contract_id/contract_number).
class ClientDirectory : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString id;
        QString name;
        QString accountId; // contracts: whose
    };

    explicit ClientDirectory(QObject *parent = nullptr);

    // Learns from an invoice (list item or full); changed() once per call that added anything.
    void learn(const QJsonObject &invoice);
    void learnAll(const QList<QJsonObject> &invoices);
    void clear();

    // Sorted by name.
    QList<Entry> clients() const;
    // Of one client, or all when accountId is empty.
    QList<Entry> contracts(const QString &accountId = {}) const;
    QString clientName(const QString &id) const;

signals:
    void changed();

private:
    bool add(const QJsonObject &invoice);

    QList<Entry> m_clients;
    QList<Entry> m_contracts;
};

} // namespace keel::billing
