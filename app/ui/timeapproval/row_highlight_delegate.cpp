#include "row_highlight_delegate.h"

#include <QPainter>

namespace keel::timeapproval {

RowHighlightDelegate::RowHighlightDelegate(int role, QColor background, QColor text,
                                           QObject *parent)
    : QStyledItemDelegate(parent), m_role(role), m_background(background), m_text(text)
{}

// Style sheets paint item backgrounds themselves and ignore the option's brush, so the
// highlight goes under the item first (unless the row is selected: selection wins).
void RowHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    if (m_background.isValid() && index.data(m_role).toBool() &&
        !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, m_background);
    QStyledItemDelegate::paint(painter, option, index);
}

void RowHighlightDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(m_role).toBool())
        return;
    if (m_background.isValid())
        option->backgroundBrush = m_background;
    if (m_text.isValid())
        option->palette.setColor(QPalette::Text, m_text);
}

} // namespace keel::timeapproval
