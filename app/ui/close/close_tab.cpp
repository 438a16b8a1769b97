#include "close_tab.h"

#include "billing_format.h"
#include "close_checklist_panel.h"
#include "close_grid_model.h"
#include "close_lights.h"
#include "finance/finance_widgets.h"
#include "finance_scope.h"
#include "permissions.h"
#include "session.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace keel::closing {

namespace {
constexpr int WindowMonths = 6;

QString shiftMonth(const QString &period, int months)
{
    const QDate d = QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
    return d.addMonths(months).toString(QStringLiteral("yyyy-MM"));
}
} // namespace

CloseTab::CloseTab(Session *session, finance::FinanceScope *scope, QWidget *parent)
    : FinanceTab(scope, parent), m_grid(new CloseGridModel(session->api(), this)),
      m_gridView(finance::financeTable("closeGrid")),
      m_panel(
          new CloseChecklistPanel(session->api(), QString::number(session->user().id),
                                  session->hasPermission(QLatin1String(Permission::CloseManage)),
                                  session->hasPermission(QLatin1String(Permission::CloseApprove)))),
      m_window(new QLabel), m_last(QDate::currentDate().toString(QStringLiteral("yyyy-MM")))
{
    setObjectName("closeTab");
    auto *earlier = new QPushButton(tr("◀ Earlier"));
    earlier->setObjectName("closeEarlier");
    auto *later = new QPushButton(tr("Later ▶"));
    later->setObjectName("closeLater");
    auto *refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName("closeRefresh");
    m_window->setObjectName("closeWindow");
    m_window->setMinimumWidth(220);
    m_window->setAlignment(Qt::AlignCenter);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(new QLabel(tr("Months")));
    bar->addWidget(earlier);
    bar->addWidget(m_window);
    bar->addWidget(later);
    bar->addSpacing(16);
    bar->addWidget(
        finance::hintLabel(
            tr("Each cell: the period's state and how many checklist items are red (blocking) or "
               "amber (to review). Select a cell for its checklist.")),
        1);
    bar->addWidget(refreshButton);

    m_gridView->setModel(m_grid);
    m_gridView->setItemDelegate(new CloseCellDelegate(m_gridView));
    m_gridView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_gridView->setAlternatingRowColors(false);
    m_gridView->verticalHeader()->show();
    m_gridView->verticalHeader()->setDefaultSectionSize(46);
    m_gridView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_gridView->verticalHeader()->setMinimumWidth(56);
    m_gridView->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_gridView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_gridView->setToolTip(tr("Select a cell for that entity's checklist of the month."));

    // The grid as tall as its entities (a few), the checklist below taking the rest.
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    column->addWidget(m_gridView);
    column->addWidget(m_panel, 1);
    fitGridHeight();
    setContent(bar, content);

    connect(earlier, &QPushButton::clicked, this,
            [this] { setLastMonth(shiftMonth(m_last, -WindowMonths)); });
    connect(later, &QPushButton::clicked, this,
            [this] { setLastMonth(shiftMonth(m_last, WindowMonths)); });
    connect(refreshButton, &QPushButton::clicked, this, &CloseTab::refresh);
    connect(m_grid, &CloseGridModel::loaded, this, &CloseTab::gridLoaded);
    connect(m_grid, &CloseGridModel::loadFailed, this, [this](const QString &text) {
        showMessage(tr("The close could not be loaded: %1").arg(text), true);
    });
    connect(m_gridView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CloseTab::openSelected);
    connect(m_panel, &CloseChecklistPanel::message, this, &CloseTab::showMessage);
    connect(m_panel, &CloseChecklistPanel::periodChanged, this, [this] {
        // The panel has read its checklist again itself; only the grid's counts are behind.
        m_reloadPanel = false;
        m_wantEntity = selectedEntity();
        m_wantPeriod = selectedPeriod();
        m_grid->reload();
    });
    showWindow();
}

void CloseTab::showWindow()
{
    m_window->setText(tr("%1 – %2").arg(billing::periodText(shiftMonth(m_last, 1 - WindowMonths)),
                                        billing::periodText(m_last)));
}

void CloseTab::setLastMonth(const QString &period)
{
    m_wantEntity = selectedEntity();
    m_wantPeriod.clear();
    m_last = period;
    showWindow();
    m_grid->load(shiftMonth(m_last, 1 - WindowMonths), m_last);
}

void CloseTab::refresh()
{
    // The grid covers every entity; the workspace's entity picks the row to open.
    beginRefresh();
    if (m_followingCell)
        return;
    m_reloadPanel = true;
    m_wantEntity = m_scope->entityId();
    m_wantPeriod = selectedEntity() == m_wantEntity ? selectedPeriod() : QString();
    m_grid->load(shiftMonth(m_last, 1 - WindowMonths), m_last);
}

void CloseTab::fitGridHeight()
{
    constexpr int MostRowsShown = 5;
    const int rows = std::clamp(m_grid->rowCount(), 1, MostRowsShown);
    QHeaderView *header = m_gridView->horizontalHeader();
    // The style sheet's padding shows in height() once laid out, not in the size hint.
    const int headerHeight = std::max(header->height(), header->sizeHint().height());
    m_gridView->setVerticalScrollBarPolicy(
        m_grid->rowCount() > MostRowsShown ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    m_gridView->setFixedHeight(headerHeight +
                               rows * m_gridView->verticalHeader()->defaultSectionSize() +
                               2 * m_gridView->frameWidth() + 2);
}

void CloseTab::gridLoaded()
{
    fitGridHeight();
    int row = m_grid->rowOfEntity(m_wantEntity);
    if (row < 0)
        row = 0;
    int column = m_grid->columnOfPeriod(m_wantPeriod);
    if (column < 0) {
        // The period to work on: the one after the latest hard-closed month in the window.
        column = 0;
        for (int c = 0; c < m_grid->columnCount(); ++c)
            if (m_grid->index(row, c).data(CloseGridModel::StatusRole).toString() ==
                QLatin1String("hard_closed"))
                column = std::min(c + 1, m_grid->columnCount() - 1);
    }
    if (m_grid->rowCount() == 0) {
        showMessage(tr("No legal entity to close: your roles read none."), true);
        return;
    }
    const QModelIndex index = m_grid->index(row, column);
    if (m_gridView->currentIndex() != index)
        m_gridView->setCurrentIndex(index);
    else if (m_reloadPanel)
        m_panel->reload();
    m_reloadPanel = false;
}

void CloseTab::selectCell(const QString &entity, const QString &period)
{
    const QModelIndex index =
        m_grid->index(m_grid->rowOfEntity(entity), m_grid->columnOfPeriod(period));
    if (index.isValid())
        m_gridView->setCurrentIndex(index);
}

QString CloseTab::selectedEntity() const
{
    const QModelIndex i = m_gridView->currentIndex();
    return i.isValid() ? m_grid->entityId(i.row()) : QString();
}

QString CloseTab::selectedPeriod() const
{
    const QModelIndex i = m_gridView->currentIndex();
    return i.isValid() ? m_grid->period(i.column()) : QString();
}

void CloseTab::openSelected()
{
    const QModelIndex i = m_gridView->currentIndex();
    if (!i.isValid())
        return;
    const QString entity = m_grid->entityId(i.row());
    m_panel->open(entity, m_grid->entityCode(i.row()), m_grid->period(i.column()));
    // The workspace shows one entity: a cell of another one makes it the workspace's (the
    // other tabs follow; this one has what it needs).
    if (entity != m_scope->entityId()) {
        m_followingCell = true;
        m_scope->setEntityId(entity);
        m_followingCell = false;
    }
}

} // namespace keel::closing
