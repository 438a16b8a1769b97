#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace keel::timeapproval {

// Paints the cells whose `role` is true with a background and/or text colour: the models live
// in keel-client, which has no QtGui, so they only say which rows deserve attention.
class RowHighlightDelegate : public QStyledItemDelegate
{
public:
    RowHighlightDelegate(int role, QColor background, QColor text, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    QColor m_background;
    QColor m_text;
};

} // namespace keel::timeapproval
