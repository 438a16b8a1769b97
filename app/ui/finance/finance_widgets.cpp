#include "finance_widgets.h"

#include "timeapproval/list_style.h"

#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>

namespace keel::finance {

QTableView *financeTable(const char *objectName)
{
    auto *view = new QTableView;
    view->setObjectName(QString::fromLatin1(objectName));
    timeapproval::styleListView(view);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

QDateEdit *dateField(const QDate &date, const char *objectName)
{
    auto *edit = new QDateEdit(date);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    edit->setMinimumWidth(120);
    return edit;
}

QLabel *sectionLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setStyleSheet(QStringLiteral("color:#13294B; font-size:12pt; font-weight:600;"));
    return label;
}

QLabel *hintLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#5d6878;"));
    return label;
}

void setColumnWidths(QTableView *view, std::initializer_list<int> widths)
{
    int column = 0;
    for (const int w : widths)
        view->horizontalHeader()->resizeSection(column++, w);
}

void keepTextWidth(std::initializer_list<QPushButton *> buttons)
{
    // Measured from the text: the style sheet's padding is not known before the button is
    // shown in its window, so it is added here (16 px each side, and a little air).
    for (QPushButton *b : buttons)
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(b->text()) + 40);
}

QSplitter *verticalSplit(QWidget *top, QWidget *bottom)
{
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    return split;
}

TotalRowDelegate::TotalRowDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent), m_role(role)
{}

void TotalRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const bool total = index.data(m_role).toBool();
    if (total && !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, QColor(0xEE, 0xF2, 0xF6));
    QStyledItemDelegate::paint(painter, option, index);
    if (total) {
        painter->save();
        painter->setPen(QPen(QColor(0x9A, 0xA5, 0xB4), 1));
        painter->drawLine(option.rect.topLeft(), option.rect.topRight());
        painter->restore();
    }
}

void TotalRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(m_role).toBool())
        option->font.setBold(true);
}

} // namespace keel::finance
