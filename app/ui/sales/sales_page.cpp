#include "sales_page.h"

#include "account_view.h"
#include "api_client.h"
#include "api_reply.h"
#include "contract_form.h"
#include "list_panel.h"
#include "opportunity_dialog.h"
#include "paged_list_model.h"
#include "pipeline_board_view.h"
#include "problem_text.h"
#include "quote_editor.h"
#include "session.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::sales {

SalesPage::SalesPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel), m_tabs(new QTabWidget)
{
    setObjectName("workspacePage_sales");
    m_title->setObjectName("pageTitle");
    m_title->setText(tr("Sales"));
    m_tabs->setObjectName("salesTabs");
    m_tabs->setDocumentMode(true);

    m_pipeline = new PipelineView(session);
    connect(m_pipeline, &PipelineView::opportunityActivated, this, &SalesPage::openOpportunity);
    connect(m_pipeline, &PipelineView::newOpportunityRequested, this, [this] { newOpportunity(); });
    m_tabs->addTab(m_pipeline, tr("Pipeline"));

    using F = ListColumn::Format;
    const auto list = [&](const QString &path, const QList<ListColumn> &cols,
                          const QString &empty) {
        auto *panel = new ListPanel(new PagedListModel(session->api(), path, cols, this));
        panel->setEmptyText(empty);
        return panel;
    };

    // Leads, with Convert.
    m_leads =
        list(QStringLiteral("/api/v1/crm/leads"),
             {{"company", QT_TRANSLATE_NOOP("keel::sales::Columns", "Company"), F::Text, {}},
              {"contact_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Contact"), F::Text, {}},
              {"source", QT_TRANSLATE_NOOP("keel::sales::Columns", "Source"), F::Text, {}},
              {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}},
              {"created_at", QT_TRANSLATE_NOOP("keel::sales::Columns", "Received"), F::Date, {}}},
             tr("No leads yet. Leads from the web, events and referrals appear here; "
                "qualify them and convert them into an account and an opportunity."));
    auto *convert = new QPushButton(tr("Convert to account and opportunity"));
    convert->setObjectName("convertLeadButton");
    connect(convert, &QPushButton::clicked, this, [this] {
        const QString id = m_leads->currentId();
        if (id.isEmpty())
            QMessageBox::information(this, tr("Convert lead"),
                                     tr("Select a qualified lead in the list first."));
        else
            convertLead(id);
    });
    auto *leadsPage = new QWidget;
    auto *leadsLayout = new QVBoxLayout(leadsPage);
    leadsLayout->setContentsMargins(0, 0, 0, 0);
    auto *leadsBar = new QHBoxLayout;
    leadsBar->addStretch(1);
    leadsBar->addWidget(convert);
    leadsLayout->addLayout(leadsBar);
    leadsLayout->addWidget(m_leads, 1);
    m_tabs->addTab(leadsPage, tr("Leads"));

    m_accounts = list(
        QStringLiteral("/api/v1/crm/accounts"),
        {{"name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Account"), F::Text, {}},
         {"industry", QT_TRANSLATE_NOOP("keel::sales::Columns", "Industry"), F::Text, {}},
         {"country", QT_TRANSLATE_NOOP("keel::sales::Columns", "Country"), F::Text, {}},
         {"billing_currency", QT_TRANSLATE_NOOP("keel::sales::Columns", "Currency"), F::Text, {}},
         {"owner_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Owner"), F::Text, {}}},
        tr("No accounts yet. Convert a lead or create an account to start selling."));
    connect(m_accounts, &ListPanel::activated, this, &SalesPage::openAccount);
    m_tabs->addTab(m_accounts, tr("Accounts"));

    m_contracts =
        list(QStringLiteral("/api/v1/crm/contracts"),
             {{"number", QT_TRANSLATE_NOOP("keel::sales::Columns", "Contract"), F::Text, {}},
              {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
              {"account_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Account"), F::Text, {}},
              {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}},
              {"total_value", QT_TRANSLATE_NOOP("keel::sales::Columns", "Total"), F::Money, {}},
              {"signature_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Signed"), F::Date, {}}},
             tr("No contracts yet. An accepted quote becomes a contract; sign it to hand the "
                "work over to delivery."));
    connect(m_contracts, &ListPanel::activated, this, [this](const QString &id) {
        ContractForm *form = openContract({});
        form->openContract(id);
    });
    m_tabs->addTab(m_contracts, tr("Contracts"));

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) {
        for (ListPanel *p : {m_leads, m_accounts, m_contracts})
            if (p->isVisible() && !p->model()->hasLoaded())
                p->model()->reload();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
}

void SalesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        m_pipeline->reload();
    }
}

QWidget *SalesPage::inWindow(QWidget *content, const QString &title, QSize size)
{
    auto *dialog = new QDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->addWidget(content);
    dialog->resize(size);
    dialog->show();
    return dialog;
}

void SalesPage::newOpportunity(const QString &accountId, const QString &accountName)
{
    auto *dialog = new OpportunityDialog(m_session, {}, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAccount(accountId, accountName);
    connect(dialog, &OpportunityDialog::savedOpportunity, this, [this] { m_pipeline->reload(); });
    dialog->show();
}

void SalesPage::openOpportunity(const QString &id)
{
    ApiReply *reply = m_session->api()->get(QStringLiteral("/api/v1/crm/opportunities/%1").arg(id));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            return (void)QMessageBox::warning(this, tr("Opportunity"),
                                              humanMessage(reply->problem()));
        const QJsonObject o = reply->object();
        auto *dialog = new OpportunityDialog(m_session, o, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *quote = new QPushButton(tr("Quote…"));
        quote->setObjectName("quoteButton");
        quote->setToolTip(tr("Open the opportunity's latest quote, or start one"));
        auto *account = new QPushButton(tr("Account 360°"));
        if (auto *box = dialog->findChild<QDialogButtonBox *>()) {
            box->addButton(quote, QDialogButtonBox::ActionRole);
            box->addButton(account, QDialogButtonBox::ActionRole);
        }
        connect(quote, &QPushButton::clicked, this, [this, o, dialog] {
            dialog->close();
            ApiReply *quotes =
                m_session->api()->get(QStringLiteral("/api/v1/crm/opportunities/%1/quotes")
                                          .arg(o.value("id").toString()));
            connect(quotes, &ApiReply::finished, this, [this, quotes, o] {
                const QJsonArray items = quotes->object().value("items").toArray();
                if (quotes->ok() && !items.isEmpty())
                    openQuote(items.first().toObject().value("id").toString());
                else
                    newQuote(o);
            });
        });
        connect(account, &QPushButton::clicked, this,
                [this, o] { openAccount(o.value("account").toString()); });
        connect(dialog, &OpportunityDialog::savedOpportunity, this,
                [this] { m_pipeline->reload(); });
        dialog->show();
    });
}

QuoteEditor *SalesPage::newQuote(const QJsonObject &opportunity)
{
    auto *editor = new QuoteEditor(m_session);
    editor->newQuote(opportunity);
    connect(editor, &QuoteEditor::contractRequested, this,
            [this](const QJsonObject &c) { openContract(c); });
    inWindow(editor, tr("Quote"), QSize(980, 680));
    return editor;
}

QuoteEditor *SalesPage::openQuote(const QString &id)
{
    auto *editor = new QuoteEditor(m_session);
    editor->openQuote(id);
    connect(editor, &QuoteEditor::contractRequested, this,
            [this](const QJsonObject &c) { openContract(c); });
    inWindow(editor, tr("Quote"), QSize(980, 680));
    return editor;
}

ContractForm *SalesPage::openContract(const QJsonObject &contract)
{
    auto *form = new ContractForm(m_session);
    if (!contract.isEmpty())
        form->setContract(contract);
    connect(form, &ContractForm::signedContract, this, [this] {
        if (m_contracts->model()->hasLoaded())
            m_contracts->model()->reload();
    });
    inWindow(form, tr("Contract"), QSize(980, 560));
    return form;
}

void SalesPage::openAccount(const QString &id)
{
    auto *view = new AccountView(m_session, id);
    connect(view, &AccountView::opportunityActivated, this, &SalesPage::openOpportunity);
    connect(view, &AccountView::quoteActivated, this, [this](const QString &q) { openQuote(q); });
    connect(view, &AccountView::contractActivated, this,
            [this](const QString &c) { openContract({})->openContract(c); });
    inWindow(view, tr("Account"), QSize(1000, 640));
}

void SalesPage::convertLead(const QString &leadId)
{
    const int row = m_leads->model()->rowOf(leadId);
    const QJsonObject lead = m_leads->model()->rowObject(row);
    // The new account needs a tax profile; the server names the allowed ones.
    static const QStringList profiles{"UK_VAT_STANDARD", "UK_VAT_ZERO",     "US_STANDARD",
                                      "US_EXEMPT",       "DE_UST_STANDARD", "EU_REVERSE_CHARGE",
                                      "EXPORT_EXEMPT"};
    bool ok = false;
    const QString profile = QInputDialog::getItem(
        this, tr("Convert lead"),
        tr("Tax profile of the new account “%1”:").arg(lead.value("company").toString()), profiles,
        0, false, &ok);
    if (!ok)
        return;
    ApiReply *reply =
        m_session->api()->post(QStringLiteral("/api/v1/crm/leads/%1/convert").arg(leadId),
                               QJsonObject{{"version", lead.value("version").toInt()},
                                           {"account", QJsonObject{{"tax_profile", profile}}}});
    connect(reply, &ApiReply::finished, this, [this, reply, lead] {
        if (!reply->ok())
            return (void)QMessageBox::warning(this, tr("Convert lead"),
                                              humanMessage(reply->problem()));
        m_leads->model()->reload();
        const QJsonObject out = reply->object();
        const QString opportunity = out.value("opportunity_id").toString();
        if (!opportunity.isEmpty()) {
            m_pipeline->reload();
            openOpportunity(opportunity);
        } else {
            newOpportunity(out.value("account_id").toString(), lead.value("company").toString());
        }
    });
}

} // namespace keel::sales
