#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::billing {

// The contracts a billing run of one entity can bill (GET /api/v1/billing/contracts: signed,
// amended, completed, terminated), every page, for the run's client and contract choices. A
// client never invoiced is among them: the choices no longer depend on earlier invoices.
class BillableContracts : public QObject
{
    Q_OBJECT
public:
    struct Choice
    {
        QString id;
        QString label;
        QString accountId; // contracts: whose
        // Contracts: approved billable time not billed yet (decimal hours text, entries).
        QString unbilledHours;
        int unbilledEntries = 0;
    };

    explicit BillableContracts(ApiClient *api, QObject *parent = nullptr);

    // Loads the entity's contracts afresh (empty: none); loaded() or loadFailed() follow.
    void setLegalEntity(const QString &id);
    void reload();
    QString legalEntity() const { return m_entity; }
    bool isLoading() const { return m_loading; }

    // The clients with a billable contract, sorted by name.
    QList<Choice> clients() const;
    // A client's contracts (all when accountId is empty), by number: "SOW-… · title".
    QList<Choice> contracts(const QString &accountId = {}) const;
    QList<QJsonObject> items() const { return m_items; }

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    void fetch(const QString &after, int generation);

    QPointer<ApiClient> m_api;
    QString m_entity;
    QList<QJsonObject> m_items;
    QList<QJsonObject> m_incoming;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace keel::billing
