#pragma once

#include <QBrush>
#include <QColor>
#include <QStyledItemDelegate>
#include <QTableView>

namespace keel::resourcing {

class PlannerModel;
struct PlannerCell;

// Paints one planner cell as a heatmap square: hard bookings solid in a colour by allocation
// level, soft bookings striped, holidays and leave grey, over 100 % in a warning colour. Reads
// the model's cells directly (no QVariant per paint); brushes are built once.
class PlannerDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PlannerDelegate(PlannerModel *model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The fill colour for an allocation level (legend and tests).
    static QColor levelColour(int allocationPercent);

private:
    PlannerModel *m_model;
    QBrush m_softBrush;
    QBrush m_absentBrush;
    QColor m_absent;
    QColor m_text;
    QColor m_textOnDark;
};

// The people × weeks table: fixed row and column sizes (no measuring of 15,000 cells), the
// person's name in the row header, selection by rectangles of cells.
class PlannerView : public QTableView
{
    Q_OBJECT
public:
    explicit PlannerView(PlannerModel *model, QWidget *parent = nullptr);

    PlannerModel *plannerModel() const { return m_model; }
    // The selected person (the first selected row) and the selected weeks' range, if any.
    bool selectedRange(int *row, int *firstColumn, int *lastColumn) const;

signals:
    // A rectangle of cells was dragged over (mouse released): create an assignment there.
    void rangeDragged(int row, int firstColumn, int lastColumn);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    PlannerModel *m_model;
    bool m_dragging = false;
};

} // namespace keel::resourcing
