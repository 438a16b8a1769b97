#include "row_highlight_delegate.h"

namespace keel::timeapproval {

RowHighlightDelegate::RowHighlightDelegate(int role, QColor background, QColor text,
                                           QObject *parent)
    : QStyledItemDelegate(parent), m_role(role), m_background(background), m_text(text)
{}

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
