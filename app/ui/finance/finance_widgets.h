#pragma once

#include <QStyledItemDelegate>

#include <initializer_list>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QDate;

namespace keel::finance {

// The look shared by the finance tabs: the approval lists' table style, a date field with a
// calendar, a section heading.
QTableView *financeTable(const char *objectName);
QDateEdit *dateField(const QDate &date, const char *objectName);
QLabel *sectionLabel(const QString &text);
// A muted sentence under a heading.
QLabel *hintLabel(const QString &text);
// Widths of the first columns, left to right (the last section stretches).
void setColumnWidths(QTableView *view, std::initializer_list<int> widths);
// Buttons in a crowded bar never narrower than their text.
void keepTextWidth(std::initializer_list<QPushButton *> buttons);
// The list above (three fifths) and its detail below, neither collapsible.
QSplitter *verticalSplit(QWidget *top, QWidget *bottom);

// Bold for the row whose `role` is true (the aging's totals row), with a rule above it.
class TotalRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    TotalRowDelegate(int role, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace keel::finance
