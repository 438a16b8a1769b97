#include "billing_page.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_run_panel.h"
#include "client_directory.h"
#include "exceptions_panel.h"
#include "invoices_panel.h"
#include "permissions.h"
#include "problem_text.h"
#include "sales_format.h"
#include "session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::billing {

namespace {
// The entity codes the user's billing roles cover; empty set + true = all entities.
bool coversAll(const UserInfo &user, QStringList *codes)
{
    bool all = false;
    for (const RoleGrant &g : user.roles) {
        if (!rolesGrant({g.role}, QLatin1String(Permission::BillingUse)))
            continue;
        if (g.legalEntity.isEmpty())
            all = true;
        else
            codes->append(g.legalEntity);
    }
    return all;
}
} // namespace

BillingPage::BillingPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_directory(new ClientDirectory(this)),
      m_entity(new QComboBox), m_entityNote(new QLabel), m_tabs(new QTabWidget),
      m_run(new BillingRunPanel(session)), m_invoices(new InvoicesPanel(session, m_directory)),
      m_exceptions(new ExceptionsPanel(session))
{
    setObjectName("billingPage");
    auto *title = new QLabel(tr("Billing"));
    title->setObjectName("pageTitle");
    m_entity->setObjectName("entityChoice");
    m_entity->setMinimumWidth(220);
    m_entity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_entityNote->setObjectName("pageSummary");
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(new QLabel(tr("Legal entity")));
    head->addWidget(m_entity);

    m_tabs->setObjectName("billingTabs");
    m_tabs->addTab(m_run, tr("Billing run"));
    m_tabs->addTab(m_invoices, tr("Invoices"));
    m_tabs->addTab(m_exceptions, tr("Exceptions"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addLayout(head);
    layout->addWidget(m_entityNote);
    layout->addWidget(m_tabs, 1);
    m_entityNote->hide();

    connect(m_entity, &QComboBox::activated, this, &BillingPage::entityChosen);
    connect(m_run, &BillingRunPanel::reviewRequested, this, [this](const QString &runId) {
        m_invoices->showRun(runId);
        showTab(InvoicesTab);
    });
    connect(m_run, &BillingRunPanel::runFinished, this, [this] { m_exceptions->reload(); });
    connect(m_exceptions, &ExceptionsPanel::countChanged, this, [this](int open) {
        m_tabs->setTabText(ExceptionsTab,
                           open > 0 ? tr("Exceptions (%1)").arg(open) : tr("Exceptions"));
    });
}

void BillingPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadEntities();
}

void BillingPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString BillingPage::legalEntityId() const
{
    return m_entity->currentData().toString();
}

bool BillingPage::setLegalEntity(const QString &idOrCode)
{
    for (int i = 0; i < m_entity->count(); ++i)
        if (m_entity->itemData(i).toString() == idOrCode ||
            m_entity->itemData(i, Qt::UserRole + 1).toString() == idOrCode) {
            m_entity->setCurrentIndex(i);
            entityChosen();
            return true;
        }
    return false;
}

void BillingPage::loadEntities()
{
    if (m_entitiesRequested || !m_session->api())
        return;
    m_entitiesRequested = true;
    ApiReply *r = m_session->api()->get(QStringLiteral("/api/v1/legal-entities"));
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_entitiesRequested = false; // try again when shown next
            m_entityNote->setText(humanMessage(r->problem()));
            m_entityNote->show();
            return;
        }
        takeEntities(r->object().value("items").toArray());
    });
}

void BillingPage::takeEntities(const QJsonArray &entities)
{
    QStringList codes;
    const bool all = coversAll(m_session->user(), &codes);
    m_entity->clear();
    int home = -1;
    for (const QJsonValue &v : entities) {
        const QJsonObject e = v.toObject();
        const QString code = e.value("code").toString();
        if (!all && !codes.contains(code))
            continue;
        m_entity->addItem(QStringLiteral("%1 · %2").arg(code, e.value("name").toString()),
                          sales::idText(e.value("id")));
        m_entity->setItemData(m_entity->count() - 1, code, Qt::UserRole + 1);
        if (code == m_session->user().legalEntity)
            home = m_entity->count() - 1;
    }
    m_entity->setCurrentIndex(home >= 0 ? home : 0);
    m_entitiesLoaded = true;
    m_entityNote->setVisible(m_entity->count() == 0);
    if (m_entity->count() == 0)
        m_entityNote->setText(tr("None of your roles bills for a legal entity."));
    entityChosen();
    emit legalEntitiesLoaded();
}

void BillingPage::entityChosen()
{
    const QString id = legalEntityId();
    if (id.isEmpty())
        return;
    m_directory->clear();
    m_run->setLegalEntity(id);
    m_invoices->setLegalEntity(id);
    m_exceptions->setLegalEntity(id);
    // The grid's client filter: the clients of the entity's latest invoices, of any status
    // (finance may not read the CRM lists). The run panel lists the billable contracts itself.
    ApiReply *r = m_session->api()->get(
        QStringLiteral("/api/v1/billing/invoices?legal_entity_id=%1&limit=500").arg(id));
    connect(r, &ApiReply::finished, this, [this, r, id] {
        if (!r->ok() || id != legalEntityId())
            return;
        QList<QJsonObject> invoices;
        for (const QJsonValue &v : r->object().value("items").toArray())
            invoices.append(v.toObject());
        m_directory->learnAll(invoices);
    });
}

} // namespace keel::billing
