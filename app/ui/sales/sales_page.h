#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace keel {
class Session;
}

namespace keel::sales {

class ListPanel;
class PipelineView;
class QuoteEditor;
class ContractForm;

// The Sales workspace: pipeline (board and list), leads, accounts, quotes and contracts. Detail
// views (opportunity, account 360°, quote editor, contract) open in their own windows.
class SalesPage : public QWidget
{
    Q_OBJECT
public:
    explicit SalesPage(Session *session, QWidget *parent = nullptr);

    PipelineView *pipeline() const { return m_pipeline; }
    QTabWidget *tabs() const { return m_tabs; }
    ListPanel *leads() const { return m_leads; }

    void openOpportunity(const QString &id);
    void newOpportunity(const QString &accountId = {}, const QString &accountName = {});
    QuoteEditor *openQuote(const QString &id);
    QuoteEditor *newQuote(const QJsonObject &opportunity);
    ContractForm *openContract(const QJsonObject &contract);
    void openAccount(const QString &id);
    void convertLead(const QString &leadId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *inWindow(QWidget *content, const QString &title, QSize size);

    Session *m_session;
    QLabel *m_title;
    QTabWidget *m_tabs;
    PipelineView *m_pipeline;
    ListPanel *m_leads;
    ListPanel *m_accounts;
    ListPanel *m_contracts;
    bool m_loaded = false;
};

} // namespace keel::sales
