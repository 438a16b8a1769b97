#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace keel::closing {

// The close's red / amber / green, always with a mark and words beside the colour.
QColor lightColour(const QString &signal); // red, amber, green, closed
QString lightMark(const QString &signal);  // ✖ ▲ ✔: glyphs DejaVu and the usual fonts have

// A grid cell: tinted by its light, the state and the counts in words.
class CloseCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// A checklist item's light: a coloured pill with its mark and word ("✖ Red").
class CloseLightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace keel::closing
