#include "list_style.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace keel::timeapproval {

void styleListView(QTableView *view)
{
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(30);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setMinimumHeight(30);
    view->setStyleSheet(QStringLiteral(
        "QTableView { border: 1px solid #D9DEE5; border-radius: 6px; background: #FFFFFF; "
        "alternate-background-color: #F7F9FB; selection-background-color: #DCE8FB; "
        "selection-color: #17223B; }"
        "QTableView::item { padding-left: 6px; padding-right: 6px; "
        "border-bottom: 1px solid #EDF0F3; }"
        "QHeaderView::section { background: #F2F4F7; color: #3B4656; font-weight: 600; "
        "padding: 4px 8px; border: none; border-bottom: 1px solid #D9DEE5; }"));
}

void showOutcome(QLabel *label, const QString &text, bool error)
{
    label->setProperty("error", error);
    label->setStyleSheet(error ? QStringLiteral("color:#B42318;")
                               : QStringLiteral("color:#1F6F43;"));
    label->setText(text);
    label->show();
}

} // namespace keel::timeapproval
