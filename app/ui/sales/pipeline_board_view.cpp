#include "pipeline_board_view.h"

#include "api_client.h"
#include "api_reply.h"
#include "list_panel.h"
#include "paged_list_model.h"
#include "pipeline_board_model.h"
#include "sales_format.h"
#include "session.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::sales {

// --- card ------------------------------------------------------------------------------------

void CardDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    using R = PipelineBoardModel;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(2, 3, -2, -3);
    const bool selected = option.state & QStyle::State_Selected;
    const bool pending = index.data(R::PendingRole).toBool();
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    p->fillPath(path, pending ? QColor(0xf3, 0xf5, 0xf8) : QColor(Qt::white));
    p->setPen(
        QPen(selected ? QColor(0x2f, 0x6f, 0xde) : QColor(0xd9, 0xde, 0xe6), selected ? 1.6 : 1.0));
    p->drawPath(path);

    const QRectF inner = card.adjusted(10, 7, -10, -7);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics smallFm(small);
    const QFontMetrics boldFm(bold);

    qreal y = inner.top();
    p->setFont(small);
    p->setPen(QColor(0x5b, 0x66, 0x75));
    p->drawText(QRectF(inner.left(), y, inner.width(), smallFm.height()), Qt::AlignLeft,
                smallFm.elidedText(index.data(R::AccountRole).toString(), Qt::ElideRight,
                                   int(inner.width())));
    y += smallFm.height() + 1;
    p->setFont(bold);
    p->setPen(QColor(0x1d, 0x26, 0x33));
    p->drawText(
        QRectF(inner.left(), y, inner.width(), boldFm.height()), Qt::AlignLeft,
        boldFm.elidedText(index.data(R::NameRole).toString(), Qt::ElideRight, int(inner.width())));
    y += boldFm.height() + 3;
    p->setFont(option.font);
    const QFontMetrics fm(option.font);
    p->setPen(QColor(0x1d, 0x26, 0x33));
    p->drawText(QRectF(inner.left(), y, inner.width(), fm.height()), Qt::AlignLeft,
                index.data(R::ValueRole).toString());
    p->setPen(QColor(0x5b, 0x66, 0x75));
    p->setFont(small);
    p->drawText(QRectF(inner.left(), y, inner.width(), fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, index.data(R::CloseDateRole).toString());
    y += fm.height() + 2;
    const QString owner = index.data(R::OwnerRole).toString();
    p->drawText(QRectF(inner.left(), y, inner.width(), smallFm.height()), Qt::AlignLeft,
                pending ? QCoreApplication::translate("keel::sales::CardDelegate", "Saving…")
                        : smallFm.elidedText(owner, Qt::ElideRight, int(inner.width())));
    p->restore();
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, fm.height() * 4 + 30);
}

// --- column ----------------------------------------------------------------------------------

StageColumn::StageColumn(PipelineBoardModel *model, int stageRow, QWidget *parent)
    : QFrame(parent), m_model(model), m_row(stageRow), m_name(new QLabel), m_count(new QLabel),
      m_totals(new QLabel), m_empty(new QLabel), m_list(new QListView)
{
    setObjectName("stageColumn");
    setMinimumWidth(240);
    setMaximumWidth(300);
    setStyleSheet(QStringLiteral(
        "#stageColumn { background: #eef1f5; border-radius: 8px; }"
        "#stageName { font-weight: 600; color: #1d2633; }"
        "#stageCount { color: #5b6675; background: #dde3ea; border-radius: 8px; padding: 1px 7px; }"
        "#stageTotals { font-size: 9pt; color: #1d2633; }"
        "#stageEmpty { color: #6b7685; padding: 18px 6px; }"
        "QListView#stageCards { background: transparent; }"));
    m_name->setObjectName("stageName");
    m_count->setObjectName("stageCount");
    m_totals->setObjectName("stageTotals");
    m_totals->setWordWrap(true);
    m_empty->setObjectName("stageEmpty");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_list->setObjectName("stageCards");
    m_list->setModel(model);
    m_list->setRootIndex(model->index(stageRow, 0));
    m_list->setItemDelegate(new CardDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDropIndicatorShown(true);
    m_list->setDragDropMode(QAbstractItemView::DragDrop);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(0);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setAttribute(Qt::WA_MacShowFocusRect, false);
    // Cards arrive page by page and move between columns: keep header and empty note true.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, [this](const QModelIndex &parent) {
            if (parent.isValid() && parent.row() == m_row)
                updateHeader();
        });
    connect(model, &QAbstractItemModel::rowsMoved, this, &StageColumn::updateHeader);

    auto *head = new QHBoxLayout;
    head->setSpacing(6);
    head->addWidget(m_name, 1);
    head->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 10, 8, 8);
    layout->setSpacing(4);
    layout->addLayout(head);
    layout->addWidget(m_totals);
    layout->addSpacing(4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    updateHeader();
}

QString StageColumn::stageCode() const
{
    return m_model->stage(m_row).code;
}

void StageColumn::updateHeader()
{
    using R = PipelineBoardModel;
    const QModelIndex i = m_model->index(m_row, 0);
    const QString probability = i.data(R::ProbabilityRole).toString();
    m_name->setText(i.data(R::NameRole).toString());
    m_name->setToolTip(probability.isEmpty() ? QString()
                                             : tr("Default probability %1 %").arg(probability));
    m_count->setText(QString::number(i.data(R::CountRole).toInt()));
    // One row per currency: the value, and the weighted value in grey on the right.
    const PipelineBoardModel::Stage &stage = m_model->stage(m_row);
    QString rows;
    for (auto it = stage.value.cbegin(); it != stage.value.cend(); ++it) {
        if (it.value().isZero())
            continue;
        const Money weighted = stage.weighted.value(it.key());
        rows += QStringLiteral("<tr><td><b>%1</b></td><td align='right' style='color:#6b7685'>"
                               "%2</td></tr>")
                    .arg(formatMoney(it.value()),
                         weighted.isValid() ? groupDigits(weighted.toString()) : QString());
    }
    m_totals->setText(
        rows.isEmpty()
            ? tr("<span style='color:#6b7685'>No value yet</span>")
            : QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr><td "
                             "style='color:#6b7685'>%1</td><td align='right' "
                             "style='color:#6b7685'>%2</td></tr>%3</table>")
                  .arg(tr("Value"), tr("Weighted"), rows));
    const bool empty = m_model->rowCount(i) == 0;
    m_empty->setVisible(empty);
    m_empty->setText(
        tr("Drop an opportunity here to move it to %1.").arg(i.data(R::NameRole).toString()));
}

// --- pipeline view ---------------------------------------------------------------------------

PipelineView::PipelineView(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_board(new PipelineBoardModel(session->api(), this)),
      m_owner(new QComboBox), m_practice(new QComboBox), m_close(new QComboBox),
      m_boardButton(new QPushButton), m_listButton(new QPushButton), m_newButton(new QPushButton),
      m_message(new QLabel), m_busy(new QLabel), m_stack(new QStackedWidget),
      m_columnsHost(new QWidget), m_columnsLayout(new QHBoxLayout(m_columnsHost)),
      m_boardEmpty(new QLabel)
{
    using F = ListColumn::Format;
    m_listModel = new PagedListModel(
        session->api(), QStringLiteral("/api/v1/crm/opportunities"),
        {
            {"account_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Account"), F::Text, {}},
            {"name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Opportunity"), F::Text, {}},
            {"stage_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Stage"), F::Text, {}},
            {"expected_value", QT_TRANSLATE_NOOP("keel::sales::Columns", "Value"), F::Money,
             "value"},
            {"probability", QT_TRANSLATE_NOOP("keel::sales::Columns", "Probability"), F::Percent,
             "probability"},
            {"expected_close", QT_TRANSLATE_NOOP("keel::sales::Columns", "Expected close"), F::Date,
             "expected_close"},
            {"owner_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Owner"), F::Text, {}},
            {"practice", QT_TRANSLATE_NOOP("keel::sales::Columns", "Practice"), F::Text, {}},
        },
        this);
    m_listPanel = new ListPanel(m_listModel);
    m_listPanel->setEmptyText(
        tr("No opportunities match these filters. Widen the filters, or create an opportunity "
           "with “New opportunity”."));
    connect(m_listPanel, &ListPanel::activated, this, &PipelineView::opportunityActivated);

    m_board->setLossReasonProvider([this](const QJsonObject &card) -> std::optional<QString> {
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Opportunity lost"),
            tr("Why was “%1” lost? (price, competitor, timing, no decision …)")
                .arg(card.value("name").toString()),
            QLineEdit::Normal, QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return std::nullopt;
        return reason.trimmed();
    });

    // Filters.
    m_owner->setObjectName("ownerFilter");
    m_practice->setObjectName("practiceFilter");
    m_close->setObjectName("closeFilter");
    m_owner->addItem(tr("All owners"), QString());
    m_owner->addItem(tr("My opportunities"), QString::number(session->user().id));
    m_practice->addItem(tr("All practices"), QString());
    m_close->addItem(tr("Any close date"), QString());
    m_close->addItem(tr("Closing this quarter"), QStringLiteral("quarter"));
    m_close->addItem(tr("Closing next 90 days"), QStringLiteral("90d"));
    m_close->addItem(tr("Closing this year"), QStringLiteral("year"));
    m_close->addItem(tr("Overdue (close date passed)"), QStringLiteral("overdue"));
    for (QComboBox *c : {m_owner, m_practice, m_close})
        connect(c, &QComboBox::activated, this, &PipelineView::applyFilters);

    ApiReply *practices = session->api()->get(QStringLiteral("/api/v1/practices"));
    connect(practices, &ApiReply::finished, this, [this, practices] {
        if (!practices->ok())
            return;
        const QJsonArray items = practices->object().contains("items")
                                     ? practices->object().value("items").toArray()
                                     : practices->json().array();
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            const QString code = o.value("code").toString();
            const QString name = o.value("name").toString();
            m_practice->addItem(name.isEmpty() ? code : name, code);
        }
    });

    m_boardButton->setText(tr("Board"));
    m_listButton->setText(tr("List"));
    m_boardButton->setCheckable(true);
    m_listButton->setCheckable(true);
    m_boardButton->setChecked(true);
    m_boardButton->setObjectName("boardToggle");
    m_listButton->setObjectName("listToggle");
    auto *toggle = new QButtonGroup(this);
    toggle->addButton(m_boardButton);
    toggle->addButton(m_listButton);
    connect(m_boardButton, &QPushButton::clicked, this, [this] { showList(false); });
    connect(m_listButton, &QPushButton::clicked, this, [this] { showList(true); });
    m_newButton->setText(tr("New opportunity"));
    m_newButton->setObjectName("primaryButton");
    connect(m_newButton, &QPushButton::clicked, this, &PipelineView::newOpportunityRequested);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_owner);
    bar->addWidget(m_practice);
    bar->addWidget(m_close);
    bar->addStretch(1);
    bar->addWidget(m_busy);
    bar->addWidget(m_boardButton);
    bar->addWidget(m_listButton);
    bar->addSpacing(8);
    bar->addWidget(m_newButton);

    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_busy->setObjectName("busyLine");

    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    m_columnsLayout->setSpacing(10);
    auto *scroll = new QScrollArea;
    scroll->setObjectName("boardScroll");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_columnsHost);
    m_columnsHost->setObjectName("boardColumns");
    m_boardEmpty->setObjectName("emptyState");
    m_boardEmpty->setWordWrap(true);
    m_boardEmpty->setAlignment(Qt::AlignCenter);
    auto *boardPage = new QWidget;
    auto *boardLayout = new QVBoxLayout(boardPage);
    boardLayout->setContentsMargins(0, 0, 0, 0);
    boardLayout->addWidget(m_boardEmpty);
    boardLayout->addWidget(scroll, 1);
    m_stack->addWidget(boardPage);
    m_stack->addWidget(m_listPanel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_board, &PipelineBoardModel::loaded, this, &PipelineView::rebuildColumns);
    connect(m_board, &PipelineBoardModel::loadingChanged, this,
            [this](bool busy) { m_busy->setText(busy ? tr("Loading the pipeline…") : QString()); });
    connect(m_board, &PipelineBoardModel::loadFailed, this,
            [this](const QString &m) { showMessage(m, true); });
    connect(m_board, &PipelineBoardModel::totalsChanged, this, [this](int row) {
        if (row >= 0 && row < m_columns.size())
            m_columns.at(row)->updateHeader();
    });
    connect(m_board, &QAbstractItemModel::rowsMoved, this, [this] {
        for (StageColumn *c : std::as_const(m_columns))
            c->updateHeader();
    });
    connect(m_board, &PipelineBoardModel::moveRefused, this,
            [this](const QString &, const QString &message) {
                showMessage(tr("The stage was not changed: %1").arg(message), true);
            });
    connect(m_board, &PipelineBoardModel::moveSucceeded, this, [this] { m_message->hide(); });
}

void PipelineView::reload()
{
    applyFilters();
}

void PipelineView::showList(bool list)
{
    m_listButton->setChecked(list);
    m_boardButton->setChecked(!list);
    m_stack->setCurrentIndex(list ? 1 : 0);
    if (list && !m_listModel->hasLoaded())
        m_listModel->reload();
}

void PipelineView::applyFilters()
{
    const QString owner = m_owner->currentData().toString();
    const QString practice = m_practice->currentData().toString();
    const QString preset = m_close->currentData().toString();
    const QDate today = QDate::currentDate();
    QDate from, to;
    if (preset == QLatin1String("quarter")) {
        const int q = (today.month() - 1) / 3;
        from = QDate(today.year(), q * 3 + 1, 1);
        to = from.addMonths(3).addDays(-1);
    } else if (preset == QLatin1String("90d")) {
        from = today;
        to = today.addDays(90);
    } else if (preset == QLatin1String("year")) {
        from = QDate(today.year(), 1, 1);
        to = QDate(today.year(), 12, 31);
    } else if (preset == QLatin1String("overdue")) {
        to = today.addDays(-1);
    }
    const auto iso = [](QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); };
    m_board->setFilter("owner", owner);
    m_board->setFilter("practice", practice);
    m_board->setFilter("close_from", iso(from));
    m_board->setFilter("close_to", iso(to));
    m_listModel->setFilter("owner", owner);
    m_listModel->setFilter("practice", practice);
    m_listModel->setFilter("close_from", iso(from));
    m_listModel->setFilter("close_to", iso(to));
    m_board->reload();
    if (m_stack->currentIndex() == 1 || m_listModel->hasLoaded())
        m_listModel->reload();
}

void PipelineView::rebuildColumns()
{
    qDeleteAll(m_columns);
    m_columns.clear();
    while (QLayoutItem *item = m_columnsLayout->takeAt(0))
        delete item;
    int cards = 0;
    for (int row = 0; row < m_board->stageCount(); ++row) {
        auto *column = new StageColumn(m_board, row);
        m_columns.append(column);
        m_columnsLayout->addWidget(column);
        cards += m_board->stage(row).count;
        connect(column->list(), &QListView::activated, this, [this](const QModelIndex &i) {
            emit opportunityActivated(i.data(PipelineBoardModel::IdRole).toString());
        });
    }
    m_columnsLayout->addStretch(1);
    m_boardEmpty->setVisible(cards == 0);
    m_boardEmpty->setText(
        m_board->stageCount() == 0
            ? tr("The pipeline has no stages yet. An administrator sets them up in the "
                 "catalogue.")
            : tr("No opportunities match these filters. Drag cards between columns to move "
                 "them through the pipeline; start with “New opportunity” or convert a "
                 "qualified lead."));
}

void PipelineView::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setVisible(!text.isEmpty());
    QTimer::singleShot(8000, m_message, [this, text] {
        if (m_message->text() == text)
            m_message->hide();
    });
}

} // namespace keel::sales
