#include "list_panel.h"

#include "paged_list_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::sales {

ListPanel::ListPanel(PagedListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTableView), m_empty(new QLabel),
      m_busy(new QLabel)
{
    m_view->setModel(model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(28);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setObjectName("listView");

    m_empty->setObjectName("emptyState");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_busy->setObjectName("busyLine");
    m_busy->setText(tr("Loading…"));
    m_busy->hide();

    auto *emptyPage = new QWidget;
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_empty);
    emptyLayout->addStretch(2);

    auto *holder = new QWidget;
    m_stack = new QStackedLayout(holder);
    m_stack->addWidget(m_view);
    m_stack->addWidget(emptyPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(holder, 1);
    layout->addWidget(m_busy);

    connect(model, &PagedListModel::loadingChanged, this, &ListPanel::updateState);
    connect(model, &PagedListModel::pageLoaded, this, &ListPanel::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &ListPanel::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateState();
        if (m_view->horizontalHeader()->sectionSize(0) < 60)
            m_view->resizeColumnsToContents();
    });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &i) { emit activated(m_model->rowId(i.row())); });
    updateState();
}

void ListPanel::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateState();
}

QString ListPanel::emptyText() const
{
    return m_emptyText;
}

QString ListPanel::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_model->rowId(i.row()) : QString();
}

void ListPanel::updateState()
{
    m_busy->setVisible(m_model->isLoading());
    const bool empty = m_model->hasLoaded() && !m_model->isLoading() && m_model->rowCount() == 0;
    const QString error = m_model->lastError();
    m_empty->setText(error.isEmpty() ? m_emptyText
                                     : tr("The list could not be loaded: %1").arg(error));
    m_stack->setCurrentIndex(empty ? 1 : 0);
}

} // namespace keel::sales
