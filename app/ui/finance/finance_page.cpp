#include "finance_page.h"

#include "bank_tab.h"
#include "close/close_tab.h"
#include "finance_scope.h"
#include "fx_rates_tab.h"
#include "ledger_tab.h"
#include "payables_tab.h"
#include "permissions.h"
#include "receivables_tab.h"
#include "revenue_tab.h"
#include "session.h"
#include "statements_tab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace keel::finance {

FinancePage::FinancePage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_scope(new FinanceScope(session->api(), session->user(), this)), m_entity(new QComboBox),
      m_message(new QLabel), m_tabs(new QTabWidget)
{
    setObjectName("workspacePage_finance");
    const bool canWrite = session->hasPermission(QLatin1String(Permission::CashManage));
    m_receivables = new ReceivablesTab(session->api(), m_scope, canWrite);
    m_payables = new PayablesTab(session->api(), m_scope, canWrite);
    m_payables->setBillEntry(session->hasPermission(QLatin1String(Permission::PayablesManage)),
                             session->user().id);
    m_ledger = new LedgerTab(session->api(), m_scope);
    m_bank = new BankTab(session->api(), m_scope, canWrite);
    m_close = new closing::CloseTab(session, m_scope);
    m_statements = new StatementsTab(session->api(), m_scope);
    m_revenue = new RevenueTab(session->api(), m_scope,
                               session->hasPermission(QLatin1String(Permission::RevenueManage)));
    m_fxRates = new FxRatesTab(session->api(), m_scope,
                               session->hasPermission(QLatin1String(Permission::FxManage)));

    auto *title = new QLabel(tr("Finance & Close"));
    title->setObjectName("pageTitle");
    m_entity->setObjectName("entityPicker");
    m_entity->setMinimumWidth(220);
    m_entity->setToolTip(tr("Every tab shows this legal entity, in its functional currency."));
    m_message->setObjectName("financeMessage");
    m_message->setStyleSheet(QStringLiteral("color:#B42318;"));
    m_message->hide();
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(new QLabel(tr("Legal entity")));
    head->addWidget(m_entity);

    m_tabs->setObjectName("financeTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_receivables, tr("Receivables"));
    m_tabs->addTab(m_payables, tr("Payables"));
    m_tabs->addTab(m_ledger, tr("Ledger"));
    m_tabs->addTab(m_bank, tr("Bank"));
    m_tabs->addTab(m_close, tr("Close"));
    m_tabs->addTab(m_statements, tr("Statements"));
    m_tabs->addTab(m_revenue, tr("Revenue"));
    m_tabs->addTab(m_fxRates, tr("Exchange rates"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addLayout(head);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_scope, &FinanceScope::entitiesLoaded, this, &FinancePage::fillEntities);
    connect(m_scope, &FinanceScope::loadFailed, this, [this](const QString &text) {
        m_message->setText(tr("The legal entities could not be loaded: %1").arg(text));
        m_message->show();
    });
    connect(m_entity, &QComboBox::activated, this,
            [this] { m_scope->setEntityId(m_entity->currentData().toString()); });
    connect(m_scope, &FinanceScope::entityChanged, this, [this](const QString &id) {
        m_entity->setCurrentIndex(std::max(0, m_entity->findData(id)));
    });
    // The last tab used comes back (and screenshots can ask for one through the settings).
    QSettings settings;
    openTab(settings.value(QStringLiteral("finance/tab")).toString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        static const char *const keys[] = {"receivables", "payables", "ledger", "bank"};
        if (index >= 0 && index < 4)
            QSettings().setValue(QStringLiteral("finance/tab"), QString::fromLatin1(keys[index]));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_close)
            QSettings().setValue(QStringLiteral("finance/tab"), QStringLiteral("close"));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        const QWidget *tab = m_tabs->widget(index);
        const char *key = tab == m_statements ? "statements"
                          : tab == m_revenue  ? "revenue"
                          : tab == m_fxRates  ? "fx"
                                              : nullptr;
        if (key)
            QSettings().setValue(QStringLiteral("finance/tab"), QString::fromLatin1(key));
    });
    m_scope->load();
}

void FinancePage::openTab(const QString &key)
{
    if (key == QLatin1String("payables"))
        m_tabs->setCurrentWidget(m_payables);
    else if (key == QLatin1String("ledger"))
        m_tabs->setCurrentWidget(m_ledger);
    else if (key == QLatin1String("bank"))
        m_tabs->setCurrentWidget(m_bank);
    else if (key == QLatin1String("close"))
        m_tabs->setCurrentWidget(m_close);
    else if (key == QLatin1String("statements"))
        m_tabs->setCurrentWidget(m_statements);
    else if (key == QLatin1String("revenue"))
        m_tabs->setCurrentWidget(m_revenue);
    else if (key == QLatin1String("fx"))
        m_tabs->setCurrentWidget(m_fxRates);
    else if (key == QLatin1String("receivables"))
        m_tabs->setCurrentWidget(m_receivables);
}

void FinancePage::fillEntities()
{
    m_entity->clear();
    for (const LegalEntity &e : m_scope->entities())
        m_entity->addItem(QStringLiteral("%1 · %2 (%3)").arg(e.code, e.name, e.currency), e.id);
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(m_scope->entityId())));
}

} // namespace keel::finance
