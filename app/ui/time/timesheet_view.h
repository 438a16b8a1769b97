#pragma once

#include <QStyledItemDelegate>
#include <QTableView>

namespace keel::offline {
class TimesheetModel;
}

namespace keel::timesheet {

// Paints a timesheet cell's state (rejected red, conflict amber, submitted blue, approved
// green, not yet synced in italics, a corner mark for a note) and edits hours in a line edit
// that accepts what people type ("7.5", "7,5", "7:30").
class TimesheetDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
};

// The weekly grid, spreadsheet-like from the keyboard: type to replace a cell's hours, Enter
// saves and moves down, Tab / Shift+Tab save and move along the days (wrapping to the next
// row), arrows move, Delete clears a cell.
class TimesheetView : public QTableView
{
    Q_OBJECT
public:
    explicit TimesheetView(QWidget *parent = nullptr);

    void setTimesheetModel(offline::TimesheetModel *model);
    offline::TimesheetModel *timesheetModel() const { return m_model; }
    void fitColumns();

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void keyPressEvent(QKeyEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QModelIndex dayCell(int row, int column) const;

    offline::TimesheetModel *m_model = nullptr;
};

} // namespace keel::timesheet
