#pragma once

#include <QFrame>
#include <QStyledItemDelegate>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace keel {
class Session;
}

namespace keel::sales {

class PipelineBoardModel;
class PagedListModel;
class ListPanel;

// Paints an opportunity card: account, name, value, close date, owner.
class CardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// One stage: its name, count and totals above a list of cards that accepts drops.
class StageColumn : public QFrame
{
    Q_OBJECT
public:
    StageColumn(PipelineBoardModel *model, int stageRow, QWidget *parent = nullptr);
    QListView *list() const { return m_list; }
    QString stageCode() const;
    void updateHeader();

private:
    PipelineBoardModel *m_model;
    int m_row;
    QLabel *m_name;
    QLabel *m_count;
    QLabel *m_totals;
    QLabel *m_empty;
    QListView *m_list;
};

// The pipeline: filters (owner, practice, close date), the board (a column per stage, drag a
// card to change its stage) and the same opportunities as a sortable list.
class PipelineView : public QWidget
{
    Q_OBJECT
public:
    PipelineView(Session *session, QWidget *parent = nullptr);

    PipelineBoardModel *boardModel() const { return m_board; }
    PagedListModel *listModel() const { return m_listModel; }
    QList<StageColumn *> columns() const { return m_columns; }
    void reload();
    void showList(bool list);

signals:
    void opportunityActivated(const QString &id);
    void newOpportunityRequested();

private:
    void applyFilters();
    void rebuildColumns();
    void showMessage(const QString &text, bool error);

    Session *m_session;
    PipelineBoardModel *m_board;
    PagedListModel *m_listModel;
    ListPanel *m_listPanel;
    QComboBox *m_owner;
    QComboBox *m_practice;
    QComboBox *m_close;
    QPushButton *m_boardButton;
    QPushButton *m_listButton;
    QPushButton *m_newButton;
    QLabel *m_message;
    QLabel *m_busy;
    QStackedWidget *m_stack;
    QWidget *m_columnsHost;
    QHBoxLayout *m_columnsLayout;
    QLabel *m_boardEmpty;
    QList<StageColumn *> m_columns;
};

} // namespace keel::sales
