#include "timesheet_view.h"

#include "timesheet_model.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpressionValidator>

namespace keel::timesheet {

using offline::SyncState;
using offline::TimesheetModel;

void TimesheetDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool total = index.data(TimesheetModel::IsTotalRowRole).toBool() ||
                       index.column() == TimesheetModel::TotalColumn;
    if (total)
        option->font.setBold(true);
    if (index.data(TimesheetModel::DirtyRole).toBool())
        option->font.setItalic(true); // not yet on the server
    const auto sync = SyncState(index.data(TimesheetModel::SyncStateRole).toInt());
    const QString status = index.data(TimesheetModel::StatusRole).toString();
    QColor bg;
    if (total)
        bg = QColor(0xF1, 0xF3, 0xF6);
    else if (sync == SyncState::Conflict)
        bg = QColor(0xFF, 0xE0, 0xB2); // amber: the user must decide
    else if (sync == SyncState::Rejected || status == QLatin1String("rejected"))
        bg = QColor(0xFD, 0xD8, 0xD8);
    else if (status == QLatin1String("approved") || status == QLatin1String("invoiced"))
        bg = QColor(0xDF, 0xF2, 0xE1);
    else if (status == QLatin1String("submitted"))
        bg = QColor(0xE3, 0xEC, 0xFA);
    // Always opaque: the view paints the selection under the cell (PE_PanelItemViewRow), and
    // the current cell is framed instead so its state colour stays visible.
    const bool current = option->state & QStyle::State_Selected;
    option->backgroundBrush = bg.isValid() ? bg
                              : current    ? QColor(0xEE, 0xF4, 0xFC)
                                           : option->palette.color(QPalette::Base);
    if (sync == SyncState::Rejected || status == QLatin1String("rejected"))
        option->palette.setColor(QPalette::Text, QColor(0xA3, 0x1B, 0x1B));
    // The current cell is framed (see paint) so its state colour stays visible.
    option->state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
}

void TimesheetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QRect r = option.rect;
    painter->save();
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(QColor(0x1F, 0x6F, 0xC5), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(1, 1, -1, -1));
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    if (!index.data(TimesheetModel::NoteRole).toString().isEmpty()) {
        // A note: the spreadsheet convention, a small triangle in the top right corner.
        painter->setBrush(QColor(0x2B, 0x6C, 0xB0));
        const QPolygon tri({QPoint(r.right() - 7, r.top()), QPoint(r.right(), r.top()),
                            QPoint(r.right(), r.top() + 7)});
        painter->drawPolygon(tri);
    }
    if (!index.data(TimesheetModel::ProblemRole).toString().isEmpty()) {
        const auto sync = SyncState(index.data(TimesheetModel::SyncStateRole).toInt());
        painter->setBrush(sync == SyncState::Conflict ? QColor(0xE0, 0x8A, 0x00)
                                                      : QColor(0xC6, 0x28, 0x28));
        painter->drawRect(QRect(r.left(), r.top(), 3, r.height()));
    }
    painter->restore();
}

QWidget *TimesheetDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName("hoursEditor");
    edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    edit->setFrame(false);
    edit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^\\d{0,2}([.,]\\d{0,2}|:\\d{0,2})?$")), edit));
    return edit;
}

void TimesheetDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QLineEdit *>(editor);
    edit->setText(index.data(Qt::EditRole).toString());
    edit->selectAll(); // typing replaces the hours, as in a spreadsheet
}

TimesheetView::TimesheetView(QWidget *parent) : QTableView(parent)
{
    setObjectName("timesheetGrid");
    setItemDelegate(new TimesheetDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                    QAbstractItemView::EditKeyPressed);
    setTabKeyNavigation(true);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setAlternatingRowColors(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(34);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setMinimumSectionSize(60);
}

void TimesheetView::setTimesheetModel(TimesheetModel *model)
{
    m_model = model;
    setModel(model);
    fitColumns();
}

void TimesheetView::fitColumns()
{
    if (!m_model)
        return;
    QHeaderView *h = horizontalHeader();
    const int day =
        std::max(86, fontMetrics().horizontalAdvance(QStringLiteral("Wed 30 Sep")) + 26);
    for (int c = TimesheetModel::FirstDayColumn; c <= TimesheetModel::LastDayColumn; ++c) {
        h->setSectionResizeMode(c, QHeaderView::Fixed);
        h->resizeSection(c, day);
    }
    h->setSectionResizeMode(TimesheetModel::TotalColumn, QHeaderView::Fixed);
    h->resizeSection(TimesheetModel::TotalColumn, day + 6);
    h->setSectionResizeMode(TimesheetModel::LabelColumn, QHeaderView::Stretch);
}

void TimesheetView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
}

QModelIndex TimesheetView::dayCell(int row, int column) const
{
    return m_model ? m_model->index(row, column) : QModelIndex();
}

QModelIndex TimesheetView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    if (!m_model || (action != MoveNext && action != MovePrevious))
        return QTableView::moveCursor(action, modifiers);
    // Tab walks the day cells only, row after row.
    const QModelIndex cur = currentIndex();
    const int rows = m_model->entryRowCount();
    if (rows == 0)
        return cur;
    int row = cur.isValid() ? std::min(cur.row(), rows - 1) : 0;
    int col = cur.isValid() ? cur.column() : TimesheetModel::FirstDayColumn - 1;
    if (action == MoveNext) {
        if (col < TimesheetModel::FirstDayColumn)
            col = TimesheetModel::FirstDayColumn;
        else if (col >= TimesheetModel::LastDayColumn) {
            col = TimesheetModel::FirstDayColumn;
            row = (row + 1) % rows;
        } else
            ++col;
    } else {
        if (col > TimesheetModel::LastDayColumn)
            col = TimesheetModel::LastDayColumn;
        else if (col <= TimesheetModel::FirstDayColumn) {
            col = TimesheetModel::LastDayColumn;
            row = (row + rows - 1) % rows;
        } else
            --col;
    }
    return dayCell(row, col);
}

void TimesheetView::keyPressEvent(QKeyEvent *event)
{
    if (m_model && state() != EditingState) {
        const QModelIndex cur = currentIndex();
        switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (m_model->isDayCell(cur) && (m_model->flags(cur) & Qt::ItemIsEditable))
                m_model->setData(cur, QString());
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (cur.isValid() && cur.row() + 1 < m_model->entryRowCount())
                setCurrentIndex(dayCell(cur.row() + 1, cur.column()));
            event->accept();
            return;
        default:
            break;
        }
    }
    QTableView::keyPressEvent(event);
}

void TimesheetView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint);
    // Enter saved the cell: go down, like a spreadsheet.
    if (hint == QAbstractItemDelegate::SubmitModelCache && m_model) {
        const QModelIndex cur = currentIndex();
        if (cur.isValid() && cur.row() + 1 < m_model->entryRowCount())
            setCurrentIndex(dayCell(cur.row() + 1, cur.column()));
    }
}

} // namespace keel::timesheet
