#pragma once

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTableView;

namespace keel::sales {

class PagedListModel;

// A server list in a sortable table (sorting is the server's), with a busy line while a page
// loads and a designed empty state (a sentence saying what to do) instead of a blank grid.
class ListPanel : public QWidget
{
    Q_OBJECT
public:
    ListPanel(PagedListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    PagedListModel *model() const { return m_model; }
    // The sentence shown when the list is empty (translated by the caller).
    void setEmptyText(const QString &text);
    QString currentId() const;
    QString emptyText() const;

signals:
    void activated(const QString &id);

private:
    void updateState();

    PagedListModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_busy;
    QStackedLayout *m_stack;
    QString m_emptyText;
};

} // namespace keel::sales
