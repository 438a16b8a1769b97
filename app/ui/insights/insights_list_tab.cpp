#include "insights_list_tab.h"

#include "insights_state.h"
#include "insights_table_model.h"
#include "reasons_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace keel::insights {

namespace {
// Rows that need attention (a deal at risk, a high severity) in red, from the model's
// HighlightRole: the client library has no colours.
class HighlightDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // A model may name the one column that carries the attention (a project's severity):
        // a list where most rows need attention is not painted red all over.
        const QVariant only = index.model()->property("highlightColumn");
        if (only.isValid() && only.toInt() != index.column())
            return;
        if (index.data(InsightsTableModel::HighlightRole).toBool()) {
            option->palette.setColor(QPalette::Text, QColor(0xb4, 0x23, 0x18));
            option->font.setBold(index.column() == 0);
        }
    }
};
} // namespace

InsightsListTab::InsightsListTab(InsightsTableModel *model, Describe describe, QString emptyMessage,
                                 QWidget *parent)
    : QWidget(parent), m_model(model), m_describe(std::move(describe)),
      m_emptyMessage(std::move(emptyMessage)), m_view(new QTableView), m_summary(new QLabel),
      m_heading(new QLabel), m_figures(new QLabel), m_reasons(new ReasonsView)
{
    model->setParent(this);
    m_view->setModel(model);
    m_view->setItemDelegate(new HighlightDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_summary->setObjectName("insightsSummary");
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->hide();
    m_heading->setObjectName("insightsDetailHeading");
    m_heading->setWordWrap(true);
    m_heading->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    m_figures->setWordWrap(true);
    m_figures->setTextFormat(Qt::RichText);

    auto *detail = new QWidget;
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(12, 8, 12, 8);
    dl->addWidget(m_heading);
    dl->addWidget(m_figures);
    dl->addSpacing(6);
    dl->addWidget(m_reasons, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(detail);
    scroll->setMinimumWidth(320);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_view);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 2);
    auto *content = new QWidget;
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_summary);
    cl->addWidget(splitter, 1);

    m_state = new InsightsStatePanel(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_state);

    connect(m_state, &InsightsStatePanel::retryRequested, this, &InsightsListTab::reload);
    connect(m_state, &InsightsStatePanel::retrainRequested, this,
            &InsightsListTab::retrainRequested);
    connect(model, &InsightsTableModel::loaded, this, [this] {
        if (m_model->rowCount() == 0) {
            m_state->showEmpty(m_emptyMessage);
        } else {
            m_state->showReady();
            if (!m_view->selectionModel()->hasSelection())
                selectRow(0);
            // Long deal and client names would push the figures out of sight: names get a
            // fair share, the full text is in the tooltip.
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 200));
        }
        emit loaded();
    });
    connect(model, &InsightsTableModel::loadFailed, this, [this](const QString &message) {
        if (m_model->notTrained())
            m_state->showNotTrained();
        else
            m_state->showError(message);
        emit loaded();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const QJsonObject row = m_model->rowObject(current.row());
                showDetail(m_describe(row));
                emit rowSelected(row);
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit recordRequested(m_model->rowObject(index.row()));
    });
}

QString InsightsListTab::detailHeading() const
{
    return m_heading->text();
}

void InsightsListTab::showDetail(const Detail &detail)
{
    m_heading->setText(detail.heading);
    m_figures->setText(detail.figures);
    m_reasons->setReasons(detail.reasons);
}

void InsightsListTab::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_view->setCurrentIndex(m_model->index(row, 0));
}

void InsightsListTab::reload()
{
    m_started = true;
    m_state->showLoading();
    m_model->reload();
}

void InsightsListTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_started)
        reload();
}

} // namespace keel::insights
