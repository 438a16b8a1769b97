#include "planner_view.h"

#include "planner_model.h"

#include <QHeaderView>
#include <QMouseEvent>
#include <QPainter>

namespace keel::resourcing {

PlannerDelegate::PlannerDelegate(PlannerModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model),
      m_softBrush(QColor(255, 255, 255, 150), Qt::BDiagPattern),
      m_absentBrush(QColor(150, 150, 150), Qt::FDiagPattern), m_absent(226, 228, 232),
      m_text(40, 44, 52), m_textOnDark(Qt::white)
{}

QColor PlannerDelegate::levelColour(int allocation)
{
    if (allocation <= 0)
        return QColor(248, 249, 251);
    if (allocation < 50)
        return QColor(198, 228, 214);
    if (allocation < 80)
        return QColor(120, 196, 164);
    if (allocation <= 100)
        return QColor(38, 150, 110);
    if (allocation <= 120)
        return QColor(240, 160, 60);
    return QColor(214, 69, 65);
}

void PlannerDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const PlannerCell &c = m_model->cell(index.row(), index.column());
    const QRect r = option.rect.adjusted(1, 1, -1, -1);
    const bool booked = c.hard + c.soft > 0;

    if (c.has(PlannerCell::Unavailable)) {
        painter->fillRect(r, m_absent);
        painter->fillRect(r, m_absentBrush);
    } else {
        const QColor base = levelColour(c.allocation);
        if (c.soft > 0 && booked) {
            // Hard part solid on the left, the soft share lighter and striped on the right.
            const int softWidth = int(qint64(r.width()) * c.soft / (c.hard + c.soft));
            const QRect hardRect(r.left(), r.top(), r.width() - softWidth, r.height());
            const QRect softRect(hardRect.right() + 1, r.top(), softWidth, r.height());
            painter->fillRect(hardRect, base);
            painter->fillRect(softRect, base.lighter(125));
            painter->fillRect(softRect, m_softBrush);
        } else {
            painter->fillRect(r, base);
        }
        if (c.absence > 0) // part of the week on holiday or leave: a grey band at the top
            painter->fillRect(QRect(r.left(), r.top(), r.width(), 4), QColor(150, 150, 150));
    }

    if (booked && c.has(PlannerCell::Unavailable)) {
        // Booked in a week with no capacity at all: the hours, in the warning colour.
        painter->setPen(levelColour(200));
        painter->drawText(r, Qt::AlignCenter,
                          PlannerModel::hoursText(c.hard + c.soft) + QStringLiteral(" h"));
    } else if (booked) {
        painter->setPen(c.allocation >= 80 ? m_textOnDark : m_text);
        painter->drawText(r, Qt::AlignCenter, QString::number(c.allocation));
    }
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(option.palette.highlight().color(), 2));
        painter->drawRect(r.adjusted(1, 1, -1, -1));
    }
}

QSize PlannerDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return QSize(50, 24);
}

PlannerView::PlannerView(PlannerModel *model, QWidget *parent) : QTableView(parent), m_model(model)
{
    setObjectName("plannerView");
    setModel(model);
    setItemDelegate(new PlannerDelegate(model, this));
    setShowGrid(false);
    setWordWrap(false);
    setSelectionMode(QAbstractItemView::ContiguousSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed sizes: the header never measures its sections.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setDefaultSectionSize(50);
    horizontalHeader()->setMinimumHeight(40);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(24);
    verticalHeader()->setFixedWidth(190);
    verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

bool PlannerView::selectedRange(int *row, int *firstColumn, int *lastColumn) const
{
    const QModelIndexList selected =
        selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    if (selected.isEmpty())
        return false;
    int r = selected.first().row();
    int lo = selected.first().column();
    int hi = lo;
    for (const QModelIndex &i : selected) {
        r = qMin(r, i.row());
        lo = qMin(lo, i.column());
        hi = qMax(hi, i.column());
    }
    *row = r;
    *firstColumn = lo;
    *lastColumn = hi;
    return true;
}

void PlannerView::mousePressEvent(QMouseEvent *event)
{
    m_dragging = event->button() == Qt::LeftButton && indexAt(event->pos()).isValid();
    QTableView::mousePressEvent(event);
}

void PlannerView::mouseReleaseEvent(QMouseEvent *event)
{
    QTableView::mouseReleaseEvent(event);
    if (!m_dragging)
        return;
    m_dragging = false;
    int row = 0;
    int lo = 0;
    int hi = 0;
    // A drag over more than one week of one person offers to book that range.
    if (selectedRange(&row, &lo, &hi) && hi > lo)
        emit rangeDragged(row, lo, hi);
}

} // namespace keel::resourcing
