#include "account_view.h"

#include "api_client.h"
#include "api_reply.h"
#include "list_panel.h"
#include "paged_list_model.h"
#include "problem_text.h"
#include "session.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::sales {

AccountView::AccountView(Session *session, const QString &accountId, QWidget *parent)
    : QWidget(parent), m_session(session), m_id(accountId), m_title(new QLabel),
      m_facts(new QLabel), m_tabs(new QTabWidget)
{
    setObjectName("accountView");
    m_title->setObjectName("pageTitle");
    m_facts->setObjectName("pageSummary");
    m_facts->setWordWrap(true);
    m_title->setText(tr("Loading the account…"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_tabs, 1);

    using F = ListColumn::Format;
    const auto tab = [&](const QString &path, const QString &filter, const QList<ListColumn> &cols,
                         const QString &title, const QString &empty) {
        auto *model = new PagedListModel(session->api(), path, cols, this);
        model->setFilter(filter, accountId);
        auto *panel = new ListPanel(model);
        panel->setEmptyText(empty);
        m_tabs->addTab(panel, title);
        model->reload();
        return panel;
    };
    tab(QStringLiteral("/api/v1/crm/contacts"), QStringLiteral("account"),
        {{"name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Name"), F::Text, {}},
         {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
         {"email", QT_TRANSLATE_NOOP("keel::sales::Columns", "E-mail"), F::Text, {}},
         {"phone", QT_TRANSLATE_NOOP("keel::sales::Columns", "Phone"), F::Text, {}}},
        tr("Contacts"), tr("No contacts yet. Add the people you deal with at this client."));
    tab(QStringLiteral("/api/v1/crm/activities"), QStringLiteral("account"),
        {{"kind", QT_TRANSLATE_NOOP("keel::sales::Columns", "Kind"), F::Text, {}},
         {"subject", QT_TRANSLATE_NOOP("keel::sales::Columns", "Subject"), F::Text, {}},
         {"due_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Due"), F::Date, {}},
         {"created_at", QT_TRANSLATE_NOOP("keel::sales::Columns", "Recorded"), F::Date, {}}},
        tr("Activities"), tr("No notes, calls, meetings or tasks recorded for this account yet."));
    auto *opps = tab(
        QStringLiteral("/api/v1/crm/opportunities"), QStringLiteral("account"),
        {{"name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Opportunity"), F::Text, {}},
         {"stage_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Stage"), F::Text, {}},
         {"expected_value", QT_TRANSLATE_NOOP("keel::sales::Columns", "Value"), F::Money, "value"},
         {"expected_close", QT_TRANSLATE_NOOP("keel::sales::Columns", "Expected close"), F::Date,
          "expected_close"}},
        tr("Opportunities"),
        tr("No opportunities with this account. Create one from the pipeline."));
    connect(opps, &ListPanel::activated, this, &AccountView::opportunityActivated);
    auto *contracts =
        tab(QStringLiteral("/api/v1/crm/contracts"), QStringLiteral("account_id"),
            {{"number", QT_TRANSLATE_NOOP("keel::sales::Columns", "Contract"), F::Text, {}},
             {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
             {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}},
             {"total_value", QT_TRANSLATE_NOOP("keel::sales::Columns", "Total"), F::Money, {}},
             {"signature_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Signed"), F::Date, {}}},
            tr("Contracts"), tr("No contracts yet. An accepted quote becomes a contract."));
    connect(contracts, &ListPanel::activated, this, &AccountView::contractActivated);
    tab(QStringLiteral("/api/v1/delivery/projects"), QStringLiteral("account_id"),
        {{"name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Project"), F::Text, {}},
         {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}},
         {"start_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Start"), F::Date, {}},
         {"end_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "End"), F::Date, {}}},
        tr("Projects"), tr("No projects yet. Signing a contract creates its project."));

    ApiReply *reply = session->api()->get(QStringLiteral("/api/v1/crm/accounts/%1").arg(accountId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_title->setText(humanMessage(reply->problem()));
            return;
        }
        const QJsonObject a = reply->object();
        m_title->setText(a.value("name").toString());
        QStringList facts;
        for (const char *key : {"industry", "country", "billing_currency", "legal_entity"})
            if (!a.value(key).toString().isEmpty())
                facts << a.value(key).toString();
        if (a.contains("payment_terms_days"))
            facts << tr("%1 days to pay").arg(a.value("payment_terms_days").toInt());
        const QString owner = a.value("owner_name").toString();
        if (!owner.isEmpty())
            facts << tr("owner %1").arg(owner);
        const QString parent = a.value("parent_name").toString();
        if (!parent.isEmpty())
            facts << tr("part of %1").arg(parent);
        m_facts->setText(facts.join(QStringLiteral(" · ")));
    });
}

} // namespace keel::sales
