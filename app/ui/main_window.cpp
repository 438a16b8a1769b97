#include "main_window.h"

#include "approvals/approvals_page.h"
#include "approvals_inbox.h"
#include "billing/billing_page.h"
#include "billing/invoice_detail_pane.h"
#include "billing/invoices_panel.h"
#include "dashboards/dashboards_page.h"
#include "delivery/delivery_page.h"
#include "expenses/expense_approval_page.h"
#include "expenses/expenses_page.h"
#include "finance/finance_page.h"
#include "insights/insights_page.h"
#include "local_store.h"
#include "permissions.h"
#include "resourcing/resourcing_page.h"
#include "role_names.h"
#include "sales/sales_page.h"
#include "session.h"
#include "sync_engine.h"
#include "time/sync_log_dialog.h"
#include "time/time_page.h"
#include "timeapproval/missing_time_page.h"
#include "timeapproval/time_approval_page.h"
#include "workspace_page.h"
#include "workspaces.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace keel {

namespace {
constexpr int IdRole = Qt::UserRole;
}

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_navigation(new QListWidget),
      m_pages(new QStackedWidget), m_navHeader(new QLabel), m_serverStatus(new QLabel),
      m_userStatus(new QLabel), m_onlineStatus(new QLabel), m_userCard(new QLabel),
      m_approvalsStatus(new QPushButton), m_syncStatus(new QPushButton)
{
    setObjectName("mainWindow");
    m_navigation->setObjectName("navigation");
    m_pages->setObjectName("workspaceStack");
    m_navHeader->setObjectName("navHeader");
    m_serverStatus->setObjectName("serverStatus");
    m_userStatus->setObjectName("userStatus");
    m_onlineStatus->setObjectName("onlineStatus");

    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setUniformItemSizes(true);

    auto *logo = new QLabel;
    logo->setPixmap(QApplication::windowIcon().pixmap(30, 30));
    auto *brand = new QLabel(QStringLiteral("Keel"));
    brand->setObjectName("brand");
    auto *brandRow = new QHBoxLayout;
    brandRow->setContentsMargins(20, 0, 20, 0);
    brandRow->setSpacing(10);
    brandRow->addWidget(logo);
    brandRow->addWidget(brand, 1);

    m_userCard->setObjectName("userCard");
    m_userCard->setWordWrap(true);

    auto *sidebar = new QWidget;
    sidebar->setObjectName("sidebar");
    sidebar->setFixedWidth(230);
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(0, 18, 0, 14);
    sideLayout->setSpacing(6);
    sideLayout->addLayout(brandRow);
    sideLayout->addSpacing(16);
    sideLayout->addWidget(m_navHeader);
    sideLayout->addWidget(m_navigation, 1);
    sideLayout->addWidget(m_userCard);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    m_fileMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::settingsRequested);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_fileMenu->addSeparator();
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOutRequested);
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::about);
    m_aboutAction->setMenuRole(QAction::AboutRole);

    statusBar()->addWidget(m_serverStatus);
    statusBar()->addWidget(m_userStatus, 1);
    m_approvalsStatus->setObjectName("approvalsStatus");
    m_approvalsStatus->setFlat(true);
    m_approvalsStatus->setCursor(Qt::PointingHandCursor);
    m_approvalsStatus->hide();
    connect(m_approvalsStatus, &QPushButton::clicked, this, &MainWindow::openApprovals);
    statusBar()->addPermanentWidget(m_approvalsStatus);
    m_syncStatus->setObjectName("syncStatus");
    m_syncStatus->setFlat(true);
    m_syncStatus->setCursor(Qt::PointingHandCursor);
    m_syncStatus->hide();
    connect(m_syncStatus, &QPushButton::clicked, this, &MainWindow::openSyncLog);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_onlineStatus);
    connect(m_session, &Session::onlineChanged, this, &MainWindow::updateStatus);

    resize(1200, 760);
    retranslate();
}

void MainWindow::showUser()
{
    m_navigation->clear();
    while (m_pages->count() > 0) {
        QWidget *page = m_pages->widget(0);
        m_pages->removeWidget(page);
        page->deleteLater();
    }
    m_timePage = nullptr;
    const bool offlineMode = m_session->isOfflineMode();
    for (const Workspace &w : visibleWorkspaces(m_session->permissions())) {
        // Offline, only what works from the local store: time and expenses.
        if (offlineMode && w.id != QLatin1String(WorkspaceId::Time))
            continue;
        auto *item = new QListWidgetItem(w.title(), m_navigation);
        item->setData(IdRole, w.id);
        item->setToolTip(w.summary());
        if (w.id == QLatin1String(WorkspaceId::Sales))
            m_pages->addWidget(new sales::SalesPage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Delivery))
            m_pages->addWidget(new delivery::DeliveryPage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Resourcing))
            m_pages->addWidget(new resourcing::ResourcingPage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Finance))
            m_pages->addWidget(new finance::FinancePage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Billing))
            m_pages->addWidget(new billing::BillingPage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Dashboards))
            m_pages->addWidget(new dashboards::DashboardsPage(m_session));
        else if (w.id == QLatin1String(WorkspaceId::Insights)) {
            auto *page = new insights::InsightsPage(m_session);
            page->setNavigator([this](const QString &kind, const QString &id) {
                return openInsightRecord(kind, id);
            });
            m_pages->addWidget(page);
        } else if (w.id == QLatin1String(WorkspaceId::Time) && m_store) {
            m_timePage = new timesheet::TimePage(m_session, m_store, m_sync);
            auto *expensesPage = new expenses::ExpensesPage(m_session, m_store);
            if (m_sync) // a saved expense goes to the server as soon as it can
                connect(expensesPage, &expenses::ExpensesPage::syncRequested, m_sync,
                        &offline::SyncEngine::syncNow);
            m_timePage->addTab(expensesPage, tr("My expenses"));
            if (!offlineMode && m_session->hasPermission(QLatin1String(Permission::TimeApprove)))
                m_timePage->addTab(new timeapproval::TimeApprovalPage(m_session),
                                   tr("Approve time"));
            if (!offlineMode &&
                m_session->hasPermission(QLatin1String(Permission::ExpensesApprove)))
                m_timePage->addTab(new expenses::ExpenseApprovalPage(m_session),
                                   tr("Approve expenses"));
            if (!offlineMode && m_session->hasPermission(QLatin1String(Permission::TimeOversee)))
                m_timePage->addTab(new timeapproval::MissingTimePage(m_session),
                                   tr("Missing time"));
            m_pages->addWidget(m_timePage);
        } else
            m_pages->addWidget(new WorkspacePage(w));
    }
    delete m_inbox;
    m_inbox = nullptr;
    m_approvalsStatus->hide();
    if (approvalsInboxVisible(m_session->permissions()) && !offlineMode) {
        const Workspace &w = approvalsInbox();
        auto *item = new QListWidgetItem(w.title(), m_navigation);
        item->setData(IdRole, w.id);
        item->setToolTip(w.summary());
        auto *page = new approvals::ApprovalsPage(m_session);
        m_pages->addWidget(page);
        m_inbox = new approvals::InboxCounter(m_session->api(), this);
        connect(m_inbox, &approvals::InboxCounter::countChanged, this,
                &MainWindow::updateApprovalsCount);
        connect(page, &approvals::ApprovalsPage::decided, m_inbox,
                &approvals::InboxCounter::refresh);
        connect(m_session, &Session::signedOut, m_inbox, &approvals::InboxCounter::stop);
        m_inbox->start();
    }
    if (m_navigation->count() > 0)
        m_navigation->setCurrentRow(0);
    updateStatus();
}

QStringList MainWindow::workspaceIds() const
{
    QStringList ids;
    for (int i = 0; i < m_navigation->count(); ++i) {
        const QString id = m_navigation->item(i)->data(IdRole).toString();
        if (id != QLatin1String(WorkspaceId::Approvals)) // a page, not a workspace
            ids.append(id);
    }
    return ids;
}

QString MainWindow::currentWorkspaceId() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

void MainWindow::openWorkspace(const QString &id)
{
    for (int i = 0; i < m_navigation->count(); ++i)
        if (m_navigation->item(i)->data(IdRole).toString() == id)
            m_navigation->setCurrentRow(i);
}

bool MainWindow::openInsightRecord(const QString &kind, const QString &id)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        if (kind == QLatin1String("invoice"))
            if (auto *billing = qobject_cast<billing::BillingPage *>(m_pages->widget(i))) {
                openWorkspace(QString::fromLatin1(WorkspaceId::Billing));
                billing->showTab(billing::BillingPage::InvoicesTab);
                billing->invoicesPanel()->detailPane()->showInvoice(id);
                return true;
            }
        if (kind == QLatin1String("opportunity"))
            if (auto *sales = qobject_cast<sales::SalesPage *>(m_pages->widget(i))) {
                openWorkspace(QString::fromLatin1(WorkspaceId::Sales));
                sales->openOpportunity(id);
                return true;
            }
        if (kind == QLatin1String("project"))
            if (auto *delivery = qobject_cast<delivery::DeliveryPage *>(m_pages->widget(i))) {
                openWorkspace(QString::fromLatin1(WorkspaceId::Delivery));
                delivery->openProject(id);
                return true;
            }
    }
    return false;
}

void MainWindow::openApprovals()
{
    openWorkspace(QString::fromLatin1(WorkspaceId::Approvals));
}

int MainWindow::approvalsCount() const
{
    return m_inbox ? m_inbox->count() : -1;
}

void MainWindow::updateApprovalsCount()
{
    const int count = approvalsCount();
    m_approvalsStatus->setVisible(count >= 0);
    m_approvalsStatus->setText(count == 0   ? tr("No approvals waiting")
                               : count == 1 ? tr("1 approval waiting")
                                            : tr("%1 approvals waiting").arg(count));
    m_approvalsStatus->setProperty("attention", count > 0);
    m_approvalsStatus->setToolTip(tr("Open the approvals inbox"));
    m_approvalsStatus->style()->unpolish(m_approvalsStatus);
    m_approvalsStatus->style()->polish(m_approvalsStatus);
    updateNavigationTexts();
}

void MainWindow::updateNavigationTexts()
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        const QString id = item->data(IdRole).toString();
        for (const Workspace &w : allWorkspaces())
            if (w.id == id) {
                item->setText(w.title());
                item->setToolTip(w.summary());
            }
        if (id == QLatin1String(WorkspaceId::Approvals)) {
            const int count = approvalsCount();
            item->setText(count > 0
                              ? QStringLiteral("%1  (%2)").arg(approvalsInbox().title()).arg(count)
                              : approvalsInbox().title());
            item->setToolTip(approvalsInbox().summary());
        }
    }
}

void MainWindow::setOfflineSync(offline::LocalStore *store, offline::SyncEngine *engine)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_sync = engine;
    if (m_store)
        connect(m_store, &offline::LocalStore::changed, this, &MainWindow::updateSyncStatus);
    if (m_sync) {
        connect(m_sync, &offline::SyncEngine::unsyncedCountChanged, this,
                &MainWindow::updateSyncStatus);
        connect(m_sync, &offline::SyncEngine::syncingChanged, this, &MainWindow::updateSyncStatus);
        connect(m_sync, &offline::SyncEngine::onlineChanged, this, &MainWindow::updateStatus);
    }
    updateSyncStatus();
}

void MainWindow::openSyncLog()
{
    if (!m_store)
        return;
    timesheet::SyncLogDialog dialog(m_store, m_sync, this);
    dialog.exec();
}

QString MainWindow::syncStatusText() const
{
    return m_syncStatus->isHidden() ? QString() : m_syncStatus->text();
}

void MainWindow::updateSyncStatus()
{
    if (!m_store || !m_store->isOpen()) {
        m_syncStatus->hide();
        return;
    }
    const int count = m_store->unsyncedCount();
    const bool syncing = m_sync && m_sync->isSyncing();
    m_syncStatus->setText(syncing      ? tr("Syncing…")
                          : count == 0 ? tr("All changes synced")
                          : count == 1 ? tr("1 unsynced change")
                                       : tr("%1 unsynced changes").arg(count));
    m_syncStatus->setProperty("attention", count > 0);
    m_syncStatus->setToolTip(tr("Open the sync log: what the server applied, refused or found "
                                "in conflict"));
    m_syncStatus->style()->unpolish(m_syncStatus);
    m_syncStatus->style()->polish(m_syncStatus);
    m_syncStatus->show();
}

void MainWindow::updateStatus()
{
    m_serverStatus->setText(tr("Server: %1").arg(m_session->serverUrl().toString()));
    const UserInfo &user = m_session->user();
    const QString name = user.displayName.isEmpty() ? user.username : user.displayName;
    const QString roles = roleDisplayNames(user.roleNames());
    m_userStatus->setText(roles.isEmpty() ? tr("Signed in as %1").arg(name)
                                          : tr("Signed in as %1 (%2)").arg(name, roles));
    QString card = QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
    if (!roles.isEmpty())
        card += QStringLiteral("<br>") + roles.toHtmlEscaped();
    if (!user.legalEntity.isEmpty())
        card +=
            QStringLiteral("<br>") + tr("Legal entity: %1").arg(user.legalEntity.toHtmlEscaped());
    m_userCard->setText(card);
    const bool online = m_session->isOnline() && !m_session->isOfflineMode();
    m_onlineStatus->setText(online ? tr("● Online")
                            : m_session->isOfflineMode()
                                ? tr("● Offline — working on this computer")
                                : tr("● Offline"));
    m_onlineStatus->setProperty("online", online);
    m_onlineStatus->setToolTip(
        online ? tr("The server answers.")
               : tr("The server cannot be reached. Keel keeps trying; your time and expenses "
                    "are kept on this computer until then."));
    // Re-apply the style sheet rule that depends on the "online" property.
    m_onlineStatus->style()->unpolish(m_onlineStatus);
    m_onlineStatus->style()->polish(m_onlineStatus);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Keel"),
        tr("<h3>Keel %1</h3><p>A professional-services ERP: from the first lead to the last "
           "cent collected.</p><p>Connected to %2.</p>")
            .arg(QStringLiteral(KEEL_VERSION), m_session->serverUrl().toString().toHtmlEscaped()));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Keel"));
    m_navHeader->setText(tr("WORKSPACES"));
    m_fileMenu->setTitle(tr("&Keel"));
    m_settingsAction->setText(tr("&Settings…"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Keel"));
    updateNavigationTexts();
    if (m_inbox)
        updateApprovalsCount();
    updateStatus();
}

} // namespace keel
