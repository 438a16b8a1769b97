#pragma once

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace keel {
class Session;
}

namespace keel::billing {

class BillingRunPanel;
class ClientDirectory;
class ExceptionsPanel;
class InvoicesPanel;

// The Billing workspace for finance: the legal entity on top, then tabs for the billing run
// (start one, its progress, the history), the invoices (drafts grid, detail, bulk approve and
// issue, PDF preview) and the billing exceptions (caps reached, rates missing).
class BillingPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        RunTab,
        InvoicesTab,
        ExceptionsTab
    };

    explicit BillingPage(Session *session, QWidget *parent = nullptr);

    BillingRunPanel *runPanel() const { return m_run; }
    InvoicesPanel *invoicesPanel() const { return m_invoices; }
    ExceptionsPanel *exceptionsPanel() const { return m_exceptions; }
    QTabWidget *tabs() const { return m_tabs; }
    void showTab(Tab tab);

    QString legalEntityId() const;
    // Picks an entity by id or code; false when the user may not bill it.
    bool setLegalEntity(const QString &idOrCode);
    bool entitiesLoaded() const { return m_entitiesLoaded; }

signals:
    void legalEntitiesLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadEntities();
    void takeEntities(const QJsonArray &entities);
    void entityChosen();

    Session *m_session;
    ClientDirectory *m_directory;
    QComboBox *m_entity;
    QLabel *m_entityNote;
    QTabWidget *m_tabs;
    BillingRunPanel *m_run;
    InvoicesPanel *m_invoices;
    ExceptionsPanel *m_exceptions;
    bool m_entitiesLoaded = false;
    bool m_entitiesRequested = false;
};

} // namespace keel::billing
