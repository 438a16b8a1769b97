#pragma once

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QTabWidget;

namespace keel {
class Session;
}

namespace keel::insights {

class CashInTab;
class ForecastTab;
class InsightsListTab;
class ModelsTab;

// The Insights workspace: Deals, Projects at risk, Flagged invoices, Cash-in, Forecast and
// Models as tabs. Each tab loads when first shown; a tab whose model was never trained offers
// Retrain, which starts a training run on the Models tab and reloads every tab once it is done.
// Every insight opens the records behind it: a deal's every factor, a project in Delivery, a
// draft in Billing (through the navigator the shell sets; a dialog of its flags otherwise).
class InsightsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        DealsTab,
        ProjectsTab,
        InvoicesTab,
        CashInTab_,
        ForecastTab_,
        ModelsTab_
    };
    explicit InsightsPage(Session *session, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    InsightsListTab *deals() const { return m_deals; }
    InsightsListTab *projects() const { return m_projects; }
    InsightsListTab *invoices() const { return m_invoices; }
    CashInTab *cashIn() const { return m_cashIn; }
    ForecastTab *forecast() const { return m_forecast; }
    ModelsTab *models() const { return m_models; }
    void showTab(Tab tab);

    // Opens a record in its workspace: kind "invoice", "project" or "opportunity"; false when
    // it cannot (the user lacks the workspace), and the page shows what it has instead.
    using Navigator = std::function<bool(const QString &kind, const QString &id)>;
    void setNavigator(Navigator navigator) { m_navigator = std::move(navigator); }

private:
    void retrainFromTab();
    void reloadAll();
    void openInvoice(const QJsonObject &row);

    Session *m_session;
    QTabWidget *m_tabs;
    InsightsListTab *m_deals;
    InsightsListTab *m_projects;
    InsightsListTab *m_invoices;
    CashInTab *m_cashIn;
    ForecastTab *m_forecast;
    ModelsTab *m_models;
    Navigator m_navigator;
};

} // namespace keel::insights
